import type { EngineFactory } from '../engine.js';
import { CesiumEngine } from './cesium-engine.js';

export { CesiumEngine };
export const createEngine: EngineFactory = () => new CesiumEngine();
