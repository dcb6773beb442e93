/**
 * Source CRS → ECEF for one building, as a local quadratic model fitted from 19 samples
 * (9 exact plan projections) around the building's anchor. Projecting every vertex with proj4
 * would cost ~0.6 µs each; the model costs a few multiply-adds and stays within a
 * millimetre of the exact result for buildings up to a kilometre (third-order terms of
 * the projection and the Earth's curvature are ~extent³/R²).
 */
import { geodeticToEcef, type ToWgs84 } from '../../../src/core/geo/index';

/** 9 vector coefficients × 3: f0, ∂x, ∂y, ∂z, ½∂xx, ∂xy, ½∂yy, ∂xz, ∂yz. */
export const MODEL_SIZE = 27;

export interface ExactTransform {
  toLonLat: ToWgs84;
  /** Metres added to source heights (the geoid/quasigeoid height) at this building. */
  heightOffset: number;
}

/** The exact mapping: source x, y, height → ECEF. */
export function exactEcef(t: ExactTransform, x: number, y: number, z: number, target: number[] = [0, 0, 0]): number[] {
  const ll = t.toLonLat(x, y);
  geodeticToEcef(ll[0], ll[1], z + t.heightOffset, target);
  return target;
}

/** Fits the model at `anchor` (source CRS) with sample steps of the building's half extents. */
export function fitEcefModel(t: ExactTransform, anchor: ArrayLike<number>, hx: number, hy: number, hz: number): Float64Array {
  // Steps no smaller than a metre (or ~1e-5° in geographic CRSs) keep the differences well above rounding.
  const floor = Math.abs(anchor[0]) <= 360 && Math.abs(anchor[1]) <= 360 ? 1e-5 : 1;
  const h = Math.max(hx, hy, floor);
  const k = Math.max(hz, 1);
  // 19 samples at 9 plan positions: each position is projected once (the lon/lat exactEcef would compute each time).
  const at = (dx: number, dy: number): [number, number] => {
    const p = t.toLonLat(anchor[0] + dx, anchor[1] + dy);
    return [p[0], p[1]];
  };
  const e = (ll: [number, number], dz: number) => geodeticToEcef(ll[0], ll[1], anchor[2] + dz + t.heightOffset, [0, 0, 0]);
  const [o, x1, x0, y1, y0] = [at(0, 0), at(h, 0), at(-h, 0), at(0, h), at(0, -h)];
  const f0 = e(o, 0);
  const xp = e(x1, 0), xm = e(x0, 0);
  const yp = e(y1, 0), ym = e(y0, 0);
  const zp = e(o, k), zm = e(o, -k);
  const pp = e(at(h, h), 0), pm = e(at(h, -h), 0), mp = e(at(-h, h), 0), mm = e(at(-h, -h), 0);
  const xzpp = e(x1, k), xzpm = e(x1, -k), xzmp = e(x0, k), xzmm = e(x0, -k);
  const yzpp = e(y1, k), yzpm = e(y1, -k), yzmp = e(y0, k), yzmm = e(y0, -k);
  const m = new Float64Array(MODEL_SIZE);
  for (let c = 0; c < 3; c++) {
    m[c] = f0[c];
    m[3 + c] = (xp[c] - xm[c]) / (2 * h);
    m[6 + c] = (yp[c] - ym[c]) / (2 * h);
    m[9 + c] = (zp[c] - zm[c]) / (2 * k);
    m[12 + c] = (xp[c] - 2 * f0[c] + xm[c]) / (2 * h * h);
    m[15 + c] = (pp[c] - pm[c] - mp[c] + mm[c]) / (4 * h * h);
    m[18 + c] = (yp[c] - 2 * f0[c] + ym[c]) / (2 * h * h);
    m[21 + c] = (xzpp[c] - xzpm[c] - xzmp[c] + xzmm[c]) / (4 * h * k);
    m[24 + c] = (yzpp[c] - yzpm[c] - yzmp[c] + yzmm[c]) / (4 * h * k);
  }
  return m;
}

/** Evaluates the model at an offset from the anchor. */
export function evalModel(m: ArrayLike<number>, dx: number, dy: number, dz: number, target: number[] = [0, 0, 0]): number[] {
  const xx = dx * dx, xy = dx * dy, yy = dy * dy, xz = dx * dz, yz = dy * dz;
  for (let c = 0; c < 3; c++) {
    target[c] = m[c] + m[3 + c] * dx + m[6 + c] * dy + m[9 + c] * dz + m[12 + c] * xx + m[15 + c] * xy + m[18 + c] * yy + m[21 + c] * xz + m[24 + c] * yz;
  }
  return target;
}

/**
 * The model in another frame: `matrix` (column-major 4×4, rigid) applied to f0, its rotation to
 * the derivative vectors. Evaluating the result gives coordinates in that frame directly.
 */
export function transformModel(m: ArrayLike<number>, matrix: ArrayLike<number>, target = new Float64Array(MODEL_SIZE)): Float64Array {
  for (let k = 0; k < 9; k++) {
    const x = m[k * 3], y = m[k * 3 + 1], z = m[k * 3 + 2];
    const w = k === 0 ? 1 : 0;
    target[k * 3] = matrix[0] * x + matrix[4] * y + matrix[8] * z + matrix[12] * w;
    target[k * 3 + 1] = matrix[1] * x + matrix[5] * y + matrix[9] * z + matrix[13] * w;
    target[k * 3 + 2] = matrix[2] * x + matrix[6] * y + matrix[10] * z + matrix[14] * w;
  }
  return target;
}
