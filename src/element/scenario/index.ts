// <twinby-scenario>: loaded from its own chunk (it brings proj4, the plan reader and the scenario worker client).
import { TwinbyScenario } from './twinby-scenario.js';

export { TwinbyScenario } from './twinby-scenario.js';
export type { ScenarioLoadDetail } from './scenario-events.js';
export type { ScenarioErrorDetail } from './scenario-session.js';

export function defineScenarioElement(): void {
  if (!customElements.get('twinby-scenario')) customElements.define('twinby-scenario', TwinbyScenario);
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-scenario': TwinbyScenario;
  }
}
