/**
 * Linearisation of GML circular arcs (circularArc3Points and by centre point).
 * The chord tolerance bounds the gap between the true arc and its segments.
 */

/** Largest angular step, so that full circles stay round even with a loose tolerance. */
const MAX_STEP = Math.PI / 18; // 10°
/**
 * Most segments one arc becomes: the step floor. A huge radius (a CircleByCenterPoint of 1e12 m, or a
 * three-point arc whose middle point lies almost on the chord) makes the chord-tolerance step round to
 * zero; the arc is then drawn with this many segments instead of looping forever.
 */
export const MAX_ARC_SEGMENTS = 4096;

/** Appends a position unless it repeats the last one (segments share their end points). */
export function appendPosition(out: number[], dim: number, x: number, y: number, z: number): void {
  const n = out.length;
  if (n >= dim && out[n - dim] === x && out[n - dim + 1] === y) return;
  out.push(x, y);
  if (dim === 3) out.push(z);
}

function stepCount(sweep: number, radius: number, tolerance: number): number {
  const byChord = tolerance < radius ? 2 * Math.acos(1 - tolerance / radius) : MAX_STEP;
  const n = Math.ceil(Math.abs(sweep) / Math.min(MAX_STEP, byChord));
  // NaN (a non-finite input) and Infinity (a step of zero) both end at the cap
  return n >= 1 && n <= MAX_ARC_SEGMENTS ? n : n < 1 ? 1 : MAX_ARC_SEGMENTS;
}

function appendSweep(
  out: number[],
  dim: number,
  cx: number,
  cy: number,
  r: number,
  a0: number,
  sweep: number,
  z0: number,
  z1: number,
  tolerance: number,
): void {
  const n = stepCount(sweep, r, tolerance);
  for (let i = 1; i < n; i++) {
    const a = a0 + (sweep * i) / n;
    appendPosition(out, dim, cx + r * Math.cos(a), cy + r * Math.sin(a), z0 + ((z1 - z0) * i) / n);
  }
}

/**
 * Appends the arc from p1 through p2 to p3 (the three positions from offset i1 of `src`).
 * With `fullCircle`, the circle through the three points is drawn from p1 back to p1.
 * Collinear points give straight segments.
 */
export function appendArc3(out: number[], dim: number, src: ArrayLike<number>, i1: number, tolerance: number, fullCircle = false): void {
  const i2 = i1 + dim;
  const i3 = i2 + dim;
  const x1 = src[i1], y1 = src[i1 + 1];
  const z1 = dim === 3 ? src[i1 + 2] : 0;
  const z3 = dim === 3 ? src[i3 + 2] : 0;
  // work relative to p1: projected coordinates are large and the circumcentre formula squares them
  const bx = src[i2] - x1, by = src[i2 + 1] - y1;
  const cx = src[i3] - x1, cy = src[i3 + 1] - y1;
  const d = 2 * (bx * cy - by * cx);
  const scale = Math.max(Math.abs(bx), Math.abs(by), Math.abs(cx), Math.abs(cy));
  appendPosition(out, dim, x1, y1, z1);
  if (Math.abs(d) <= 1e-12 * scale * scale) {
    appendPosition(out, dim, src[i2], src[i2 + 1], dim === 3 ? src[i2 + 2] : 0);
    if (!fullCircle) appendPosition(out, dim, src[i3], src[i3 + 1], z3);
    return;
  }
  const b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
  const ux = (cy * b2 - by * c2) / d;
  const uy = (bx * c2 - cx * b2) / d;
  const r = Math.hypot(ux, uy);
  const a1 = Math.atan2(-uy, -ux);
  const a3 = Math.atan2(cy - uy, cx - ux);
  const ccw = d > 0;
  let sweep: number;
  if (fullCircle) sweep = ccw ? 2 * Math.PI : -2 * Math.PI;
  else {
    sweep = a3 - a1;
    if (ccw && sweep <= 0) sweep += 2 * Math.PI;
    if (!ccw && sweep >= 0) sweep -= 2 * Math.PI;
  }
  appendSweep(out, dim, x1 + ux, y1 + uy, r, a1, sweep, z1, fullCircle ? z1 : z3, tolerance);
  // end exactly on the given point so that rings close and segments join
  if (fullCircle) appendPosition(out, dim, x1, y1, z1);
  else appendPosition(out, dim, src[i3], src[i3 + 1], z3);
}

/** Appends an arc around a centre, counter-clockwise from startAngle to endAngle (radians, from the x axis). */
export function appendArcByCenter(
  out: number[],
  dim: number,
  cx: number,
  cy: number,
  z: number,
  r: number,
  startAngle: number,
  endAngle: number,
  tolerance: number,
): void {
  let sweep = endAngle - startAngle;
  if (sweep <= 0) sweep += 2 * Math.PI;
  const sx = cx + r * Math.cos(startAngle);
  const sy = cy + r * Math.sin(startAngle);
  appendPosition(out, dim, sx, sy, z);
  appendSweep(out, dim, cx, cy, r, startAngle, sweep, z, z, tolerance);
  // a full circle ends exactly where it started, so that it closes as a ring
  if (Math.abs(sweep - 2 * Math.PI) < 1e-9) appendPosition(out, dim, sx, sy, z);
  else appendPosition(out, dim, cx + r * Math.cos(startAngle + sweep), cy + r * Math.sin(startAngle + sweep), z);
}
