import { CustomHeightmapTerrainProvider } from '@cesium/engine';

const SIZE = 16;

/**
 * A flat ground at one ellipsoidal height, as a Cesium terrain: the three engine's ground plane. Buildings stand on
 * it, draped overlays classify it, and pickPosition hits it. Heights are made locally (Cesium's heightmap worker
 * meshes them): no request.
 */
export function flatTerrain(height: number): CustomHeightmapTerrainProvider {
  const heights = new Float32Array(SIZE * SIZE).fill(height);
  return new CustomHeightmapTerrainProvider({ width: SIZE, height: SIZE, callback: () => heights });
}
