import { levelFor, tilesCovering, type Extent, type TileGrid, type TileRef, type ToWgs84 } from '../../core/index.js';
import type { LonLatBox } from './basemap-grid.js';

/** Mesh cells per tile edge: piecewise affine over 32 px cells keeps the error of a UTM→lon/lat warp under a pixel. */
const CELLS = 8;
/** Source tiles one warped tile may draw from; more means a coarser level. */
const MAX_SOURCE_TILES = 16;
const _p = [0, 0];

/** The source tiles a lon/lat rectangle needs: the coarsest level at least as sharp as `pixels` across it. */
export function sourceTilesFor(grid: TileGrid, fromLonLat: ToWgs84, rect: LonLatBox, pixels: number): TileRef[] {
  const ext: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= CELLS; i++) {
    for (let j = 0; j <= CELLS; j++) {
      fromLonLat(rect[0] + ((rect[2] - rect[0]) * i) / CELLS, rect[1] + ((rect[3] - rect[1]) * j) / CELLS, _p);
      ext[0] = Math.min(ext[0], _p[0]);
      ext[1] = Math.min(ext[1], _p[1]);
      ext[2] = Math.max(ext[2], _p[0]);
      ext[3] = Math.max(ext[3], _p[1]);
    }
  }
  let level = levelFor(grid, Math.max(ext[2] - ext[0], ext[3] - ext[1]) / pixels);
  let tiles = tilesCovering(grid, level, ext, MAX_SOURCE_TILES);
  while (!tiles && level > 0) tiles = tilesCovering(grid, --level, ext, MAX_SOURCE_TILES);
  return tiles ?? [];
}

export interface SourceImage {
  ref: TileRef;
  image: CanvasImageSource;
}

/**
 * Draws source tiles (in the grid's CRS) onto a canvas that covers `tile` (a lon/lat rectangle, linear in both, as
 * Cesium's geographic tiling scheme is): a mesh over the part of the tile inside `area` (where the projection is
 * valid), each triangle an affine map from the source mosaic. Pixels outside stay transparent.
 */
export function warpTile(grid: TileGrid, fromLonLat: ToWgs84, sources: SourceImage[], tile: LonLatBox, area: LonLatBox, size: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  if (!sources.length) return canvas;
  const m = grid.matrices[sources[0].ref.level];
  const c0 = Math.min(...sources.map((s) => s.ref.col));
  const r0 = Math.min(...sources.map((s) => s.ref.row));
  const c1 = Math.max(...sources.map((s) => s.ref.col));
  const r1 = Math.max(...sources.map((s) => s.ref.row));
  const mosaic = document.createElement('canvas');
  mosaic.width = (c1 - c0 + 1) * m.tileWidth;
  mosaic.height = (r1 - r0 + 1) * m.tileHeight;
  const mctx = mosaic.getContext('2d')!;
  for (const s of sources) mctx.drawImage(s.image, (s.ref.col - c0) * m.tileWidth, (s.ref.row - r0) * m.tileHeight, m.tileWidth, m.tileHeight);
  // the mosaic's top-left corner in the grid's CRS, and its units per pixel
  const ox = m.originX + c0 * m.tileWidth * m.resolution;
  const oy = m.originY - r0 * m.tileHeight * m.resolution;
  const res = m.resolution;

  const west = Math.max(tile[0], area[0]);
  const south = Math.max(tile[1], area[1]);
  const east = Math.min(tile[2], area[2]);
  const north = Math.min(tile[3], area[3]);
  if (!(east > west && north > south)) return canvas;
  const n = CELLS + 1;
  const dst = new Float64Array(n * n * 2);
  const src = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const lon = west + ((east - west) * i) / CELLS;
      const lat = north - ((north - south) * j) / CELLS;
      const k = (j * n + i) * 2;
      dst[k] = ((lon - tile[0]) / (tile[2] - tile[0])) * size;
      dst[k + 1] = ((tile[3] - lat) / (tile[3] - tile[1])) * size;
      fromLonLat(lon, lat, _p);
      src[k] = (_p[0] - ox) / res;
      src[k + 1] = (oy - _p[1]) / res;
    }
  }
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  for (let j = 0; j < CELLS; j++) {
    for (let i = 0; i < CELLS; i++) {
      const a = j * n + i;
      triangle(ctx, mosaic, dst, src, a, a + 1, a + n);
      triangle(ctx, mosaic, dst, src, a + 1, a + n + 1, a + n);
    }
  }
  return canvas;
}

/** One mesh triangle: clip to it (grown by half a pixel so neighbours leave no seam) and draw the mosaic through the affine map. */
function triangle(ctx: CanvasRenderingContext2D, mosaic: HTMLCanvasElement, dst: Float64Array, src: Float64Array, i0: number, i1: number, i2: number): void {
  const [x0, y0, x1, y1, x2, y2] = [dst[i0 * 2], dst[i0 * 2 + 1], dst[i1 * 2], dst[i1 * 2 + 1], dst[i2 * 2], dst[i2 * 2 + 1]];
  const [u0, v0, u1, v1, u2, v2] = [src[i0 * 2], src[i0 * 2 + 1], src[i1 * 2], src[i1 * 2 + 1], src[i2 * 2], src[i2 * 2 + 1]];
  const det = (u1 - u0) * (v2 - v0) - (u2 - u0) * (v1 - v0);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return;
  // the affine map (u, v) → (x, y) through the three vertex pairs
  const a = ((x1 - x0) * (v2 - v0) - (x2 - x0) * (v1 - v0)) / det;
  const b = ((y1 - y0) * (v2 - v0) - (y2 - y0) * (v1 - v0)) / det;
  const c = ((x2 - x0) * (u1 - u0) - (x1 - x0) * (u2 - u0)) / det;
  const d = ((y2 - y0) * (u1 - u0) - (y1 - y0) * (u2 - u0)) / det;
  const e = x0 - a * u0 - c * v0;
  const f = y0 - b * u0 - d * v0;
  const cx = (x0 + x1 + x2) / 3;
  const cy = (y0 + y1 + y2) / 3;
  const grow = (x: number, y: number): [number, number] => {
    const l = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / l) * 0.7, y + ((y - cy) / l) * 0.7];
  };
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(...grow(x0, y0));
  ctx.lineTo(...grow(x1, y1));
  ctx.lineTo(...grow(x2, y2));
  ctx.closePath();
  ctx.clip();
  ctx.setTransform(a, b, c, d, e, f);
  ctx.drawImage(mosaic, 0, 0);
  ctx.restore();
}
