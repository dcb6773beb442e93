// <twinby-basemap>: raster base maps under the city (define it with defineBasemapElement()).
import { TwinbyBasemap } from './twinby-basemap.js';

export { TwinbyBasemap };
export type { BasemapLayerConfig, BasemapSpec } from '../../core/basemap/index.js';

/** Defines <twinby-basemap> unless the page already has it. */
export function defineBasemapElement(name = 'twinby-basemap'): void {
  if (!customElements.get(name)) customElements.define(name, TwinbyBasemap);
}
