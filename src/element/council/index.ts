// <twinby-council>: view links, viewpoints, presentation and PNG export (define it with defineCouncilElement()).
import { TwinbyCouncil } from './twinby-council.js';

export { TwinbyCouncil };
export type { PngOptions, PngResult } from './png-export.js';

/** Defines <twinby-council> unless the page already has it. */
export function defineCouncilElement(name = 'twinby-council'): void {
  if (!customElements.get(name)) customElements.define(name, TwinbyCouncil);
}
