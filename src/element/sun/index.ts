// <twinby-sun>: sun position, shadows, sun hours and the variant comparison (define it with defineSunElement()).
import { TwinbySun, type SunComparisonInput } from './twinby-sun.js';

export { TwinbySun, type SunComparisonInput };

/** Defines <twinby-sun> unless the page already has it. */
export function defineSunElement(name = 'twinby-sun'): void {
  if (!customElements.get(name)) customElements.define(name, TwinbySun);
}
