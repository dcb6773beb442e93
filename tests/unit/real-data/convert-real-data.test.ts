// Every shared real CityGML sample through the whole converter (convertCityGML): no crash, every building the
// reader yields becomes a feature, valid GLB, sane bounds, and Cesium's 3d-tiles-validator with 0 errors.
// The data lives outside the repo (../shared/data/citygml); without it this suite fails, it never skips.
//
// File rule: every file is taken as CityGML except the known non-CityGML kinds that sit beside the samples —
// images (.png .jpg .jpeg), JSON / CityJSON (.json .jsonl) and notes (.txt .md). A new file of any other kind
// is converted, so it cannot slip past this suite unnoticed.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import validator from 'gltf-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRootTileset, type ChildTileset } from '../../../tools/convert/root-tileset';
import { volumeToRegion } from '../../../tools/convert/bounding-region';
import { readCityGML } from '../../../workers/lib/citygml/read-citygml';
import { convertCityGML, type ConvertSummary } from '../../../workers/lib/convert/convert-citygml';
import { validateTilesetDirectory } from '../../helpers/validate-tileset';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = resolve(root, '../shared/data/citygml');
const NOT_CITYGML = new Set(['.png', '.jpg', '.jpeg', '.json', '.jsonl', '.txt', '.md']);

/** lon/lat boxes (degrees) of the countries the samples come from. */
const COUNTRY = {
  DE: { west: 5.8, south: 47.2, east: 15.1, north: 55.1 },
  NL: { west: 3.3, south: 50.7, east: 7.3, north: 53.6 },
  FR: { west: -5.2, south: 41.3, east: 9.6, north: 51.1 },
  US: { west: -125, south: 24.5, east: -66.9, north: 49.4 },
  CH: { west: 5.9, south: 45.8, east: 10.5, north: 47.9 },
} as const;

type Expectation = { country: keyof typeof COUNTRY } | { error: 'unknown-crs'; crs: RegExp } | { noBuildings: true };

/** Everything is German data unless listed here. */
const EXPECTED: Record<string, Expectation> = {
  'njam-citygml-to-3dtiles-testdata/delft-citygml2.xml': { country: 'NL' },
  // "CH1903" is a bare datum name, not an EPSG code or URN: the converter must refuse it clearly.
  'njam-citygml-to-3dtiles-testdata/sig3d-genericattributes-citygml2.xml': { error: 'unknown-crs', crs: /unknown CRS "CH1903"/ },
  'njam-citygml-to-3dtiles-testdata/zurich-lod2-citygml1.xml': { error: 'unknown-crs', crs: /unknown CRS "CH1903"/ },
  'ogc-citygml3-examples/v3/LocalCRS_CityGML3.gml': { error: 'unknown-crs', crs: /unknown CRS "#local-CRS-1"/ },
  // Only the last of its four buildings carries an srsName; the first has none.
  'ogc-citygml3-examples/v3/historicalSuccession_CityGML_3.0_LOD2_Versioning.gml': { error: 'unknown-crs', crs: /has no CRS/ },
  'ogc-citygml3-examples/v3/Opera-Lyon_CityGML3.0_LOD2_with_xAL3_FullyStructured.gml': { country: 'FR' },
  // srsName="EPSG:4979" written longitude first, as the short EPSG: form is read.
  'ogc-citygml3-examples/v3/JeffersonBuilding_CityGML3.0_LOD1_with_xAL3_CommonTypes.gml': { country: 'US' },
  // A generic city object with a texture, no bldg:Building.
  'ogc-citygml2-appearance-examples/Appearance_TexCoord-Example.gml': { noBuildings: true },
};

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return listFiles(p);
      return NOT_CITYGML.has(extname(name).toLowerCase()) ? [] : [p];
    });
}

async function readerCount(file: string, name: string): Promise<number> {
  let n = 0;
  for await (const _ of readCityGML(createReadStream(file), { file: name })) n++;
  return n;
}

async function convertToMemory(file: string, name: string, crs?: string) {
  const files = new Map<string, Uint8Array>();
  const summary = await convertCityGML(createReadStream(file, { highWaterMark: 1 << 20 }), { write: (p, b) => void files.set(p, b) }, { file: name, crs });
  return { files, summary };
}

async function gltfErrors(bytes: Uint8Array, uri: string): Promise<string[]> {
  const report = await validator.validateBytes(bytes, { uri, maxIssues: 20, writeTimestamp: false });
  return report.issues.messages
    .filter((m) => m.severity === 0)
    .map((m) => `${uri} ${m.pointer ?? ''} ${m.code}: ${m.message}`);
}

let outDir: string;
const converted: ChildTileset[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'twinby-real-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('converting every real CityGML sample', () => {
  it('has the shared samples', () => {
    expect(existsSync(dataDir), `missing ${dataDir}`).toBe(true);
    expect(listFiles(dataDir).length).toBeGreaterThan(30);
  });

  const files = (existsSync(dataDir) ? listFiles(dataDir) : []).map((f) => [relative(dataDir, f), f] as const);
  it.each(files)('%s', convertAndCheck);

  async function convertAndCheck(name: string, file: string): Promise<void> {
    const expected = EXPECTED[name] ?? { country: 'DE' };
    const { files: out, summary } = await convertToMemory(file, name);

    if ('error' in expected) {
      expect(summary.error).toMatchObject({ name: 'ConvertError', code: 'unknown-crs', file: name });
      expect(summary.error!.message).toMatch(expected.crs);
      expect(summary.error!.message).toMatch(/--crs/);
      expect(summary.error!.line).toBeGreaterThan(0);
      expect(summary.buildings).toBe(0);
      expect(out.size).toBe(0);
      return;
    }
    expect(summary.error).toBeUndefined();
    const count = await readerCount(file, name);
    expect(summary.buildings).toBe(count);
    if ('noBuildings' in expected) {
      expect(count).toBe(0);
      expect(out.size).toBe(0);
      return;
    }
    expect(count).toBeGreaterThan(0);

    // Valid GLB, and as many tiles as the summary says.
    const glbs = [...out.keys()].filter((p) => p.endsWith('.glb'));
    expect(glbs.length).toBe(summary.tiles);
    const errors = (await Promise.all(glbs.map((p) => gltfErrors(out.get(p)!, p)))).flat();
    expect(errors).toEqual([]);

    // Sane bounds: in the expected country, heights plausible for the ellipsoid, and in agreement with the
    // tileset's root volume (built from the vertices; the summary's lon/lat box comes from the source CRS, so
    // the two may differ by a few metres at the edges, never more).
    checkBounds(summary, COUNTRY[expected.country]);
    const tileset = JSON.parse(new TextDecoder().decode(out.get('tileset.json')));
    const region = volumeToRegion(tileset.root.boundingVolume, tileset.root.transform).map((v, i) => (i < 4 ? (v * 180) / Math.PI : v));
    const b = summary.bounds!;
    const tenMetres = 10 / 111_000;
    expect(Math.abs(region[0] - b.west) * Math.cos((b.south * Math.PI) / 180)).toBeLessThan(tenMetres);
    expect(Math.abs(region[1] - b.south)).toBeLessThan(tenMetres);
    expect(Math.abs(region[2] - b.east) * Math.cos((b.south * Math.PI) / 180)).toBeLessThan(tenMetres);
    expect(Math.abs(region[3] - b.north)).toBeLessThan(tenMetres);
    expect(Math.abs(region[4] - b.minHeight)).toBeLessThan(1);
    expect(Math.abs(region[5] - b.maxHeight)).toBeLessThan(1);

    // Kept for one validator run over all of them (below).
    const folder = name.replace(/[^\w.-]+/g, '_');
    for (const [path, bytes] of out) {
      const target = join(outDir, folder, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    converted.push({ uri: `${folder}/tileset.json`, tileset });
  }

  // The refused samples convert once the user names the CRS, as the error message asks.
  it.each([
    ['ogc-citygml3-examples/v3/historicalSuccession_CityGML_3.0_LOD2_Versioning.gml', 'EPSG:3946', 4, 'FR'],
    ['njam-citygml-to-3dtiles-testdata/zurich-lod2-citygml1.xml', 'EPSG:21781', 4, 'CH'], // "CH1903" in LV03 coordinates
    // claims "CH1903", but its coordinates (458868 5438343) are UTM zone 32 in Germany
    ['njam-citygml-to-3dtiles-testdata/sig3d-genericattributes-citygml2.xml', 'EPSG:25832', 1, 'DE'],
  ] as const)('converts %s once the CRS is named (%s)', async (name, crs, buildings, country) => {
    const { files: out, summary } = await convertToMemory(join(dataDir, name), name, crs);
    expect(summary.error).toBeUndefined();
    expect(summary.buildings).toBe(buildings);
    checkBounds(summary, COUNTRY[country]);
    const errors = (await Promise.all([...out.keys()].filter((p) => p.endsWith('.glb')).map((p) => gltfErrors(out.get(p)!, p)))).flat();
    expect(errors).toEqual([]);
  });

  it("passes Cesium's 3d-tiles-validator with 0 errors, every output under one root tileset", async () => {
    expect(converted.length).toBeGreaterThan(25);
    await writeFile(join(outDir, 'tileset.json'), JSON.stringify(buildRootTileset(converted)));
    const report = await validateTilesetDirectory(outDir);
    expect(report.issues.filter((i) => i.severity === 'ERROR').map((i) => `${i.path}: ${i.message}`)).toEqual([]);
    expect(report.numErrors).toBe(0);
  });
});

function checkBounds(summary: ConvertSummary, box: (typeof COUNTRY)[keyof typeof COUNTRY]): void {
  const b = summary.bounds;
  expect(b).toBeDefined();
  expect(b!.west).toBeGreaterThanOrEqual(box.west);
  expect(b!.east).toBeLessThanOrEqual(box.east);
  expect(b!.south).toBeGreaterThanOrEqual(box.south);
  expect(b!.north).toBeLessThanOrEqual(box.north);
  expect(b!.west).toBeLessThanOrEqual(b!.east);
  expect(b!.south).toBeLessThanOrEqual(b!.north);
  expect(b!.minHeight).toBeGreaterThanOrEqual(-100);
  expect(b!.maxHeight).toBeLessThanOrEqual(3000);
  expect(b!.minHeight).toBeLessThanOrEqual(b!.maxHeight);
}
