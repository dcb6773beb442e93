import { parse } from '@loaders.gl/core';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import proj4 from 'proj4';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { geodeticToEcef, loadGeoid, transformPoint } from '../../../src/core/geo/index';
import { convertBuildings, convertCityGML, type ConvertOptions } from '../../../workers/lib/convert/convert-citygml';
import { decodeFootprints } from '../../../workers/lib/footprints/footprint-codec';
import { NO_STRING } from '../../../workers/lib/tiles3d/metadata-schema';
import { chunked, toCityGML } from '../../helpers/citygml-text';
import { createHouse, createTown } from '../../helpers/create-building';
import { readTiles, tilesetJson, walkTiles } from '../../helpers/tileset-reader';

const validator = createRequire(import.meta.url)('gltf-validator') as { validateBytes(b: Uint8Array, o?: object): Promise<any> };

async function convert(buildings = createTown(50), options: ConvertOptions = {}) {
  const files = new Map<string, Uint8Array>();
  const summary = await convertBuildings(buildings, { write: (p, b) => void files.set(p, b) }, options);
  return { files, summary };
}

const MUNICH_ZETA = 45.53; // EGM96 at 11.58°E 48.14°N

describe('convertBuildings (ParsedBuilding → 3D Tiles 1.1)', () => {
  it('turns every building into one feature with its attributes', async () => {
    const town = createTown(300);
    const { files, summary } = await convert(town, { maxFeaturesPerTile: 40 });
    expect(summary.error).toBeUndefined();
    expect(summary.buildings).toBe(300);
    expect(summary.triangles).toBe(300 * 16);
    const tiles = await readTiles(files);
    expect(tiles.length).toBe(summary.tiles);
    expect(tiles.length).toBeGreaterThan(7);
    const byId = new Map(town.map((b) => [b.id, b]));
    const seen = new Set<string>();
    for (const tile of tiles) {
      expect(tile.count).toBeLessThanOrEqual(40);
      // featureCount is the number of distinct features, and every row is used.
      expect(new Set(tile.featureIds).size).toBe(tile.featureCount);
      expect(tile.featureCount).toBe(tile.count);
      tile.columns.id.forEach((id, row) => {
        const b = byId.get(id as string)!;
        expect(b).toBeDefined();
        expect(seen.has(b.id)).toBe(false);
        seen.add(b.id);
        const a = b.attributes;
        expect(tile.columns.name[row]).toBe(a.name ?? NO_STRING);
        expect(tile.columns.function[row]).toBe(a.function);
        expect(tile.columns.roofType[row]).toBe('3100');
        expect(tile.columns.measuredHeight[row]).toBe(a.measuredHeight ?? -9999);
        expect(tile.columns.storeysAboveGround[row]).toBe(a.storeysAboveGround ?? -1);
        expect(tile.columns.yearOfConstruction[row]).toBe(a.yearOfConstruction ?? -1);
        expect(tile.columns.address[row]).toBe(a.address ?? NO_STRING);
        expect(tile.columns.gen_Gemeindeschluessel[row]).toBe('09261000');
        expect(tile.columns.gen_DatenquelleDach[row]).toBe(a.generic.DatenquelleDach ?? -Number.MAX_VALUE);
        expect(tile.columns.lod[row]).toBe(2);
      });
    }
    expect(seen.size).toBe(300);
  });

  it('reads back with loaders.gl Tiles3DLoader: the tileset and its GLB content', async () => {
    const { files } = await convert(createTown(30), { maxFeaturesPerTile: 10 });
    const tileset: any = await parse(files.get('tileset.json')!.slice().buffer, Tiles3DLoader, {
      worker: false,
      '3d-tiles': { isTileset: true },
      baseUri: 'memory://town/tileset.json',
    } as never);
    expect(tileset.type).toBe('TILES3D');
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.root.refine).toBe(1); // loaders.gl's TILE_REFINEMENT.ADD
    expect(tileset.root.children.length).toBeGreaterThan(0);
    const uri = [...files.keys()].find((p) => p.endsWith('.glb'))!;
    const content: any = await parse(files.get(uri)!.slice().buffer, Tiles3DLoader, { worker: false, '3d-tiles': { loadGLTF: true } } as never);
    expect(content.type).toBe('glTF');
    expect(content.gltf.extensionsUsed).toEqual(expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata']));
  });

  it('declares one schema, with noData, in tileset.json and every GLB', async () => {
    const { files } = await convert();
    const tileset = tilesetJson(files);
    expect(tileset.asset.version).toBe('1.1');
    const props = tileset.schema.classes.building.properties;
    expect(props.id).toMatchObject({ type: 'STRING', required: true });
    expect(props.yearOfConstruction).toMatchObject({ type: 'SCALAR', componentType: 'INT16', noData: -1 });
    expect(props.measuredHeight).toMatchObject({ componentType: 'FLOAT64', noData: -9999 });
    expect(props.gen_DatenquelleDach).toMatchObject({ name: 'DatenquelleDach', componentType: 'FLOAT64' });
    for (const tile of await readTiles(files)) expect(tile.gltf.json.extensions.EXT_structural_metadata.schema).toEqual(tileset.schema);
  });

  it('writes GLBs that pass the Khronos glTF validator with no errors', async () => {
    const { files } = await convert(createTown(120), { maxFeaturesPerTile: 50 });
    for (const [path, bytes] of files) {
      if (!path.endsWith('.glb')) continue;
      const report = await validator.validateBytes(bytes);
      expect(report.issues.numErrors, `${path}: ${JSON.stringify(report.issues.messages.slice(0, 3))}`).toBe(0);
      expect(report.issues.messages.filter((m: any) => /EXTENSIONS_REQUIRED|UNALIGNED|ACCESSOR_ELEMENT_OUT_OF|BUFFER_VIEW_TARGET_MISSING/.test(m.code))).toEqual([]);
    }
  });

  it('switches to 32-bit indices past 65,535 vertices in a tile, and the GLB stays valid', async () => {
    const { files, summary } = await convert(createTown(2300), { maxFeaturesPerTile: 5000 });
    expect(summary.tiles).toBe(1);
    const [tile] = await readTiles(files);
    expect(tile.positions.length / 3).toBe(2300 * 30);
    const primitive = tile.gltf.json.meshes[0].primitives[0];
    expect(tile.gltf.json.accessors[primitive.indices].componentType).toBe(5125); // UNSIGNED_INT
    const report = await validator.validateBytes(files.get(tile.uri)!);
    expect(report.issues.numErrors).toBe(0);
  });

  it('says so when there is nothing to convert', async () => {
    const { files, summary } = await convert([], { file: 'empty.gml' });
    expect(summary.buildings).toBe(0);
    expect(summary.warnings.map((w) => w.code)).toEqual(['no-buildings']);
    expect(files.size).toBe(0);
  });

  it('makes geometric errors strictly decrease down the tree, 0 at the leaves, ADD refinement', async () => {
    const { files } = await convert(createTown(2000), { maxFeaturesPerTile: 100 });
    const tileset = tilesetJson(files);
    expect(tileset.root.refine).toBe('ADD');
    expect(tileset.geometricError).toBeGreaterThan(tileset.root.geometricError);
    let depth = 0;
    for (const { node, depth: d } of walkTiles(tileset.root)) {
      depth = Math.max(depth, d);
      if (!node.children?.length) expect(node.geometricError).toBe(0);
      for (const c of node.children ?? []) expect(c.geometricError).toBeLessThan(node.geometricError);
    }
    expect(depth).toBeGreaterThanOrEqual(2);
  });

  it('places vertices within 1 cm of proj4 + EGM96, through tile transforms and glTF y-up', async () => {
    const house = createHouse({ x: 691234.567, y: 5334567.891, z: 519.25 });
    const { files } = await convert([house, ...createTown(30)], { maxFeaturesPerTile: 8 });
    const tiles = await readTiles(files);
    const tile = tiles.find((t) => t.columns.id.includes(house.id))!;
    const row = tile.columns.id.indexOf(house.id);
    const utm = proj4('+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs', 'EPSG:4326');
    const geoid = await loadGeoid();
    // Every corner of the house, expected in ECEF from an independent proj4 definition.
    const corners = [[691234.567, 5334567.891, 519.25], [691244.567, 5334575.891, 525.25], [691244.567, 5334571.891, 528.25]];
    for (const [x, y, z] of corners) {
      const [lon, lat] = utm.forward([x, y]);
      const expected = geodeticToEcef(lon, lat, z + geoid.undulation(lon, lat));
      let best = Infinity;
      for (let v = 0; v < tile.featureIds.length; v++) {
        if (tile.featureIds[v] !== row) continue;
        const p = tile.positions;
        // glTF y-up (x, y, z) → 3D Tiles z-up (x, -z, y), then the tile's world transform.
        const w = transformPoint(tile.world, p[v * 3], -p[v * 3 + 2], p[v * 3 + 1]);
        best = Math.min(best, Math.hypot(w[0] - expected[0], w[1] - expected[1], w[2] - expected[2]));
      }
      // ζ varies by well under a millimetre across one house, so the converter's per-building ζ matches.
      expect(best).toBeLessThan(0.01);
    }
  });

  it('converts normal heights to ellipsoidal ones (EGM96, none, fixed)', async () => {
    const house = [createHouse({ z: 520 })];
    const auto = (await convert(house)).summary;
    expect(auto.bounds!.minHeight).toBeCloseTo(520 + MUNICH_ZETA, 1);
    expect(auto.heights).toMatch(/EGM96/);
    expect((await convert(house, { geoid: 'none' })).summary.bounds!.minHeight).toBeCloseTo(520, 6);
    expect((await convert(house, { geoid: 47.5 })).summary.bounds!.minHeight).toBeCloseTo(567.5, 6);
    const b = auto.bounds!;
    expect(b.west).toBeGreaterThan(11.5);
    expect(b.east).toBeLessThan(11.7);
    expect(b.south).toBeGreaterThan(48.1);
    expect(b.north).toBeLessThan(48.2);
  });

  it('keeps tight bounding boxes: the root box holds every vertex, a leaf box is no bigger than needed', async () => {
    const { files } = await convert(createTown(64), { maxFeaturesPerTile: 16 });
    const tiles = await readTiles(files);
    for (const tile of tiles) {
      const box = tile.node.boundingVolume.box;
      let maxOut = 0;
      const maxIn = [0, 0, 0];
      for (let v = 0; v < tile.positions.length / 3; v++) {
        const p = [tile.positions[v * 3], -tile.positions[v * 3 + 2], tile.positions[v * 3 + 1]];
        for (let k = 0; k < 3; k++) {
          const d = Math.abs(p[k] - box[k]);
          maxOut = Math.max(maxOut, d - box[3 + k * 4]);
          maxIn[k] = Math.max(maxIn[k], d);
        }
      }
      expect(maxOut).toBeLessThan(1e-3); // inside
      for (let k = 0; k < 3; k++) expect(box[3 + k * 4] - maxIn[k]).toBeLessThan(0.01); // and tight
    }
  });

  it('writes the footprints sidecar: ids, polygons in the source CRS, heights', async () => {
    const town = createTown(10);
    const { files } = await convert(town);
    const set = decodeFootprints(files.get('footprints.bin')!);
    expect(set.epsg).toBe(25832);
    expect(set.ids).toEqual(town.map((b) => b.id));
    expect(set.groundHeights[0]).toBe(520);
    expect(set.coords[0]).toBe(691000);
    expect(set.coords[1]).toBe(5334000);
    expect(set.polygonOffsets[10]).toBe(10);
  });

  it('marks planned buildings in the footprints sidecar (planungsstatus = geplant)', async () => {
    const planned = createHouse({ id: 'PLAN_1', x: 691100, attributes: { generic: { planungsstatus: 'geplant' } } });
    const { files } = await convert([createHouse({ id: 'OLD_1' }), planned]);
    const set = decodeFootprints(files.get('footprints.bin')!);
    expect(Array.from(set.planned!)).toEqual(set.ids.map((id) => (id === 'PLAN_1' ? 1 : 0)));
  });

  it('warns about and skips bad polygons and empty buildings; unknown CRS is a clear error', async () => {
    const house = createHouse({ id: 'GOOD' });
    house.polygons.push({ type: 'RoofSurface', rings: [Float64Array.of(0, 0, NaN, 1, 1, 1, 2, 2, 2)] });
    const empty = createHouse({ id: 'EMPTY' });
    empty.polygons = [];
    const { summary } = await convert([house, empty]);
    expect(summary.buildings).toBe(1);
    expect(summary.warnings.map((w) => [w.buildingId, w.code])).toEqual([
      ['GOOD', 'polygons-skipped'],
      ['EMPTY', 'no-geometry'],
    ]);
    const strange = createHouse({ srsName: 'EPSG:2056' });
    const failed = await convert([strange], { file: 'zurich.gml' });
    expect(failed.summary.error).toMatchObject({ code: 'unknown-crs', file: 'zurich.gml' });
    expect(failed.summary.error!.message).toMatch(/zurich\.gml.*EPSG:2056/);
    expect(failed.files.size).toBe(0);
    const rescued = await convert([strange], { crs: 'EPSG:25832' });
    expect(rescued.summary.buildings).toBe(1);
  });

  it('reads geographic CRSs in either axis order and meshes them in metres', async () => {
    const latFirst = createHouse({ x: 48.137, y: 11.575, width: 0.0001, depth: 0.0001, z: 565, srsName: 'urn:ogc:def:crs:EPSG::4979' });
    const lonFirst = createHouse({ x: 11.575, y: 48.137, width: 0.0001, depth: 0.0001, z: 565, srsName: 'EPSG:4979' });
    for (const house of [latFirst, lonFirst]) {
      const { summary, files } = await convert([house]);
      expect(summary.error).toBeUndefined();
      expect(summary.bounds!.west).toBeCloseTo(11.575, 6);
      expect(summary.bounds!.south).toBeCloseTo(48.137, 6);
      expect(summary.bounds!.minHeight).toBe(565); // ellipsoidal already: no geoid
      const [tile] = await readTiles(files);
      // Metric meshing: the box is a house (≈ 7.4 m × 11.1 m × 9 m), not a sliver of degrees.
      const box = tile.node.boundingVolume.box;
      expect(Math.max(box[3], box[7]) * 2).toBeGreaterThan(10);
      expect(Math.max(box[3], box[7]) * 2).toBeLessThan(12);
    }
  });

  it('stops on abort with an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const { summary } = await convert(createTown(10), { signal: controller.signal });
    expect(summary.error?.name).toBe('AbortError');
  });
});

describe('convertCityGML (bytes → tileset, with the streaming reader)', () => {
  it('reads, converts and reports progress', async () => {
    const town = createTown(40);
    const files = new Map<string, Uint8Array>();
    const phases = new Set<string>();
    const summary = await convertCityGML(chunked(toCityGML(town), 4096), { write: (p, b) => void files.set(p, b) }, {
      file: 'town.gml',
      onProgress: (p) => phases.add(p.phase),
    });
    expect(summary.error).toBeUndefined();
    expect(summary.buildings).toBe(40);
    expect(summary.bytesRead).toBe(new TextEncoder().encode(toCityGML(town)).length);
    expect(summary.crs).toMatchObject({ epsg: 25832, verticalDatum: 'DHHN2016' });
    expect(phases).toContain('done');
    const ids = (await readTiles(files)).flatMap((t) => t.columns.id);
    expect(ids.sort()).toEqual(town.map((b) => b.id).sort());
    expect(summary.bytesWritten).toBe([...files.values()].reduce((s, b) => s + b.byteLength, 0));
  });

  it('keeps what it converted when the file breaks off, and says where', async () => {
    const text = toCityGML(createTown(20));
    const cut = text.slice(0, text.indexOf('DEBY_LOD2_0000015') - 40);
    const files = new Map<string, Uint8Array>();
    const summary = await convertCityGML(chunked(cut), { write: (p, b) => void files.set(p, b) }, { file: 'cut.gml' });
    expect(summary.error).toBeDefined();
    expect(summary.error!.file).toBe('cut.gml');
    expect(summary.error!.line).toBeGreaterThan(1);
    expect(summary.buildings).toBe(15);
    expect(files.has('tileset.json')).toBe(true);
    expect((await readTiles(files)).flatMap((t) => t.columns.id)).toHaveLength(15);
  });
});
