/**
 * WGS 84 geodetic ↔ ECEF, and local east-north-up frames as column-major 4×4
 * matrices (the layout of 3D Tiles `transform` and glTF `matrix`).
 */

export const WGS84_A = 6378137;
export const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const B = WGS84_A * (1 - WGS84_F);
const EP2 = (WGS84_A * WGS84_A - B * B) / (B * B);
const RAD = Math.PI / 180;

type Vec3 = number[] | Float64Array;

/** Geodetic (degrees, ellipsoidal metres) → ECEF metres, written into target. */
export function geodeticToEcef(lonDeg: number, latDeg: number, height: number, target: Vec3 = [0, 0, 0]): Vec3 {
  const lon = lonDeg * RAD;
  const lat = latDeg * RAD;
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const n = WGS84_A / Math.sqrt(1 - E2 * sinLat * sinLat);
  target[0] = (n + height) * cosLat * Math.cos(lon);
  target[1] = (n + height) * cosLat * Math.sin(lon);
  target[2] = (n * (1 - E2) + height) * sinLat;
  return target;
}

/** ECEF → [lon°, lat°, height m]: Bowring's start, then fixed-point refinement (sub-millimetre near the surface). */
export function ecefToGeodetic(x: number, y: number, z: number, target: Vec3 = [0, 0, 0]): Vec3 {
  const p = Math.hypot(x, y);
  const theta = Math.atan2(z * WGS84_A, p * B);
  let lat = Math.atan2(z + EP2 * B * Math.sin(theta) ** 3, p - E2 * WGS84_A * Math.cos(theta) ** 3);
  for (let i = 0; i < 3; i++) {
    const sinLat = Math.sin(lat);
    const n = WGS84_A / Math.sqrt(1 - E2 * sinLat * sinLat);
    lat = Math.atan2(z + E2 * n * sinLat, p);
  }
  const sinLat = Math.sin(lat);
  // Valid at any latitude, poles included.
  const h = p * Math.cos(lat) + z * sinLat - WGS84_A * Math.sqrt(1 - E2 * sinLat * sinLat);
  target[0] = Math.atan2(y, x) / RAD;
  target[1] = lat / RAD;
  target[2] = h;
  return target;
}

/** ENU → ECEF at a geodetic point: columns east, north, up, origin (column-major). */
export function enuToEcef(lonDeg: number, latDeg: number, height: number, target = new Float64Array(16)): Float64Array {
  const lon = lonDeg * RAD;
  const lat = latDeg * RAD;
  const sinLon = Math.sin(lon);
  const cosLon = Math.cos(lon);
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const o = geodeticToEcef(lonDeg, latDeg, height);
  target.set([
    -sinLon, cosLon, 0, 0,
    -sinLat * cosLon, -sinLat * sinLon, cosLat, 0,
    cosLat * cosLon, cosLat * sinLon, sinLat, 0,
    o[0], o[1], o[2], 1,
  ]);
  return target;
}

/** Inverse of a rigid (rotation + translation) column-major matrix: transpose the rotation, rotate the negated translation. */
export function invertRigid(m: ArrayLike<number>, target = new Float64Array(16)): Float64Array {
  const tx = m[12];
  const ty = m[13];
  const tz = m[14];
  const r = [m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]];
  target.set([
    r[0], r[1], r[2], 0,
    r[3], r[4], r[5], 0,
    r[6], r[7], r[8], 0,
    -(r[0] * tx + r[3] * ty + r[6] * tz), -(r[1] * tx + r[4] * ty + r[7] * tz), -(r[2] * tx + r[5] * ty + r[8] * tz), 1,
  ]);
  return target;
}

/** a × b for column-major 4×4 matrices. target may not alias a or b. */
export function multiplyMatrices(a: ArrayLike<number>, b: ArrayLike<number>, target = new Float64Array(16)): Float64Array {
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row] * b[col * 4 + k];
      target[col * 4 + row] = sum;
    }
  }
  return target;
}

/** m × (x, y, z, 1), written into target. */
export function transformPoint(m: ArrayLike<number>, x: number, y: number, z: number, target: Vec3 = [0, 0, 0]): Vec3 {
  target[0] = m[0] * x + m[4] * y + m[8] * z + m[12];
  target[1] = m[1] * x + m[5] * y + m[9] * z + m[13];
  target[2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  return target;
}
