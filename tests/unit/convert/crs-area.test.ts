// Coordinates far outside their CRS (1e9 m, 1e15 m in EPSG:25832, a height of 1e9 m): the building is left
// out with a located warning, and its neighbours come out exactly as they would without it.
import { describe, expect, it } from 'vitest';
import { outsideCrsArea } from '../../../src/core/geo/index';
import type { ParsedBuilding } from '../../../workers/lib/citygml/building';
import { convertBuildings, convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { assertFiniteArray, stringifyFinite } from '../../../workers/lib/tiles3d/finite-json';
import { chunked, toCityGML } from '../../helpers/citygml-text';
import { createHouse, createTown } from '../../helpers/create-building';
import { readTiles } from '../../helpers/tileset-reader';

async function convert(buildings: ParsedBuilding[]) {
  const files = new Map<string, Uint8Array>();
  const summary = await convertBuildings(buildings, { write: (p, b) => void files.set(p, b) });
  return { files, summary };
}

/** Every building's positions, by id, in the tiles' ECEF frame (tile transform applied). */
async function positionsById(files: Map<string, Uint8Array>): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const tile of await readTiles(files)) {
    for (let v = 0; v < tile.featureIds.length; v++) {
      const id = tile.columns.id[tile.featureIds[v]] as string;
      // glTF y-up → the tile's z-up frame, then the tile's world transform (column-major)
      const [x, y, z] = [tile.positions[v * 3], -tile.positions[v * 3 + 2], tile.positions[v * 3 + 1]];
      const m = tile.world;
      const p = [0, 1, 2].map((r) => m[r] * x + m[4 + r] * y + m[8 + r] * z + m[12 + r]);
      out.set(id, [...(out.get(id) ?? []), ...p]);
    }
  }
  return out;
}

function moved(house: ParsedBuilding, dx: number, dz = 0): ParsedBuilding {
  const polygons = house.polygons.map((p) => ({ ...p, rings: p.rings.map((r) => r.map((v, i) => (i % 3 === 0 ? v + dx : i % 3 === 2 ? v + dz : v))) }));
  return { ...house, id: `${house.id}_BAD`, polygons, line: 42, column: 3 };
}

describe('coordinates outside the CRS area', () => {
  it('the area check knows the supported CRSs and refuses non-finite numbers', () => {
    expect(outsideCrsArea(25832, 691000, 5334000, 520)).toBeNull();
    expect(outsideCrsArea(25832, 1e9, 5334000)).toMatch(/outside the area of EPSG:25832/);
    expect(outsideCrsArea(25832, 691000, 1e15)).toMatch(/outside/);
    expect(outsideCrsArea(25832, 691000, 5334000, 1e9)).toMatch(/height/);
    expect(outsideCrsArea(4326, 11.5, 48.1, 500)).toBeNull();
    expect(outsideCrsArea(4326, 200, 48.1)).toMatch(/outside/);
    expect(outsideCrsArea(31468, 4468000, 5334000)).toBeNull();
    expect(outsideCrsArea(31468, 691000, 5334000)).toMatch(/outside/);
    expect(outsideCrsArea(25832, NaN, 0)).toMatch(/finite/);
  });

  for (const [label, dx, dz, where] of [
    ['1e9 m east, first in the file', 1e9, 0, 0],
    ['1e15 m east, in the middle', 1e15, 0, 5],
    ['a height of 1e9 m, last', 0, 1e9, 9],
  ] as const) {
    it(`drops a building ${label}, and the others are untouched`, async () => {
      const town = createTown(9, { spacing: 15 });
      const bad = moved(town[0], dx, dz);
      const withBad = [...town];
      withBad.splice(where, 0, bad);
      const clean = await convert(town);
      const dirty = await convert(withBad);
      expect(dirty.summary.error).toBeUndefined();
      expect(dirty.summary.buildings).toBe(9);
      const w = dirty.summary.warnings.find((x) => x.code === 'outside-crs-area');
      expect(w).toMatchObject({ buildingId: bad.id, line: 42, column: 3 });
      // no NaN or null in any file, and the neighbours exactly where they were
      const json = new TextDecoder().decode(dirty.files.get('tileset.json'));
      expect(json).not.toMatch(/null|NaN/);
      expect(await positionsById(dirty.files)).toEqual(await positionsById(clean.files));
      expect(dirty.summary.bounds).toEqual(clean.summary.bounds);
    });
  }

  it('the same through the CityGML reader: located warning with the line of the building', async () => {
    const good = createHouse({ id: 'GOOD' });
    const text = toCityGML([good, moved(createHouse({ id: 'FAR' }), 1e9)]);
    const files = new Map<string, Uint8Array>();
    const summary = await convertCityGML(chunked(text), { write: (p, b) => void files.set(p, b) }, { file: 'far.gml' });
    expect(summary.buildings).toBe(1);
    const w = summary.warnings.find((x) => x.code === 'outside-crs-area')!;
    expect(w.file).toBe('far.gml');
    expect(text.split('\n')[w.line! - 1]).toContain('FAR_BAD');
  });

  it('the writers refuse NaN and Infinity themselves', () => {
    expect(() => stringifyFinite({ root: { boundingVolume: { box: [0, NaN] } } }, 'tileset.json')).toThrow(/root\.boundingVolume\.box\[1\]/);
    expect(() => stringifyFinite({ a: [1, Infinity] }, 'x')).toThrow(/non-finite/);
    expect(stringifyFinite({ a: [1, 2], b: null }, 'x')).toBe('{"a":[1,2],"b":null}');
    expect(() => assertFiniteArray(new Float32Array([0, 1, NaN]), 'GLB POSITION')).toThrow(/GLB POSITION.*\[2\]/);
  });
});
