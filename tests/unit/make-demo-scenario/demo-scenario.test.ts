/**
 * The demo scenario "Neubau am Mühlbach" against the demo plan "Am Mühlbach" (read back from its XPlanGML):
 * it reads without issues, Variante A complies and Variante B breaks the 15 m Oberkante (and Zmax IV).
 */
import { describe, expect, it } from 'vitest';
import { readScenario, type BlockBuilding } from '../../../src/core/scenario/index';
import { readGmlFeatureCollection } from '../../../src/core/formats/gml/gml-reader';
import { readXPlan } from '../../../src/core/formats/xplanung/xplan-model';
import { demoPlan } from '../../../tools/make-demo-plan/plan-layout';
import { writeXPlanGml } from '../../../tools/make-demo-plan/xplangml-writer';
import { demoScenario } from '../../../tools/make-demo-scenario/demo-scenario';
import { buildFootprintSet } from '../../../workers/lib/footprints/footprint-builder';
import { encodeFootprints } from '../../../workers/lib/footprints/footprint-codec';
import { createScenarioWorkerApi } from '../../../workers/lib/scenario/worker-api';
import { planFromXPlan } from '../../../workers/lib/spatial/plan/xplan-adapter';

describe('demo scenario "Neubau am Mühlbach"', () => {
  it('Variante A complies, Variante B breaks the height limit of the demo plan', async () => {
    const { scenario, issues } = readScenario(JSON.stringify(demoScenario()));
    expect(issues).toEqual([]);
    const { objects } = readXPlan(readGmlFeatureCollection(writeXPlanGml(demoPlan()), { source: 'demo' }).features);
    const worker = createScenarioWorkerApi();
    await worker.loadBase({ plan: planFromXPlan(objects, 25832), footprints: encodeFootprints(buildFootprintSet([], 25832)).buffer });
    const [a, b] = scenario!.variants;
    const ra = await worker.buildVariant({ variantId: a.id, title: a.title, blocks: a.buildings as BlockBuilding[], replaces: a.replaces, tileset: false });
    const rb = await worker.buildVariant({ variantId: b.id, title: b.title, blocks: b.buildings as BlockBuilding[], replaces: b.replaces, tileset: false });
    expect(ra.report!.violations).toBe(0);
    expect(ra.report!.maxPlannedHeight!).toBeLessThan(15);
    const bad = rb.report!.findings.filter((f) => f.status === 'violation' && f.planned).map((f) => f.text);
    expect(bad).toContain('Oberkante 18,0 m > 15,0 m zulässig');
    expect(bad).toContain('Vollgeschosse 6 > 4 zulässig');
  });
});
