// Terrain models: height grids from the terrain worker and the meshes engines draw from them.
export { sampleHeight, gridExtent } from './height-grid.js';
export type { HeightGrid } from './height-grid.js';
export { buildTerrainMesh, surfaceHeight } from './terrain-mesh.js';
export type { TerrainMesh, PlacePoint } from './terrain-mesh.js';
export { subdivideTriangle, segmentPieces } from './subdivide.js';
export { groundSites, siteAt, sitesKey, groundDistance, clusterCells, siteReach, SITE_CELL } from './ground-sites.js';
export type { GroundPoint, GroundSite } from './ground-sites.js';
