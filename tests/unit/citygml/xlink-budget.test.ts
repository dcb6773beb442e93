// xlink fan-out: a few KB whose references each name ten copies of the level below would expand to 10^8
// polygon uses. The expansion budget stops it with a located warning; the building is left out, the rest kept.
import { describe, expect, it } from 'vitest';
import { cityModel, readAll, simpleBuilding } from './helpers/read-all';

function fanOutBuilding(id: string, levels: number, fanOut: number): string {
  const parts: string[] = [];
  parts.push(`<gml:MultiSurface gml:id="${id}_L0"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 10 4 0 10 4 4 10 0 4 10 0 0 10</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>`);
  for (let k = 1; k <= levels; k++) {
    const refs = Array.from({ length: fanOut }, () => `<gml:surfaceMember xlink:href="#${id}_L${k - 1}"/>`).join('\n');
    parts.push(`<gml:MultiSurface gml:id="${id}_L${k}">\n${refs}\n</gml:MultiSurface>`);
  }
  const surfaces = parts.map((p) => `<bldg:lod2MultiSurface>${p}</bldg:lod2MultiSurface>`).join('\n');
  return `<core:cityObjectMember><bldg:Building gml:id="${id}">\n${surfaces}\n</bldg:Building></core:cityObjectMember>`;
}

describe('xlink expansion budget', () => {
  it('a fan-out of 10 over 8 levels ends quickly in a located warning; the other buildings are kept', async () => {
    const text = cityModel([simpleBuilding('GOOD_1'), fanOutBuilding('FAN', 8, 10), simpleBuilding('GOOD_2')].join('\n'));
    expect(text.length).toBeLessThan(20_000);
    const outcome = await readAll(text, { file: 'fan.gml' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.buildings.map((b) => b.id)).toEqual(['GOOD_1', 'GOOD_2']);
    const w = outcome.warnings.find((x) => x.code === 'xlink-budget')!;
    expect(w).toMatchObject({ buildingId: 'FAN', file: 'fan.gml' });
    expect(text.split('\n')[w.line! - 1]).toContain('xlink:href="#FAN_L');
  });

  it('a moderate fan-out still resolves to each polygon once', async () => {
    const outcome = await readAll(cityModel(fanOutBuilding('SMALL', 3, 4)));
    expect(outcome.warnings.filter((w) => w.code === 'xlink-budget')).toEqual([]);
    expect(outcome.buildings[0].polygons).toHaveLength(1);
  });
});
