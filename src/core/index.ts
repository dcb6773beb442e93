// Public surface of the engine-agnostic core. Engines and elements import from here only.

// view state
export * from './view/view-state.js';
export * from './view/frame-target.js';
// events
export * from './events/emitter.js';
export * from './events/engine-events.js';
// language, strings, units
export * from './i18n/lang.js';
export * from './i18n/strings.js';
export * from './i18n/texts.js';
export * from './i18n/format.js';
// AdV code lists
export * from './codes/code-lists.js';
export { buildingFunctionCodes, buildingFunctionGroups } from './codes/building-function.js';
export { roofTypeCodes } from './codes/roof-type.js';
// feature attributes and the info panel rows
export * from './features/feature-attributes.js';
export * from './features/tile-metadata.js';
// engine-neutral scene state (style, hidden/selected, ready and progress, view changes)
export * from './engine/engine-state.js';
// styles
export * from './style/colour.js';
export * from './style/style-rule.js';
export * from './style/presets.js';
export * from './style/compile-style.js';
// plugins
export * from './plugins/plugin-registry.js';
// overlays
export type * from './overlay/overlay-data.js';
export { assertOverlayData } from './overlay/overlay-data.js';
// geo (CRS, projections, geoid, ENU frames) is imported from './geo' directly: it brings proj4, which the widget's first load does without

// sun position (NREL SPA), sunrise/sunset, Europe/Berlin local time
export * from './sun/index.js';
// base maps: the grid math (no dependencies) and types; capabilities and reprojection (proj4) load with <twinby-basemap>'s chunk
export { levelFor, tilesCovering, tileExtent, webMercatorGrid, extentGrid } from './basemap/tile-grid.js';
export type * from './basemap/index.js';
export type { ToWgs84 } from './geo/index.js';
// terrain: height grids (from the terrain worker), meshes and surface heights; no dependencies
export * from './terrain/index.js';
