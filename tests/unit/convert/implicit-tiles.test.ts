/**
 * --implicit: a 3D Tiles 1.1 implicit quadtree. Every tile and subtree written is reachable through the
 * availability bitstreams (read by src/core's own implicit walker), and nothing unavailable is written;
 * every building is in exactly one leaf; content lies in its tile's box (up to half a building at the edge);
 * two runs are the same bytes; Cesium's validator finds no error or warning, with and without levels of detail.
 */
import { describe, expect, it } from 'vitest';
import { convertBuildings, convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { createHouse } from '../../helpers/create-building';
import { generateTown } from '../../../tools/make-demo/generate-town';
import { walkImplicit } from '../../../src/core/council/implicit-tiling';
import { validateTilesetFiles } from '../../helpers/validate-tileset';
import { readGlb } from '../../helpers/tileset-reader';

const encoder = new TextEncoder();
const BUILDINGS = 300;

async function* town(): AsyncGenerator<Uint8Array> {
  for await (const piece of generateTown({ buildings: BUILDINGS, seed: 5 })) yield encoder.encode(piece);
}

async function convert(lod: boolean) {
  const files = new Map<string, Uint8Array>();
  // small tiles and 2-level subtrees, so the tree has child subtrees
  const summary = await convertCityGML(town(), { write: (p, b) => void files.set(p, b) }, { lod, maxFeaturesPerTile: 12, implicit: { subtreeLevels: 2 } });
  expect(summary.error).toBeUndefined();
  expect(summary.buildings).toBe(BUILDINGS);
  const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json')));
  return { files, tileset, summary };
}

/** The files reachable from the root through availability, as paths. */
async function reachable(files: Map<string, Uint8Array>, root: any): Promise<string[]> {
  const base = 'https://example.test/set/';
  const found: string[] = [];
  const issues = await walkImplicit(`${base}tileset.json`, root.implicitTiling, [root.content.uri], {
    fetchBinary: async (url) => {
      const bytes = files.get(url.slice(base.length));
      if (!bytes) throw new Error(`not written: ${url}`);
      return bytes.slice().buffer;
    },
    add: (url) => {
      found.push(url.slice(base.length));
      return true;
    },
  });
  expect(issues).toEqual([]);
  return found.sort();
}

interface Cell {
  level: number;
  x: number;
  y: number;
}

const cellOf = (path: string): Cell => {
  const [level, x, y] = path.replace(/^tiles\//, '').replace(/\.glb$/, '').split('/').map(Number);
  return { level, x, y };
};

describe('implicit tiling output', () => {
  for (const lod of [false, true]) {
    it(`writes only what its availability names, each building once in a leaf, inside its tile (${lod ? 'with' : 'without'} levels of detail)`, async () => {
      const { files, tileset, summary } = await convert(lod);
      const root = tileset.root;
      expect(root.implicitTiling).toMatchObject({ subdivisionScheme: 'QUADTREE', subtreeLevels: 2 });
      expect(root.implicitTiling.availableLevels).toBeGreaterThan(2);
      expect(root.refine).toBe(lod ? 'REPLACE' : 'ADD');
      expect(root.children).toBeUndefined();
      const written = [...files.keys()].filter((k) => k.endsWith('.glb') || k.endsWith('.subtree')).sort();
      expect(written.some((k) => /^subtrees\/2\//.test(k))).toBe(true);
      expect(await reachable(files, root)).toEqual(written);
      expect(written.filter((k) => k.endsWith('.glb'))).toHaveLength(summary.tiles);

      const glbs = written.filter((k) => k.endsWith('.glb'));
      const cells = new Set(glbs.map((k) => k.slice(6, -4)));
      const hasChild = (c: Cell) => [0, 1, 2, 3].some((q) => cells.has(`${c.level + 1}/${2 * c.x + (q & 1)}/${2 * c.y + (q >> 1)}`));
      const [cx, cy, cz, hx, , , , hy, , , , hz] = root.boundingVolume.box;
      const leafIds: string[] = [];
      let overhang = 0;
      for (const path of glbs) {
        const cell = cellOf(path);
        const t = await readGlb(files.get(path)!);
        const ids = t.columns.id as string[];
        if (!hasChild(cell) || !lod) leafIds.push(...ids);
        const side = (2 * hx) / 2 ** cell.level;
        const x0 = cx - hx + cell.x * side;
        const y0 = cy - hy + cell.y * side;
        for (let i = 0; i < t.positions.length; i += 3) {
          // glTF y-up: east, up, -north in the root frame
          const e = t.positions[i], u = t.positions[i + 1], n = -t.positions[i + 2];
          overhang = Math.max(overhang, x0 - e, e - (x0 + side), y0 - n, n - (y0 + side));
          expect(Math.abs(u - cz)).toBeLessThanOrEqual(hz + 1e-3);
        }
      }
      expect(leafIds.sort()).toEqual([...new Set(leafIds)].sort());
      expect(leafIds).toHaveLength(BUILDINGS);
      // the loose quadtree: a building reaches past its cell by at most half its size (houses here: < 40 m)
      expect(overhang).toBeLessThan(20);
    }, 120_000);
  }

  it('makes a one-tile tileset of a single building, and folds buildings that cannot be split into their cell', async () => {
    const one = new Map<string, Uint8Array>();
    await convertBuildings([createHouse({ id: 'ONLY' })], { write: (p, b) => void one.set(p, b) }, { implicit: true, lod: true });
    const root = JSON.parse(new TextDecoder().decode(one.get('tileset.json'))).root;
    expect(root.implicitTiling).toMatchObject({ availableLevels: 1, subtreeLevels: 1 });
    expect(root.geometricError).toBeGreaterThan(0);
    expect(await reachable(one, root)).toEqual(['subtrees/0/0/0.subtree', 'tiles/0/0/0.glb']);
    // five houses on one spot with a cap of two a tile: past the depth limit they would be chunks; here one tile
    const stacked = new Map<string, Uint8Array>();
    const houses = Array.from({ length: 5 }, (_, i) => createHouse({ id: `S${i}`, x: 691000, y: 5334000 }));
    await convertBuildings(houses, { write: (p, b) => void stacked.set(p, b) }, { implicit: true, maxFeaturesPerTile: 2 });
    const glbs = [...stacked.keys()].filter((k) => k.endsWith('.glb'));
    const ids = (await Promise.all(glbs.map(async (k) => (await readGlb(stacked.get(k)!)).columns.id as string[]))).flat();
    expect(ids.sort()).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    const r = JSON.parse(new TextDecoder().decode(stacked.get('tileset.json'))).root;
    expect((await reachable(stacked, r)).filter((k) => k.endsWith('.glb'))).toEqual(glbs.sort());
  }, 120_000);

  it('is the same bytes twice (what keeps --shard + merge equal to one run)', async () => {
    const a = await convert(true);
    const b = await convert(true);
    expect([...b.files.keys()].sort()).toEqual([...a.files.keys()].sort());
    for (const [path, bytes] of a.files) expect(Buffer.compare(Buffer.from(b.files.get(path)!), Buffer.from(bytes)), path).toBe(0);
  }, 120_000);

  it('passes Cesium 3d-tiles-validator with no error and no warning, with and without levels of detail', { timeout: 600_000 }, async () => {
    for (const lod of [false, true]) {
      const { files } = await convert(lod);
      const report = await validateTilesetFiles(files);
      expect(report.issues.filter((i) => i.severity !== 'INFO'), JSON.stringify(report.issues.filter((i) => i.severity !== 'INFO').slice(0, 5))).toEqual([]);
      expect(report.numErrors).toBe(0);
    }
  });
});
