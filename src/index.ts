// TwinBy's public entry: defines the elements and re-exports the public types.
// Engines are not imported here: the viewer loads the chosen one by dynamic import.
import { TwinbyCityGML, TwinbyTileset, TwinbyViewer } from './element/index.js';
import { definePlanElements } from './element/plan-elements.js';
import { defineWhenUsed } from './element/lazy-define.js';

function define(name: string, constructor: CustomElementConstructor): void {
  // a page may load TwinBy twice (e.g. two bundles); the first definition wins
  if (!customElements.get(name)) customElements.define(name, constructor);
}

define('twinby-viewer', TwinbyViewer);
define('twinby-tileset', TwinbyTileset);
// converts in the CityGML worker, which starts only when a file is loaded
define('twinby-citygml', TwinbyCityGML);
definePlanElements();
// The spatial panel brings proj4 and the plan reader: define it from its own chunk, so viewers without it
// never load them (elements already in the page upgrade when the definition arrives).
void import('./element/spatial/index.js').then((m) => m.defineSpatialElement());
// the sun panel and its worker client load in their own chunk too
void import('./element/sun/index.js').then((m) => m.defineSunElement());
// Planning scenarios likewise: <twinby-scenario> and its worker client come in their own chunk.
void import('./element/scenario/index.js').then((m) => m.defineScenarioElement());
// base maps bring proj4 and the capabilities reader: loaded only once a <twinby-basemap> is on the page
defineWhenUsed('twinby-basemap', () => import('./element/basemap/index.js').then((m) => m.defineBasemapElement()));
// terrain: the element is small, its worker (geotiff) starts only when a terrain loads
defineWhenUsed('twinby-terrain', () => import('./element/terrain/index.js').then((m) => m.defineTerrainElement()));
// Council mode (view links, tours, PNG export) in its own chunk as well.
void import('./element/council/index.js').then((m) => m.defineCouncilElement());

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
