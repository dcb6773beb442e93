export { webMercatorGrid, extentGrid, tileExtent, levelFor, tilesCovering, resolutionOf, unitsPerMetre } from './tile-grid.js';
export type { TileGrid, TileMatrix, TileRef, Extent } from './tile-grid.js';
export { parseWmtsCapabilities } from './wmts-capabilities.js';
export type { WmtsCapabilities, WmtsLayer, WmtsMatrixSet } from './wmts-capabilities.js';
export { resolveBasemap } from './basemap-source.js';
export type { BasemapSpec, BasemapLayerConfig, ResolvedBasemap, FetchText } from './basemap-source.js';
