import { Cartesian3, Cartographic, Ellipsoid, Ray, type Cesium3DTileset, type Scene } from '@cesium/engine';

const GRID = 9;
const METRES_PER_DEGREE = 111_320;

/** The lowest height of the tileset's bounding volume (a region's minimum, else the sphere's bottom). */
export function boundsBottom(tileset: Cesium3DTileset): number {
  const volume = (tileset.root as unknown as { boundingVolume: { minimumHeight?: number } }).boundingVolume;
  if (typeof volume.minimumHeight === 'number') return volume.minimumHeight;
  const c = Cartographic.fromCartesian(tileset.boundingSphere.center);
  return (c?.height ?? 0) - tileset.boundingSphere.radius * 0.5;
}

/**
 * Where buildings stand: rays cast upwards from below the tileset on a 9×9 grid hit the loaded buildings'
 * floors first (Cesium's CPU pick, front faces only); the lowest hit is the ground. Null when nothing was hit
 * (no floors, or no tiles drawn yet). Bounded: 81 rays, each tested against the drawn tiles it meets.
 */
export function lowestFloor(tileset: Cesium3DTileset, scene: Scene): number | null {
  const sphere = tileset.boundingSphere;
  const centre = Cartographic.fromCartesian(sphere.center);
  if (!centre) return null;
  const frameState = (scene as unknown as { frameState: unknown }).frameState;
  const below = boundsBottom(tileset) - 100;
  const half = Math.min(sphere.radius, 2000);
  const lat = (centre.latitude * 180) / Math.PI;
  const lon = (centre.longitude * 180) / Math.PI;
  let lowest = Infinity;
  const hit = new Cartesian3();
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const east = -half + (2 * half * (i + 0.5)) / GRID;
      const north = -half + (2 * half * (j + 0.5)) / GRID;
      const origin = Cartesian3.fromDegrees(lon + east / (METRES_PER_DEGREE * Math.cos(centre.latitude)), lat + north / METRES_PER_DEGREE, below);
      const up = Ellipsoid.WGS84.geodeticSurfaceNormal(origin, new Cartesian3());
      const found = (tileset as unknown as { pick(ray: Ray, fs: unknown, result: Cartesian3): Cartesian3 | undefined }).pick(new Ray(origin, up), frameState, hit);
      const h = found && Cartographic.fromCartesian(found)?.height;
      if (typeof h === 'number' && h < lowest) lowest = h;
    }
  }
  return lowest === Infinity ? null : lowest;
}
