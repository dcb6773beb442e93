// <twinby-terrain>: a terrain model (GeoTIFF DGM) under the city (define it with defineTerrainElement()).
import { TwinbyTerrain } from './twinby-terrain.js';

export { TwinbyTerrain };
export type { TerrainLoadDetail } from './twinby-terrain.js';

/** Defines <twinby-terrain> unless the page already has it. */
export function defineTerrainElement(name = 'twinby-terrain'): void {
  if (!customElements.get(name)) customElements.define(name, TwinbyTerrain);
}
