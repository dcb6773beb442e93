// Buildings whose height, storeys and roof type sit only on their BuildingParts (24 of 46 buildings of an AdV
// Hamburg LoD2 tile): the building aggregates its parts, and the info panel lists each part.
import { describe, expect, it } from 'vitest';
import { describeFeature, normaliseAttributes } from '../../../src/core/features/feature-attributes';
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { chunked } from '../../helpers/citygml-text';
import { readTiles } from '../../helpers/tileset-reader';
import { cityModel, readAll } from './helpers/read-all';

const square = (x: number, z: number) => `${x} 0 ${z} ${x + 4} 0 ${z} ${x + 4} 4 ${z} ${x} 4 ${z} ${x} 0 ${z}`;

function part(id: string, x: number, attrs: { fn?: string; roof?: string; h?: number; storeys?: number }): string {
  return `<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="${id}">
${attrs.fn ? `<bldg:function>${attrs.fn}</bldg:function>` : ''}${attrs.roof ? `<bldg:roofType>${attrs.roof}</bldg:roofType>` : ''}
${attrs.h !== undefined ? `<bldg:measuredHeight uom="urn:adv:uom:m">${attrs.h}</bldg:measuredHeight>` : ''}${attrs.storeys !== undefined ? `<bldg:storeysAboveGround>${attrs.storeys}</bldg:storeysAboveGround>` : ''}
<bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${square(x, 10)}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
</bldg:BuildingPart></bldg:consistsOfBuildingPart>`;
}

const building = (id: string, own: string, parts: string) =>
  `<core:cityObjectMember><bldg:Building gml:id="${id}">${own}\n${parts}</bldg:Building></core:cityObjectMember>`;

describe('BuildingParts', () => {
  it('a building with values only on its parts: height and storeys the maximum, roof type and function the tallest part’s', async () => {
    const text = cityModel(
      building('B1', '', [part('B1_A', 0, { fn: '31001_1000', roof: '1000', h: 6.5, storeys: 2 }), part('B1_B', 10, { fn: '31001_2000', roof: '3100', h: 12.25, storeys: 4 }), part('B1_C', 20, { storeys: 5 })].join('\n')),
    );
    const { buildings, error } = await readAll(text);
    expect(error).toBeUndefined();
    const a = buildings[0].attributes;
    expect(a).toMatchObject({ measuredHeight: 12.25, storeysAboveGround: 5, roofType: '3100', function: '31001_2000' });
    expect(a.parts).toEqual([
      { id: 'B1_A', function: '31001_1000', roofType: '1000', measuredHeight: 6.5, storeysAboveGround: 2 },
      { id: 'B1_B', function: '31001_2000', roofType: '3100', measuredHeight: 12.25, storeysAboveGround: 4 },
      { id: 'B1_C', storeysAboveGround: 5 },
    ]);
  });

  it('the building’s own values win; parts without values of their own give no parts list', async () => {
    const text = cityModel(
      [
        building('OWN', '<bldg:function>31001_3000</bldg:function><bldg:measuredHeight uom="m">20</bldg:measuredHeight>', part('OWN_A', 0, { fn: '31001_1000', roof: '1000', h: 9 })),
        building('PLAIN', '<bldg:roofType>2100</bldg:roofType>', part('PLAIN_A', 0, {})),
      ].join('\n'),
    );
    const { buildings } = await readAll(text);
    expect(buildings[0].attributes).toMatchObject({ function: '31001_3000', measuredHeight: 20, roofType: '1000' });
    expect(buildings[0].attributes.parts).toHaveLength(1);
    expect(buildings[1].attributes.parts).toBeUndefined();
  });

  it('the tiles carry the aggregate and the parts, and the info panel lists each part', async () => {
    const text = cityModel(building('DEHH_1', '', [part('DEHH_1_A', 0, { roof: '1000', h: 6.5, storeys: 2 }), part('DEHH_1_B', 10, { roof: '3100', h: 12.5, storeys: 4 })].join('\n')));
    const files = new Map<string, Uint8Array>();
    const summary = await convertCityGML(chunked(text), { write: (p, b) => void files.set(p, b) }, { crs: 'EPSG:25832' });
    expect(summary.error).toBeUndefined();
    const [tile] = await readTiles(files);
    const row: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(tile.columns)) row[key] = column[0];
    const attributes = normaliseAttributes(row);
    expect(attributes).toMatchObject({ measuredHeight: 12.5, storeysAboveGround: 4, roofType: '3100' });
    const rows = describeFeature(attributes, 'de');
    expect(rows.find((r) => r.key === 'measuredHeight')?.value).not.toBe('keine Angabe');
    const partRows = rows.filter((r) => r.key.startsWith('part:'));
    expect(partRows.map((r) => r.label)).toEqual(['Gebäudeteil 1', 'Gebäudeteil 2']);
    expect(partRows[1].value).toMatch(/^DEHH_1_B · .*Satteldach.* · .*12,5.* · Geschosse über Grund: 4$/);
    expect(rows.some((r) => r.key === 'parts')).toBe(false);
  });
});
