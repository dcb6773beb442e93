// Planning scenarios: the model, its reader, block geometry, edits with undo, and the share-link codec.
export * from './scenario-types.js';
export * from './read-scenario.js';
export * from './footprint.js';
export * from './block-geometry.js';
export * from './scenario-edits.js';
export * from './edit-history.js';
export * from './fragment-codec.js';
export * from './share-link.js';
