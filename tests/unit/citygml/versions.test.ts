// CityGML 1.0 (AdV LoD2-DE style), 2.0 and 3.0 fixtures read into the expected buildings.
import { describe, expect, it } from 'vitest';
import type { ParsedBuilding, SurfaceType } from '../../../workers/lib/citygml/building';
import { cityModel, fixture, points, readAll, simpleBuilding } from './helpers/read-all';

function typeCounts(b: ParsedBuilding): Partial<Record<SurfaceType, number>> {
  const out: Partial<Record<SurfaceType, number>> = {};
  for (const p of b.polygons) out[p.type] = (out[p.type] ?? 0) + 1;
  return out;
}

function lineOf(bytes: Uint8Array, needle: string): { line: number; column: number } {
  const lines = new TextDecoder().decode(bytes).split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

describe('CityGML 1.0, AdV LoD2 profile', () => {
  it('reads attributes, the root CRS, LoD2 over LoD1 and xlinked solids without duplicates', async () => {
    const bytes = fixture('adv-lod2-citygml1.gml');
    const { buildings, warnings, error } = await readAll(bytes, { file: 'adv.gml' });
    expect(error).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(buildings.map((b) => b.id)).toEqual(['DEBY_LOD2_TEST1', 'DEBY_LOD2_TEST2']);

    const [b1, b2] = buildings;
    expect(b1.srsName).toBe('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH');
    expect(b1.lod).toBe(2);
    expect(b1.attributes).toEqual({
      name: 'Rathaus',
      function: '31001_3021',
      roofType: '1000',
      measuredHeight: 10,
      measuredHeightUnit: 'urn:adv:uom:m',
      storeysAboveGround: 3,
      address: 'Hauptstraße 12, 84028 Landshut',
      generic: { DatenquelleDachhoehe: '1000', Gemeindeschluessel: '09261000' },
    });
    // Six faces once each, although the lod2Solid references all six by xlink.
    expect(b1.polygons).toHaveLength(6);
    expect(typeCounts(b1)).toEqual({ GroundSurface: 1, RoofSurface: 1, WallSurface: 4 });
    const roof = b1.polygons.find((p) => p.type === 'RoofSurface')!;
    // Closing point removed; LoD2 roof at 410 m, not the LoD1 top at 409 m.
    expect(points(roof.rings[0])).toEqual([
      [700000, 5380000, 410],
      [700010, 5380000, 410],
      [700010, 5380008, 410],
      [700000, 5380008, 410],
    ]);
    const withHole = b1.polygons.filter((p) => p.rings.length === 2);
    expect(withHole).toHaveLength(1);
    expect(points(withHole[0].rings[1])).toEqual([
      [700003, 5380000, 402],
      [700003, 5380000, 405],
      [700006, 5380000, 405],
      [700006, 5380000, 402],
    ]);
    expect({ line: b1.line, column: b1.column }).toEqual(lineOf(bytes, '<bldg:Building gml:id="DEBY_LOD2_TEST1"'));

    // Parts fold into their building: part A in LoD2 (6) and part B, which only has LoD1 (6).
    expect(b2.lod).toBe(2);
    expect(b2.polygons).toHaveLength(12);
    expect(b2.attributes.function).toBe('31001_2000');
    expect(b2.srsName).toBe('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH');
  });
});

describe('CityGML 2.0 geometry forms', () => {
  it('reads pos, coordinates, coord, OrientableSurface, PolygonPatch, CompositeSurface, 2D posList and triangles', async () => {
    const { buildings, warnings, error } = await readAll(fixture('geometry-forms-citygml2.gml'));
    expect(error).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(buildings).toHaveLength(1);
    const b = buildings[0];
    expect(b.srsName).toBe('EPSG:25832');
    expect(typeCounts(b)).toEqual({ RoofSurface: 1, WallSurface: 5, GroundSurface: 1, ClosureSurface: 2, OuterCeilingSurface: 1 });

    const [roof, south, north, east, west1, west2, ground, tri1, tri2, ceiling] = b.polygons;
    expect(points(roof.rings[0])).toEqual([
      [691000, 5336000, 508],
      [691010, 5336000, 508],
      [691010, 5336008, 508],
      [691000, 5336008, 508],
    ]);
    expect(points(south.rings[0])).toEqual([
      [691000, 5336000, 500],
      [691010, 5336000, 500],
      [691010, 5336000, 508],
      [691000, 5336000, 508],
    ]);
    // Written reversed inside orientation="-": reading restores the outward order.
    expect(points(north.rings[0])).toEqual([
      [691010, 5336008, 500],
      [691000, 5336008, 500],
      [691000, 5336008, 508],
      [691010, 5336008, 508],
    ]);
    expect(points(east.rings[0])[0]).toEqual([691010, 5336000, 500]);
    expect(points(west1.rings[0])[1]).toEqual([691000, 5336004, 500]);
    expect(points(west2.rings[0])[0]).toEqual([691000, 5336004, 500]);
    // srsDimension="2": z = 0.
    expect(points(ground.rings[0])).toEqual([
      [691000, 5336000, 0],
      [691000, 5336008, 0],
      [691010, 5336008, 0],
      [691010, 5336000, 0],
    ]);
    expect(points(tri1.rings[0])).toHaveLength(3);
    expect(points(tri2.rings[0])).toHaveLength(3);
    expect(points(ceiling.rings[0])).toEqual([
      [691004, 5336004, 506],
      [691005, 5336004, 506],
      [691005, 5336005, 506],
      [691004, 5336005, 506],
    ]);
  });

  it('keeps generic attributes named like Object.prototype members as plain data', async () => {
    const generic = (name: string, value: string) => `<gen:stringAttribute name="${name}"><gen:value>${value}</gen:value></gen:stringAttribute>`;
    const { buildings } = await readAll(cityModel(simpleBuilding('P', undefined, generic('__proto__', 'polluted') + generic('constructor', 'c') + generic('toString', 't'))));
    const attrs = buildings[0].attributes.generic!;
    expect(Object.keys(attrs)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(attrs, '__proto__')?.value).toBe('polluted');
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(attrs.constructor).toBe('c');
  });

  it('reads every kind of generic attribute, typed, with sets flattened', async () => {
    const { buildings } = await readAll(fixture('geometry-forms-citygml2.gml'));
    expect(buildings[0].attributes).toEqual({
      usage: '1000',
      yearOfConstruction: 1975,
      generic: {
        Bauweise: 'Massivbau',
        Eingaenge: 3,
        GRZ: 0.33,
        Baufreigabe: '2012-03-09',
        Web: 'https://example.org/haus',
        Breite: 20.75,
        'Basismengen.Volumen': 1260,
        'Basismengen.Quelle': 'Bauakte',
      },
    });
  });
});

describe('CityGML 3.0', () => {
  it('reads boundary surfaces, Shell xlinks, parts, 3.0 attributes and leaves rooms out', async () => {
    const { buildings, warnings, error } = await readAll(fixture('lod2-citygml3.gml'));
    expect(error).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(buildings).toHaveLength(1);
    const b = buildings[0];
    expect(b.id).toBe('DEBY_LOD2_V3');
    expect(b.lod).toBe(2);
    // The address's EPSG:4326 point is not the building's CRS.
    expect(b.srsName).toBe('urn:adv:crs:DE_DHDN_3GK4*DE_DHHN92_NH');
    expect(typeCounts(b)).toEqual({ GroundSurface: 2, RoofSurface: 2, WallSurface: 8 });
    // No interior room wall (the room spans x 4490656–4490660 at z ≤ 551).
    const roomLike = b.polygons.filter((p) => points(p.rings[0]).every(([x, , z]) => x >= 4490656 && x <= 4490660 && z <= 551));
    expect(roomLike).toEqual([]);
    expect(b.attributes).toEqual({
      name: 'Haus am Hang',
      function: '31001_1010',
      roofType: '3100',
      measuredHeight: 8,
      measuredHeightUnit: 'urn:adv:uom:m',
      storeysAboveGround: 2,
      yearOfConstruction: 1988,
      address: 'Am Hang 15, 85665 Moosach',
      generic: { Gemeindeschluessel: '09175128', Wohnungen: 4, Dachneigung: 35.5, 'Energie.Klasse': 'B', 'Energie.Bedarf': 72.5 },
      // the garage part's own function is listed; the building's values stay its own
      parts: [{ id: 'DEBY_LOD2_V3_garage', function: '31001_2463' }],
    });
  });
});

describe('chunking', () => {
  it.each(['adv-lod2-citygml1.gml', 'geometry-forms-citygml2.gml', 'lod2-citygml3.gml', 'latin1-citygml1.gml'])(
    '%s reads the same whether fed in one piece, byte by byte or in odd pieces',
    async (name) => {
      const bytes = fixture(name);
      const whole = await readAll(bytes, { chunkSize: bytes.length });
      for (const chunkSize of [1, 7, 4093]) expect(await readAll(bytes, { chunkSize })).toEqual(whole);
    },
  );
});
