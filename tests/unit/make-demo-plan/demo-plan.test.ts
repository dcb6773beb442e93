/**
 * The demo Bebauungsplan fits the demo town's planning block: its planned buildings stand in
 * Baufenster, and exactly one of them (the Wohnturm) is higher than its Baufenster allows.
 */
import { describe, expect, it } from 'vitest';
import { demoPlan } from '../../../tools/make-demo-plan/plan-layout';
import { writeXPlanGml } from '../../../tools/make-demo-plan/xplangml-writer';
import { readGmlFeatureCollection } from '../../../src/core/formats/gml/gml-reader';
import { planOverlay } from '../../../src/core/formats/xplanung/plan-overlay';
import { pointInRing } from '../../../src/core/formats/xplanung/plane';
import type { ExtrudedPolygon } from '../../../src/core/overlay/overlay-data';

const flat = (ring: [number, number][]) => Float64Array.from(ring.flat());

describe('demo Bebauungsplan "Am Mühlbach"', () => {
  const plan = demoPlan();

  it('lies inside the planning block, with every planned building in a Baufenster', () => {
    const block = flat(plan.boundary);
    // shrink test points a centimetre towards the block centre: edges may touch the boundary
    const [cx, cy] = [(plan.area.bbox[0] + plan.area.bbox[2]) / 2, (plan.area.bbox[1] + plan.area.bbox[3]) / 2];
    const inward = ([x, y]: [number, number]): [number, number] => {
      const d = Math.hypot(cx - x, cy - y);
      return [x + ((cx - x) / d) * 0.01, y + ((cy - y) / d) * 0.01];
    };
    for (const a of plan.areas) for (const p of a.ring) expect(pointInRing(...inward(p), block, 2), a.id).toBe(true);
    for (const b of plan.area.buildings) {
      const home = plan.windows.filter((w) => b.footprint.every(([x, y]) => pointInRing(x, y, flat(w.ring), 2)));
      expect(home.length, b.name).toBe(1);
    }
  });

  it('reads back as XPlanGML 6.0, and only the Wohnturm breaks its height limit', async () => {
    const fc = readGmlFeatureCollection(writeXPlanGml(plan), { source: 'am-muehlbach.xplan.gml' });
    expect(fc.warnings).toEqual([]);
    const { overlay, counts, legend } = await planOverlay(fc.features, { id: 'plan' });
    expect(counts).toMatchObject({ BP_Plan: 1, BP_BaugebietsTeilFlaeche: 3, BP_UeberbaubareGrundstuecksFlaeche: 5, extruded: 5, BP_BauLinie: 1, BP_HoehenMass: 1 });
    expect(counts.BP_BauGrenze).toBeGreaterThanOrEqual(10);
    expect(legend.title).toBe('Bebauungsplan Am Mühlbach (Nr. 7)');
    const volumes = overlay.features.filter((f): f is ExtrudedPolygon => f.kind === 'extruded-polygon');
    const limitOf = (windowId: string) => volumes.find((v) => v.id === windowId)!;
    const over: string[] = [];
    for (const b of plan.area.buildings) {
      const w = plan.windows.find((x) => b.footprint.every(([px, py]) => pointInRing(px, py, flat(x.ring), 2)))!;
      const v = limitOf(w.id);
      expect(v.baseHeight, w.id).toBeNull(); // relative to the ground, like the buildings' heights
      if (b.height > v.topHeight) over.push(`${b.name}: ${b.height} m > ${v.topHeight} m`);
    }
    expect(over).toEqual(['Planung Wohnturm: 18 m > 15 m']);
    expect(plan.violation).toMatchObject({ buildingId: 'DEBY_LOD2_PLAN_006', windowId: 'UGF_TURM', height: 18, limit: 15 });
    // the absolute Baufenster sits on the Höhenmaß's ground, lifted by the quasigeoid (≈ 46 m here)
    const no = limitOf('UGF_NO');
    expect(no.topHeight - no.baseHeight!).toBeCloseTo(13, 6);
    expect(no.baseHeight! - plan.marks[0].h).toBeGreaterThan(40);
  });
});
