// <twinby-spatial>: area queries, statistics and plan compliance (define it with defineSpatialElement()).
import { TwinbySpatial } from './twinby-spatial.js';

export { TwinbySpatial };

/** Defines <twinby-spatial> unless the page already has it. */
export function defineSpatialElement(name = 'twinby-spatial'): void {
  if (!customElements.get(name)) customElements.define(name, TwinbySpatial);
}
