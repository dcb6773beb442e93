// The three.js engine: loaded by dynamic import from the element, never imported by the Cesium engine.
import type { Engine } from '../engine.js';
import { ThreeEngine } from './three-engine.js';

export { ThreeEngine };

export function createEngine(): Engine {
  return new ThreeEngine();
}
