/** Features (from GML or GeoJSON) → plan overlay, loading the geoid model only when a height needs it. */
import { loadGeoid } from '../../geo';
import type { Feature } from '../feature';
import { readXPlan } from './xplan-model';
import { xplanToOverlay, type PlanOverlay, type PlanOverlayOptions } from './xplan-overlay';
import { GENERIC_AREA, genericOverlayFeatures } from '../generic-overlay';

export async function planOverlay(features: Feature[], options: Omit<PlanOverlayOptions, 'geoidOffset'>): Promise<PlanOverlay & { version: string | null }> {
  const model = readXPlan(features);
  let geoidOffset: PlanOverlayOptions['geoidOffset'];
  // heights above NHN (Höhenbezug 1000–1200) need the geoid to become ellipsoidal
  if (model.objects.some((o) => o.hoehenangaben.some((h) => h.hoehenbezug !== null && h.hoehenbezug < 2000))) {
    const grid = await loadGeoid();
    geoidOffset = (lon, lat) => grid.undulation(lon, lat);
  }
  const plan = xplanToOverlay(model, { ...options, geoidOffset });
  // other WFS feature types are shown too, plainly, below the plan
  const generic = genericOverlayFeatures(features);
  if (generic.length) {
    plan.overlay.features.unshift(...generic);
    plan.counts.other = generic.length;
    const types = [...new Set(generic.map((f) => String(f.properties.Objektart)))];
    plan.legend.entries.push({ label: types.join(', '), kind: 'area', style: GENERIC_AREA });
    if (!model.objects.length) plan.legend.title = types.join(', ');
  }
  return { ...plan, version: model.version };
}
