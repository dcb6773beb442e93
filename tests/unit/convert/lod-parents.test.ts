/**
 * Levels of detail: parents carry LoD1 blocks of the buildings beneath them, with the leaves'
 * feature records; errors fall from root to leaves; a far parent's bytes stay bounded; leaves
 * and the tileset without --lod are unchanged; the result passes Cesium's validator.
 */
import { describe, expect, it } from 'vitest';
import { convertBuildings, convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { createHouse, createTown } from '../../helpers/create-building';
import { generateTown } from '../../../tools/make-demo/generate-town';
import { MAX_PARENT_BUILDINGS } from '../../../workers/lib/lod/parent-lod';
import { validateTilesetFiles } from '../../helpers/validate-tileset';
import { readTiles, type ReadTile } from '../../helpers/tileset-reader';

const encoder = new TextEncoder();

async function* town(buildings: number): AsyncGenerator<Uint8Array> {
  for await (const piece of generateTown({ buildings, seed: 11 })) yield encoder.encode(piece);
}

interface Tile {
  geometricError: number;
  refine?: string;
  content?: { uri: string };
  children?: Tile[];
}

async function convert(buildings: number, lod: boolean, maxFeaturesPerTile?: number) {
  const files = new Map<string, Uint8Array>();
  const summary = await convertCityGML(town(buildings), { write: (p, b) => void files.set(p, b) }, { lod, maxFeaturesPerTile });
  expect(summary.error).toBeUndefined();
  const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json'))) as { root: Tile };
  const tiles = new Map((await readTiles(files)).map((t) => [t.uri, t]));
  return { files, tileset, tiles };
}

/** Byte equality without toEqual's element-by-element walk (seconds per tile on typed arrays). */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function* walk(tile: Tile, parent?: Tile): Generator<[Tile, Tile | undefined]> {
  yield [tile, parent];
  for (const c of tile.children ?? []) yield* walk(c, tile);
}

/** Building ids in the leaves under a tile. */
function leafIds(tile: Tile, tiles: Map<string, ReadTile>): Set<string> {
  const ids = new Set<string>();
  for (const [t] of walk(tile)) if (!t.children?.length && t.content) for (const id of idsOf(tiles.get(t.content.uri)!)) ids.add(id as string);
  return ids;
}

function idsOf(tile: ReadTile): string[] {
  return tile.columns.id as string[];
}

describe('levels of detail', () => {
  it('parents hold LoD1 blocks whose feature rows name buildings of their leaves; errors fall to the leaves; validator-clean', { timeout: 600_000 }, async () => {
    const { files, tileset, tiles } = await convert(1500, true, 150);
    const parents = [...walk(tileset.root)].filter(([t]) => t.children?.length);
    expect(parents.length).toBeGreaterThan(2);
    expect(tileset.root.refine).toBe('REPLACE');
    for (const [parent, above] of walk(tileset.root)) {
      if (above) expect(parent.geometricError).toBeLessThan(above.geometricError);
      if (!parent.children?.length) {
        expect(parent.geometricError).toBe(0);
        continue;
      }
      expect(parent.refine).toBe('REPLACE');
      if (!parent.content) continue;
      const tile = tiles.get(parent.content.uri)!;
      // Per-vertex feature ids name every row of the property table, as on the leaves.
      const ids = idsOf(tile);
      expect(ids.length).toBeGreaterThan(0);
      expect(tile.featureCount).toBe(ids.length);
      expect(new Set(tile.featureIds).size).toBe(ids.length);
      const below = leafIds(parent, tiles);
      for (const id of ids) expect(below.has(id), id).toBe(true);
    }
    expect(idsOf(tiles.get(tileset.root.content!.uri)!).length).toBeGreaterThan(10);
    const report = await validateTilesetFiles(files);
    expect(report.issues.filter((i) => i.severity !== 'INFO'), JSON.stringify(report.issues.slice(0, 5))).toEqual([]);
    expect(report.numErrors).toBe(0);
  });

  it('keeps the leaves byte for byte and only adds parents; without lod nothing changes', { timeout: 300_000 }, async () => {
    const on = await convert(800, true, 100);
    const off = await convert(800, false, 100);
    const offLeaves = [...walk(off.tileset.root)].filter(([t]) => !t.children?.length && t.content).map(([t]) => t.content!.uri);
    expect(offLeaves.length).toBeGreaterThan(3);
    for (const uri of offLeaves) expect(sameBytes(on.files.get(uri), off.files.get(uri)), uri).toBe(true);
    // Without lod, parents keep only their own buildings and the root refines by adding.
    expect(off.tileset.root).toMatchObject({ refine: 'ADD' });
    // Without lod every building is in exactly one tile; with lod parents repeat some.
    const rows = (t: Map<string, ReadTile>) => [...t.values()].flatMap(idsOf);
    expect(new Set(rows(off.tiles)).size).toBe(rows(off.tiles).length);
    expect(rows(on.tiles).length).toBeGreaterThan(new Set(rows(on.tiles)).size);
    expect(new Set(rows(on.tiles))).toEqual(new Set(rows(off.tiles)));
    // Deterministic: what lets --shard + merge equal one run (a file's tileset is the same bytes on any shard).
    const again = await convert(800, true, 100);
    expect([...again.files.keys()].sort()).toEqual([...on.files.keys()].sort());
    for (const [path, bytes] of on.files) expect(sameBytes(again.files.get(path), bytes), path).toBe(true);
  });

  it("bounds a 10k-building town's root: at most the cap of buildings and 1 MB", { timeout: 600_000 }, async () => {
    const { files, tileset, tiles } = await convert(10_000, true);
    const root = files.get(tileset.root.content!.uri)!;
    const ids = idsOf(tiles.get(tileset.root.content!.uri)!);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.length).toBeLessThanOrEqual(MAX_PARENT_BUILDINGS);
    expect(root.byteLength).toBeLessThan(1024 * 1024);
    let leafBytes = 0;
    for (const [t] of walk(tileset.root)) if (!t.children?.length && t.content) leafBytes += files.get(t.content.uri)!.byteLength;
    expect(root.byteLength * 10).toBeLessThan(leafBytes);
  });

  it("moves a parent's own buildings (too big for its children) to a leaf '-own' child, still drawn in full", { timeout: 400_000 }, async () => {
    const buildings = createTown(300);
    buildings.push(createHouse({ id: 'HALL', width: 380, depth: 60, x: 691000, y: 5334150 }));
    const files = new Map<string, Uint8Array>();
    await convertBuildings(buildings, { write: (p, b) => void files.set(p, b) }, { maxFeaturesPerTile: 60, lod: true });
    const tiles = new Map((await readTiles(files)).map((t) => [t.uri, t]));
    const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json'))) as { root: Tile };
    const pairs = [...walk(tileset.root)];
    const own = pairs.filter(([t]) => t.content?.uri.endsWith('-own.glb'));
    expect(own.length).toBeGreaterThan(0);
    const [hallLeaf, parent] = own.find(([t]) => idsOf(tiles.get(t.content!.uri)!).includes('HALL'))!;
    expect(hallLeaf.children ?? []).toEqual([]);
    expect(hallLeaf.geometricError).toBe(0);
    // The parent shows the hall as a block until it refines, and refines by replacing.
    expect(parent!.refine).toBe('REPLACE');
    expect(idsOf(tiles.get(parent!.content!.uri)!)).toContain('HALL');
    // Every building is in exactly one leaf.
    const leafRows = pairs.filter(([t]) => !t.children?.length && t.content).flatMap(([t]) => idsOf(tiles.get(t.content!.uri)!));
    expect(leafRows.length).toBe(301);
    expect(new Set(leafRows).size).toBe(301);
    const report = await validateTilesetFiles(files);
    expect(report.numErrors).toBe(0);
  });
});
