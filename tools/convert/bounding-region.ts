/**
 * 3D Tiles bounding volumes as geodetic regions, so a root tileset can enclose child tilesets
 * whatever volume type and transform each child uses. Regions are [west, south, east, north, minH, maxH]
 * in radians and metres above the WGS84 ellipsoid.
 */
// from the modules themselves, not the geo index: that would bundle proj4 (284 KB) into the CLI's main thread, which needs none of it
import { ecefToGeodetic, geodeticToEcef, transformPoint, WGS84_A } from '../../src/core/geo/enu';

export type Region = [number, number, number, number, number, number];
export type Mat4 = number[]; // column-major, as in tileset.json

export interface BoundingVolume {
  region?: number[];
  box?: number[];
  sphere?: number[];
}

const RAD = Math.PI / 180;

/**
 * The region enclosing a bounding volume placed by `transform` (its tile's world transform).
 * Boxes and spheres are sampled on a 5×5×5 lattice, which catches the ellipsoid's sag under a flat face;
 * a small margin covers what lies between samples.
 */
export function volumeToRegion(volume: BoundingVolume, transform?: Mat4): Region {
  if (volume.region) return volume.region.slice(0, 6) as Region;
  const axes = volume.box ? boxAxes(volume.box) : volume.sphere ? sphereAxes(volume.sphere) : undefined;
  if (!axes) throw new Error('bounding volume has no region, box or sphere');
  const points: number[][] = [];
  const steps = [-1, -0.5, 0, 0.5, 1];
  for (const u of steps)
    for (const v of steps)
      for (const w of steps) {
        const local = [0, 1, 2].map((i) => axes.center[i] + u * axes.x[i] + v * axes.y[i] + w * axes.z[i]);
        points.push(transform ? (transformPoint(transform, local[0], local[1], local[2]) as number[]) : local);
      }
  return regionOfEcefPoints(points, 0.5);
}

/** Union of regions (assumes none crosses the antimeridian, true for municipal data). */
export function unionRegions(regions: Region[]): Region {
  if (regions.length === 0) throw new Error('no regions to unite');
  const out = regions[0].slice() as Region;
  for (const r of regions.slice(1)) {
    out[0] = Math.min(out[0], r[0]);
    out[1] = Math.min(out[1], r[1]);
    out[2] = Math.max(out[2], r[2]);
    out[3] = Math.max(out[3], r[3]);
    out[4] = Math.min(out[4], r[4]);
    out[5] = Math.max(out[5], r[5]);
  }
  return out;
}

/** Length of a region's diagonal in metres: the geometric error of a tile that draws nothing itself. */
export function regionDiagonal(r: Region): number {
  const a = geodeticToEcef(r[0] / RAD, r[1] / RAD, r[4]);
  const b = geodeticToEcef(r[2] / RAD, r[3] / RAD, r[5]);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function regionOfEcefPoints(points: number[][], marginMetres: number): Region {
  const r: Region = [Infinity, Infinity, -Infinity, -Infinity, Infinity, -Infinity];
  const g = [0, 0, 0];
  for (const [x, y, z] of points) {
    ecefToGeodetic(x, y, z, g);
    const lon = g[0] * RAD;
    const lat = g[1] * RAD;
    const h = g[2];
    r[0] = Math.min(r[0], lon);
    r[1] = Math.min(r[1], lat);
    r[2] = Math.max(r[2], lon);
    r[3] = Math.max(r[3], lat);
    r[4] = Math.min(r[4], h);
    r[5] = Math.max(r[5], h);
  }
  const dLat = marginMetres / WGS84_A;
  const dLon = marginMetres / (WGS84_A * Math.max(Math.cos(Math.max(Math.abs(r[1]), Math.abs(r[3]))), 1e-6));
  return [r[0] - dLon, r[1] - dLat, r[2] + dLon, r[3] + dLat, r[4] - marginMetres, r[5] + marginMetres];
}

function boxAxes(box: number[]) {
  return { center: box.slice(0, 3), x: box.slice(3, 6), y: box.slice(6, 9), z: box.slice(9, 12) };
}

function sphereAxes(sphere: number[]) {
  const r = sphere[3];
  return { center: sphere.slice(0, 3), x: [r, 0, 0], y: [0, r, 0], z: [0, 0, r] };
}
