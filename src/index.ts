// TwinBy's public entry: defines the elements and re-exports the public types.
// Engines are not imported here: the viewer loads the chosen one by dynamic import.
import { TwinbyCityGML, TwinbyTileset, TwinbyViewer } from './element/index.js';
import { defineWhenUsed } from './element/lazy-define.js';

function define(name: string, constructor: CustomElementConstructor): void {
  // a page may load TwinBy twice (e.g. two bundles); the first definition wins
  if (!customElements.get(name)) customElements.define(name, constructor);
}

define('twinby-viewer', TwinbyViewer);
define('twinby-tileset', TwinbyTileset);
// converts in the CityGML worker, which starts only when a file is loaded
define('twinby-citygml', TwinbyCityGML);
// Every layer lives in its own chunk, loaded only once its tag is on the page (now or later):
// the spatial panel brings proj4 and its worker client, the sun panel the shadow client, the scenario
// its worker client, base maps proj4 and the capabilities reader, council mode its tour and PNG code.
// Elements already in the page upgrade when the definition arrives. Plan layers bring the legend and the
// data worker's client; their parsing and WFS paging run in the data worker.
defineWhenUsed('twinby-plan', () => import('./element/plan-elements.js').then((m) => m.definePlanElements()));
defineWhenUsed('twinby-wfs', () => import('./element/plan-elements.js').then((m) => m.definePlanElements()));
defineWhenUsed('twinby-spatial', () => import('./element/spatial/index.js').then((m) => m.defineSpatialElement()));
defineWhenUsed('twinby-sun', () => import('./element/sun/index.js').then((m) => m.defineSunElement()));
defineWhenUsed('twinby-scenario', () => import('./element/scenario/index.js').then((m) => m.defineScenarioElement()));
defineWhenUsed('twinby-basemap', () => import('./element/basemap/index.js').then((m) => m.defineBasemapElement()));
// terrain: the element is small, its worker (geotiff) starts only when a terrain loads
defineWhenUsed('twinby-terrain', () => import('./element/terrain/index.js').then((m) => m.defineTerrainElement()));
defineWhenUsed('twinby-council', () => import('./element/council/index.js').then((m) => m.defineCouncilElement()));

export * from './element/index.js';
export type {
  Engine,
  EngineName,
  EngineOptions,
  TilesetOptions,
  FlyToOptions,
  GeoPosition,
  ScreenPoint,
  PickResult,
  BuildingPick,
  OverlayPick,
  RenderStats,
  TerrainModel,
  StreamedTerrain,
} from './engines/engine.js';
export {
  parseView,
  formatView,
  compileStyle,
  presetRule,
  presetLabel,
  presetNames,
  describeFeature,
  lookupCode,
  describeCode,
  PluginRegistry,
} from './core/index.js';
export type {
  ViewState,
  StyleRule,
  PresetName,
  FeatureStyle,
  LegendEntry,
  FeatureAttributes,
  InfoRow,
  Lang,
  ErrorDetail,
  ErrorKind,
  LoadProgressDetail,
  EngineEventMap,
  OverlayData,
  OverlayFeature,
  OverlayStyle,
} from './core/index.js';
