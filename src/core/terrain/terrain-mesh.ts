import type { HeightGrid } from './height-grid.js';

/**
 * Places a point of the grid's CRS at an (ellipsoidal) height in the engine's world: writes x, y, z into out.
 * Engines pass their frame's conversion (CRS → lon/lat → world).
 */
export type PlacePoint = (x: number, y: number, height: number, out: number[]) => void;

/**
 * A grid as a triangle mesh in world coordinates (y up, z south), plus what is needed to find the surface
 * height under a world point without ray casting: an affine map from world x/z to grid column/row.
 */
export interface TerrainMesh {
  columns: number;
  rows: number;
  /** x, y, z per sample; y is NaN for samples without data (their triangles are left out). */
  positions: Float32Array;
  /** Two triangles per cell whose four corners have data, counter-clockwise seen from above. */
  index: Uint32Array;
  /** World x/z → column/row: col = a[0] + a[1]·x + a[2]·z, row = a[3] + a[4]·x + a[5]·z. */
  toGrid: Float64Array;
  /** Lowest and highest world y. */
  minY: number;
  maxY: number;
}

/**
 * Builds the mesh. Placing every sample through a projection is slow (a 1000² DGM tile is a million proj
 * calls), so only every `step`-th sample is placed exactly, at height 0 and 1; samples between are
 * interpolated bilinearly from them (base point plus height times the local up). Over a few metres the
 * projection and the earth's curvature are linear to far below a millimetre.
 */
export function buildTerrainMesh(grid: HeightGrid, place: PlacePoint, step = 8): TerrainMesh {
  const { columns, rows, heights } = grid;
  const lc = Math.ceil((columns - 1) / step) + 1;
  const lr = Math.ceil((rows - 1) / step) + 1;
  const base = new Float64Array(lc * lr * 3);
  const up = new Float64Array(lc * lr * 3);
  const out = [0, 0, 0];
  for (let lj = 0; lj < lr; lj++) {
    for (let li = 0; li < lc; li++) {
      const x = grid.originX + Math.min(li * step, columns - 1) * grid.stepX;
      const y = grid.originY - Math.min(lj * step, rows - 1) * grid.stepY;
      const k = (lj * lc + li) * 3;
      place(x, y, 0, out);
      base[k] = out[0];
      base[k + 1] = out[1];
      base[k + 2] = out[2];
      place(x, y, 1, out);
      up[k] = out[0] - base[k];
      up[k + 1] = out[1] - base[k + 1];
      up[k + 2] = out[2] - base[k + 2];
    }
  }
  const positions = new Float32Array(columns * rows * 3);
  let minY = Infinity;
  let maxY = -Infinity;
  for (let j = 0; j < rows; j++) {
    const lj = Math.min(Math.floor(j / step), lr - 2);
    const rowSpan = Math.min((lj + 1) * step, rows - 1) - lj * step;
    const fv = lr > 1 ? (j - lj * step) / rowSpan : 0;
    for (let i = 0; i < columns; i++) {
      const li = Math.min(Math.floor(i / step), lc - 2);
      const colSpan = Math.min((li + 1) * step, columns - 1) - li * step;
      const fu = lc > 1 ? (i - li * step) / colSpan : 0;
      const hs = heights[j * columns + i];
      // no data: the sample keeps its place on the map (x/z) but has no height
      const h = Number.isNaN(hs) ? 0 : hs;
      const p = (j * columns + i) * 3;
      for (let c = 0; c < 3; c++) {
        positions[p + c] = bilinear(base, lc, Math.max(li, 0), Math.max(lj, 0), fu, fv, c, lr > 1, lc > 1) + h * bilinear(up, lc, Math.max(li, 0), Math.max(lj, 0), fu, fv, c, lr > 1, lc > 1);
      }
      if (Number.isNaN(hs)) {
        positions[p + 1] = NaN;
        continue;
      }
      const y = positions[p + 1];
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { columns, rows, positions, index: cellTriangles(heights, columns, rows), toGrid: gridAffine(base, up, Number.isFinite(grid.min) ? (grid.min + grid.max) / 2 : 0, lc, lr, columns, rows), minY, maxY };
}

function bilinear(a: Float64Array, lc: number, li: number, lj: number, fu: number, fv: number, c: number, hasRows: boolean, hasCols: boolean): number {
  const k = (lj * lc + li) * 3 + c;
  const right = hasCols ? 3 : 0;
  const down = hasRows ? lc * 3 : 0;
  const top = a[k] + (a[k + right] - a[k]) * fu;
  const bottom = a[k + down] + (a[k + down + right] - a[k + down]) * fu;
  return top + (bottom - top) * fv;
}

/** Cell (i, j) with corners a (NW), b (NE), c (SW), d (SE) → triangles a-c-b and b-c-d (diagonal b–c). */
function cellTriangles(heights: Float32Array, columns: number, rows: number): Uint32Array {
  const index = new Uint32Array(Math.max(0, (columns - 1) * (rows - 1) * 6));
  let n = 0;
  for (let j = 0; j + 1 < rows; j++) {
    for (let i = 0; i + 1 < columns; i++) {
      const a = j * columns + i;
      const b = a + 1;
      const c = a + columns;
      const d = c + 1;
      if (Number.isNaN(heights[a]) || Number.isNaN(heights[b]) || Number.isNaN(heights[c]) || Number.isNaN(heights[d])) continue;
      index[n++] = a;
      index[n++] = c;
      index[n++] = b;
      index[n++] = b;
      index[n++] = c;
      index[n++] = d;
    }
  }
  return n === index.length ? index : index.slice(0, n);
}

/**
 * The affine map world x/z → column/row, from the exactly placed corners of the grid at its middle height
 * (far from the world origin, up leans a little, so x/z of a sample depend slightly on its height).
 */
function gridAffine(base: Float64Array, up: Float64Array, mid: number, lc: number, lr: number, columns: number, rows: number): Float64Array {
  const at = (k: number, c: number) => base[k + c] + mid * up[k + c];
  const e = (lc - 1) * 3;
  const s = (lr - 1) * lc * 3;
  // world x/z of the corners: origin, last column, last row
  const x0 = at(0, 0), z0 = at(0, 2);
  const dxc = at(e, 0) - x0, dzc = at(e, 2) - z0;
  const dxr = at(s, 0) - x0, dzr = at(s, 2) - z0;
  const cols = Math.max(columns - 1, 1);
  const rws = Math.max(rows - 1, 1);
  // [x - x0, z - z0] = M · [col, row] with M = [[dxc/cols, dxr/rws], [dzc/cols, dzr/rws]]
  const m00 = dxc / cols, m01 = dxr / rws, m10 = dzc / cols, m11 = dzr / rws;
  const det = m00 * m11 - m01 * m10 || 1;
  const i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
  return Float64Array.of(-(i00 * x0 + i01 * z0), i00, i01, -(i10 * x0 + i11 * z0), i10, i11);
}

/** The mesh's surface height (world y) under world x/z, on the same triangles that are drawn; NaN off the mesh or on a hole. */
export function surfaceHeight(mesh: TerrainMesh, x: number, z: number): number {
  const a = mesh.toGrid;
  let u = a[0] + a[1] * x + a[2] * z;
  let v = a[3] + a[4] * x + a[5] * z;
  // a point on the edge may land a hair outside in Float32 positions
  const eps = 1e-3;
  if (!(u >= -eps && v >= -eps && u <= mesh.columns - 1 + eps && v <= mesh.rows - 1 + eps) || mesh.columns < 2 || mesh.rows < 2) return NaN;
  u = Math.min(Math.max(u, 0), mesh.columns - 1);
  v = Math.min(Math.max(v, 0), mesh.rows - 1);
  const i = Math.min(Math.floor(u), mesh.columns - 2);
  const j = Math.min(Math.floor(v), mesh.rows - 2);
  const fu = u - i;
  const fv = v - j;
  const p = mesh.positions;
  const ia = j * mesh.columns + i;
  const ha = p[ia * 3 + 1];
  const hb = p[(ia + 1) * 3 + 1];
  const hc = p[(ia + mesh.columns) * 3 + 1];
  const hd = p[(ia + mesh.columns + 1) * 3 + 1];
  if (fu + fv <= 1) return ha + fu * (hb - ha) + fv * (hc - ha);
  return hd + (1 - fu) * (hc - hd) + (1 - fv) * (hb - hd);
}
