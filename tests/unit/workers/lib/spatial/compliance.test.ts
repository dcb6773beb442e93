import { describe, expect, it } from 'vitest';
import { buildFootprintSet } from '../../../../../workers/lib/footprints';
import { FootprintIndex } from '../../../../../workers/lib/spatial/footprint-index';
import { PlanIndex } from '../../../../../workers/lib/spatial/plan/plan-index';
import { checkCompliance, type ComplianceFinding } from '../../../../../workers/lib/spatial/plan/compliance';
import { checkHeight } from '../../../../../workers/lib/spatial/plan/height-check';
import { aggregate } from '../../../../../workers/lib/spatial/aggregate';
import { runSync } from '../../../../../workers/lib/spatial/task';
import { rect, type Ring } from './spatial-fixtures';

const ring = (r: Ring) => Float64Array.from(r.flat());

function createTown() {
  return new FootprintIndex(
    buildFootprintSet(
      [
        { id: 'h1', polygons: [[rect(10, 10, 20, 20)]], height: 9.8, storeys: 2, groundHeight: 400 },
        { id: 'h2', polygons: [[rect(25, 10, 37, 20)]], height: 14.2, planned: true, groundHeight: 400 },
        { id: 'h3', polygons: [[rect(38, 0, 48, 10)]], height: 6, storeys: 1 },
        { id: 'h4', polygons: [[rect(100, 100, 110, 110)]], height: 30, storeys: 10 },
      ],
      25832,
    ),
  );
}

function createPlan() {
  return new PlanIndex({
    epsg: 25832,
    zones: [
      { id: 'wa1', kind: 'baugebiet', label: 'WA 1', polygons: [[ring(rect(0, 0, 40, 30))]], grz: 0.15, z: 2, heights: [{ max: 12.5, bezugspunkt: 2000, hoehenbezug: 2000 }] },
      { id: 'bf1', kind: 'baufenster', polygons: [[ring(rect(5, 5, 35, 25))]], z: 2 },
    ],
    lines: [{ id: 'bg1', kind: 'baugrenze', coords: Float64Array.of(35, 0, 35, 30) }],
  });
}

const pick = (findings: ComplianceFinding[], zoneId: string, check: string, buildingId: string | null) =>
  findings.filter((f) => f.zoneId === zoneId && f.check === check && f.buildingId === buildingId);

describe('plan compliance on a hand-computed fixture', () => {
  const index = createTown();
  const result = runSync(checkCompliance(index, createPlan()));

  it('computes the exact GRZ from footprints clipped to the zone', () => {
    // Inside WA 1 (1200 m²): h1 100 + h2 120 + h3 2×10 = 240 m² → GRZ 0.20 against 0.15.
    const [grz] = pick(result.findings, 'wa1', 'grz', null);
    expect(grz.actual).toBeCloseTo(0.2, 12);
    expect(grz.margin).toBeCloseTo(-0.05, 12);
    expect(grz.status).toBe('violation');
    expect(grz.text).toBe('GRZ 0,20 > 0,15 zulässig (Grundfläche 240,0 m² auf 1.200,0 m²)');
    const wa1 = result.zones.find((z) => z.zoneId === 'wa1')!;
    expect(wa1).toMatchObject({ buildings: 3, planned: 1, area: 1200, label: 'WA 1' });
    expect(wa1.builtArea).toBeCloseTo(240, 9);
  });

  it('flags the planned building over the height limit with its margin', () => {
    const [h2] = pick(result.findings, 'wa1', 'height', 'h2');
    expect(h2).toMatchObject({ status: 'violation', planned: true, permitted: 12.5, text: 'Firsthöhe 14,2 m > 12,5 m zulässig' });
    expect(h2.margin).toBeCloseTo(-1.7, 5);
    const [h1] = pick(result.findings, 'wa1', 'height', 'h1');
    expect(h1).toMatchObject({ status: 'ok', text: 'Firsthöhe 9,8 m ≤ 12,5 m zulässig, 2,7 m Reserve' });
  });

  it('checks storeys, estimating them from the height when unknown', () => {
    expect(pick(result.findings, 'wa1', 'storeys', 'h1')[0]).toMatchObject({ status: 'ok', actual: 2, estimated: false });
    expect(pick(result.findings, 'wa1', 'storeys', 'h2')[0]).toMatchObject({ status: 'violation', actual: 5, estimated: true });
    expect(pick(result.findings, 'bf1', 'storeys', 'h2')[0].text).toBe('Geschosse (≈, aus Höhe 14,2 m geschätzt) 5 > 2 zulässig');
  });

  it('measures footprint area outside the Baufenster and outside all Baufenster of the Baugebiet', () => {
    expect(pick(result.findings, 'bf1', 'baufenster', 'h1')[0].status).toBe('ok');
    const [out] = pick(result.findings, 'bf1', 'baufenster', 'h2');
    expect(out.actual).toBeCloseTo(20, 9);
    expect(out.text).toBe('20,0 m² der Grundfläche außerhalb des Baufensters');
    expect(pick(result.findings, 'bf1', 'baufenster', 'h3')).toEqual([]);
    expect(pick(result.findings, 'wa1', 'ueberbaubar', 'h2')[0].actual).toBeCloseTo(20, 9);
    expect(pick(result.findings, 'wa1', 'ueberbaubar', 'h3')[0].actual).toBeCloseTo(20, 9);
    expect(pick(result.findings, 'wa1', 'ueberbaubar', 'h1')[0].status).toBe('ok');
  });

  it('finds the building crossing the Baugrenze and lists every violator once', () => {
    expect(result.findings.filter((f) => f.check === 'baugrenze').map((f) => f.buildingId)).toEqual(['h2']);
    expect(Array.from(result.violators, (i) => index.set.ids[i])).toEqual(['h2', 'h3']);
    expect(result.findings.some((f) => f.buildingId === 'h4')).toBe(false);
  });

  it('leaves out ok findings on request, restricts to zones, and refuses a plan in another CRS', () => {
    const only = runSync(checkCompliance(index, createPlan(), { onlyViolations: true, zoneIds: ['bf1'] }));
    expect(only.zones.map((z) => z.zoneId)).toEqual(['bf1']);
    expect(only.findings.every((f) => f.status === 'violation')).toBe(true);
    expect(() => runSync(checkCompliance(index, new PlanIndex({ epsg: 25833, zones: [] })))).toThrow(/EPSG:25833.*EPSG:25832/);
  });
});

describe('height semantics', () => {
  it('compares absolute heights with ground + height', () => {
    const [v] = checkHeight({ max: 412, bezugspunkt: 2000, hoehenbezug: 1000 }, 14, 400)!;
    expect(v).toMatchObject({ status: 'violation', actual: 414, text: 'Firsthöhe 414,0 m ü. NHN > 412,0 m ü. NHN zulässig' });
    expect(checkHeight({ max: 412, hoehenbezug: 1000 }, 14, NaN)![0].status).toBe('unknown');
  });

  it('treats eaves heights as provable only when the whole building is lower', () => {
    expect(checkHeight({ max: 10, bezugspunkt: 1000 }, 9, 0)![0].status).toBe('ok');
    expect(checkHeight({ max: 10, bezugspunkt: 1000 }, 12, 0)![0].status).toBe('unknown');
    expect(checkHeight({ max: 1, bezugspunkt: 4500 }, 12, 0)).toBeNull();
    expect(checkHeight({ min: 8, bezugspunkt: 6000 }, 6, 0)![0]).toMatchObject({ status: 'violation', text: 'Gebäudehöhe 6,0 m < 8,0 m Mindestmaß' });
  });
});

describe('aggregates', () => {
  it('counts, sums and estimates gross floor area as documented', () => {
    const index = createTown();
    const a = runSync(aggregate(index, { indices: Uint32Array.of(0, 1, 2) }));
    expect(a.count).toBe(3);
    expect(a.planned).toBe(1);
    expect(a.footprintArea).toBeCloseTo(320, 9);
    expect(a.height).toMatchObject({ known: 3, min: 6 });
    expect(a.height.max).toBeCloseTo(14.2, 5);
    expect(a.height.mean).toBeCloseTo((9.8 + 14.2 + 6) / 3, 5);
    expect(a.storeys).toEqual({ known: 2, min: 1, mean: 1.5, max: 2 });
    // h1 100 × 2 + h3 100 × 1 from storeys; h2 120 × 14.2 / 3 from height.
    expect(a.grossFloorArea.total).toBeCloseTo(300 + (120 * 14.2) / 3, 3);
    expect(a.grossFloorArea).toMatchObject({ fromStoreys: 2, fromHeight: 1, unknown: 0 });
  });
});
