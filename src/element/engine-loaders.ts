import type { EngineFactory, EngineName } from '../engines/engine.js';

/**
 * How each engine is loaded: by dynamic import only, so neither engine is in the element's
 * static import graph and Cesium never reaches the three.js build's initial JS.
 */
export const engineLoaders: Record<EngineName, () => Promise<{ createEngine: EngineFactory }>> = {
  three: () => import('../engines/three/index.js'),
  cesium: () => import('../engines/cesium/index.js'),
};

export function isEngineName(value: string): value is EngineName {
  return value in engineLoaders;
}
