import type { TileGrid, ToWgs84 } from '../../core/index.js';

/** How a grid's tiles map onto Cesium's own tiling schemes, when they do one to one. */
export interface NativeTiling {
  scheme: 'mercator' | 'geographic';
  /** Cesium level → index into grid.matrices, for every level from minimumLevel to maximumLevel. */
  matrixOf: Map<number, number>;
  minimumLevel: number;
  maximumLevel: number;
}

const MERCATOR_HALF = 20037508.342789244;

/**
 * Whether every matrix of the grid is a level of Cesium's WebMercatorTilingScheme (EPSG:3857, 2^z × 2^z from the
 * top-left corner of the world) or GeographicTilingScheme (EPSG:4326/4258, 2^(z+1) × 2^z), with square tiles of one
 * size and no level missing in between; then Cesium draws the source tiles as they are. Otherwise null (warp them).
 */
export function nativeTiling(grid: TileGrid): NativeTiling | null {
  const scheme = grid.epsg === 3857 ? 'mercator' : grid.epsg === 4326 || grid.epsg === 4258 ? 'geographic' : null;
  if (!scheme || !grid.matrices.length) return null;
  const [left, top, world] = scheme === 'mercator' ? [-MERCATOR_HALF, MERCATOR_HALF, 2 * MERCATOR_HALF] : [-180, 90, 180];
  const size = grid.matrices[0].tileWidth;
  const matrixOf = new Map<number, number>();
  for (let i = 0; i < grid.matrices.length; i++) {
    const m = grid.matrices[i];
    if (m.tileWidth !== size || m.tileHeight !== size) return null;
    const span = m.tileWidth * m.resolution;
    const z = Math.round(Math.log2(world / span));
    // 1e-6 of a tile: services round origins and resolutions in their capabilities
    if (z < 0 || Math.abs(world / 2 ** z - span) > span * 1e-6) return null;
    if (Math.abs(m.originX - left) > span * 1e-6 || Math.abs(m.originY - top) > span * 1e-6) return null;
    if (matrixOf.has(z)) return null;
    matrixOf.set(z, i);
  }
  const levels = [...matrixOf.keys()];
  const minimumLevel = Math.min(...levels);
  const maximumLevel = Math.max(...levels);
  if (maximumLevel - minimumLevel + 1 !== levels.length) return null;
  return { scheme, matrixOf, minimumLevel, maximumLevel };
}

/** [west, south, east, north] in degrees. */
export type LonLatBox = [number, number, number, number];

/**
 * The area the grid's coarsest matrix covers, in degrees: its outline sampled through toLonLat (a projected square is
 * curved in lon/lat), latitudes clamped to Web Mercator's ±85.05°. Points the projection cannot map are left out.
 */
export function gridLonLatBox(grid: TileGrid, toLonLat: ToWgs84): LonLatBox {
  const m = grid.matrices[0];
  const x0 = m.originX;
  const y1 = m.originY;
  const x1 = x0 + m.matrixWidth * m.tileWidth * m.resolution;
  const y0 = y1 - m.matrixHeight * m.tileHeight * m.resolution;
  const box: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
  const out = [0, 0];
  const steps = 32;
  for (let k = 0; k <= steps; k++) {
    const t = k / steps;
    for (const [x, y] of [
      [x0 + t * (x1 - x0), y0],
      [x0 + t * (x1 - x0), y1],
      [x0, y0 + t * (y1 - y0)],
      [x1, y0 + t * (y1 - y0)],
    ]) {
      toLonLat(x, y, out);
      if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) continue;
      box[0] = Math.min(box[0], out[0]);
      box[1] = Math.min(box[1], out[1]);
      box[2] = Math.max(box[2], out[0]);
      box[3] = Math.max(box[3], out[1]);
    }
  }
  if (!(box[2] > box[0] && box[3] > box[1])) throw new Error(`base map grid (EPSG:${grid.epsg}): its extent does not project to WGS 84`);
  return [Math.max(box[0], -180), Math.max(box[1], -85.05), Math.min(box[2], 180), Math.min(box[3], 85.05)];
}

/** The finest Cesium geographic level worth drawing: its pixels no smaller than the grid's finest ones. */
export function geographicMaximumLevel(grid: TileGrid, box: LonLatBox, fromLonLat: ToWgs84, tileSize = 256): number {
  const finest = grid.matrices[grid.matrices.length - 1];
  const a = fromLonLat(box[0], (box[1] + box[3]) / 2, [0, 0]);
  const b = fromLonLat(box[2], (box[1] + box[3]) / 2, [0, 0]);
  // grid units per degree of longitude across the middle of the area
  const unitsPerDegree = Math.hypot(b[0] - a[0], b[1] - a[1]) / (box[2] - box[0]);
  const degreesPerPixel = finest.resolution / unitsPerDegree;
  return Math.max(0, Math.min(24, Math.ceil(Math.log2(180 / tileSize / degreesPerPixel))));
}
