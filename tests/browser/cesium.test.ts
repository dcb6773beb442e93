/**
 * Every Cesium browser test, in one file: the browser layer runs its files one after another in fresh pages, and each
 * page loads Cesium (and its dev-server transform) anew, so one file loads it once. The cases live in ./cesium/ (not
 * *.test.ts: run only from here); their hooks only clean up what their own tests made.
 */
import './cesium/contract.js';
import './cesium/viewer.js';
import './cesium/metadata.js';
import './cesium/shadows.js';
import './cesium/terrain.js';
import './cesium/ground.js';
import './cesium/scenario.js';
import './cesium/split.js';
import './cesium/basemap.js';
import './cesium/overlay-terrain.js';
import './cesium/terrain-qm.js';
