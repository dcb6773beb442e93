// Council mode: view links, viewpoints and presentations (engine-agnostic).
export * from './view-link.js';
export * from './presentation.js';
export * from './tileset-files.js';
export * from './implicit-tiling.js';
export * from './offline-plan.js';
export * from './basemap-cover.js';
