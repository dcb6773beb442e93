import { describe, expect, it } from 'vitest';
import { planFromXPlan } from '../../../../../workers/lib/spatial/plan/xplan-adapter';
import type { XPlanObject } from '../../../../../src/core/formats/xplanung/xplan-model';
import { toWgs84 } from '../../../../../src/core/geo';

const mass = { GRZ: null, GFZ: null, GF: null, GR: null, Z: null, Zmin: null, Zmax: null, ZZwingend: null, bauweise: null, bebauungsArt: null, dachform: [], DN: null, DNmin: null, DNmax: null, hoehenangaben: [] };

function lonLatRing(points: [number, number][]): Float64Array {
  const f = toWgs84(25832);
  return Float64Array.from(points.flatMap(([x, y]) => f(x, y)));
}

function createObject(over: Partial<XPlanObject>): XPlanObject {
  return { id: 'x', cls: 'BP_BaugebietsTeilFlaeche', geometry: null, allgArtDerBaulNutzung: null, besondereArtDerBaulNutzung: null, text: {}, rawArt: null, ...mass, ...over };
}

describe('XPlanung objects → plan input', () => {
  it('projects WGS 84 geometry to the footprints CRS and maps classes, labels and regulations', () => {
    const square = lonLatRing([[724000, 5377500], [724040, 5377500], [724040, 5377530], [724000, 5377530], [724000, 5377500]]);
    const plan = planFromXPlan(
      [
        createObject({ id: 'btf', geometry: { type: 'Polygon', dim: 2, rings: [square] }, besondereArtDerBaulNutzung: 1500, text: { gliederung1: '1' }, GRZ: 0.6, Zmax: 4 }),
        createObject({ id: 'ugf', cls: 'BP_UeberbaubareGrundstuecksFlaeche', geometry: { type: 'Polygon', dim: 2, rings: [square] }, hoehenangaben: [{ h: null, hMin: null, hMax: 15, hZwingend: null, bezugspunkt: 3000, hoehenbezug: 2000, abweichenderHoehenbezug: null }] }),
        createObject({ id: 'bg', cls: 'BP_BauGrenze', geometry: { type: 'LineString', dim: 2, coords: lonLatRing([[724000, 5377510], [724040, 5377510]]) } }),
        createObject({ id: 'plan', cls: 'BP_Plan' }),
      ],
      25832,
    );
    expect(plan.zones.map((z) => [z.id, z.kind, z.label])).toEqual([['btf', 'baugebiet', 'MI 1'], ['ugf', 'baufenster', 'ugf']]);
    const ring = plan.zones[0].polygons[0][0];
    expect(ring[2]).toBeCloseTo(724040, 6);
    expect(ring[5]).toBeCloseTo(5377530, 6);
    expect(plan.zones[0]).toMatchObject({ grz: 0.6, zMax: 4 });
    expect(plan.zones[1].heights).toEqual([{ max: 15, min: null, bezugspunkt: 3000, hoehenbezug: 2000 }]);
    expect(plan.lines).toHaveLength(1);
    expect(plan.lines![0]).toMatchObject({ id: 'bg', kind: 'baugrenze' });
    expect(plan.lines![0].coords[1]).toBeCloseTo(5377510, 6);
  });
});
