// The plan layer elements, for src/index.ts to define (as it does twinby-viewer and twinby-tileset).
import { TwinbyPlan } from './twinby-plan.js';
import { TwinbyWfs } from './twinby-wfs.js';

export { TwinbyPlan, TwinbyWfs };
export { PlanLayerElement, type PlanLoadDetail } from './plan-layer.js';

/** Defines <twinby-plan> and <twinby-wfs> unless a bundle loaded earlier did. */
export function definePlanElements(): void {
  if (!customElements.get('twinby-plan')) customElements.define('twinby-plan', TwinbyPlan);
  if (!customElements.get('twinby-wfs')) customElements.define('twinby-wfs', TwinbyWfs);
}
