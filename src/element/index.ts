// Public surface of the elements (definitions happen in src/index.ts).
export { TwinbyViewer } from './twinby-viewer.js';
export type { ViewerPlugin } from './viewer-plugin.js';
export { TwinbyTileset } from './twinby-tileset.js';
export { TwinbyCityGML, type CityGMLLoadDetail, type CityGMLProgressDetail, type CityGMLErrorDetail } from './twinby-citygml.js';
export { serveInMemoryTileset, type InMemoryTileset } from '../worker-clients/in-memory-tileset.js';
export { TwinbyLayerElement, isTwinbyLayer, type LayerHost } from './layer-element.js';
export type { SelectDetail, ReadyDetail, ErrorEventDetail, LoadProgressEventDetail, ViewChangeDetail, TwinbyEventMap } from './viewer-events.js';
export { engineLoaders } from './engine-loaders.js';
export type { TwinbyPlan, TwinbyWfs, PlanLayerElement, PlanLoadDetail } from './plan-elements.js';
export type { TwinbySpatial } from './spatial/twinby-spatial.js';
export type { TwinbySun, SunComparisonInput } from './sun/index.js';
export type { TwinbyScenario, ScenarioLoadDetail, ScenarioErrorDetail } from './scenario/index.js';
export type { TwinbyBasemap } from './basemap/index.js';
export type { TwinbyTerrain, TerrainLoadDetail } from './terrain/index.js';
export type { TwinbyCouncil, PngOptions, PngResult } from './council/index.js';
