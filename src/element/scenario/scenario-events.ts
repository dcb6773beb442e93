/** Events of <twinby-scenario>. */
import type { Scenario, ScenarioIssue } from '../../core/scenario/index.js';

/** detail of `twinby-scenario-load`: what was read and what was left out. */
export interface ScenarioLoadDetail {
  layerId: string;
  scenario: Scenario;
  issues: ScenarioIssue[];
}

declare global {
  interface HTMLElementEventMap {
    'twinby-scenario-load': CustomEvent<ScenarioLoadDetail>;
    /** A corner was added to the block being drawn (from the viewer, bubbling). */
    'twinby-scenario-corner': CustomEvent<{ corners: number }>;
  }
}
