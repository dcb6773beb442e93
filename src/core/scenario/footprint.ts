/** Footprint rings of planned blocks: cleaned, checked for self-intersection, counter-clockwise. */

export type Point2 = [number, number];

/** Largest number of footprint corners a block may have (bounds the O(n²) checks). */
export const MAX_FOOTPRINT_POINTS = 1000;

export class FootprintError extends Error {
  constructor(
    message: string,
    /** Index of the offending point in the given ring, when there is one. */
    readonly point?: number,
  ) {
    super(message);
    this.name = 'FootprintError';
  }
}

/** Twice the signed area (positive = counter-clockwise, east/north axes). */
export function signedArea2(ring: readonly Point2[]): number {
  let s = 0;
  const x0 = ring[0]?.[0] ?? 0;
  const y0 = ring[0]?.[1] ?? 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] - x0) * (ring[i][1] - y0) - (ring[i][0] - x0) * (ring[j][1] - y0);
  }
  return s;
}

export function ringArea(ring: readonly Point2[]): number {
  return Math.abs(signedArea2(ring)) / 2;
}

/**
 * The ring without a closing point and repeated points, counter-clockwise. Throws a FootprintError
 * naming the point for fewer than 3 corners, non-finite numbers, zero area or crossing edges.
 */
export function normalizeFootprint(points: readonly (readonly number[])[]): Point2[] {
  if (points.length > MAX_FOOTPRINT_POINTS + 1) throw new FootprintError(`a footprint has at most ${MAX_FOOTPRINT_POINTS} corners, this one ${points.length}`);
  const ring: Point2[] = [];
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new FootprintError(`corner ${i} is not an [easting, northing] pair of numbers`, i);
    }
    const last = ring[ring.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    ring.push([p[0], p[1]]);
  });
  if (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  if (ring.length < 3) throw new FootprintError(`a footprint needs at least 3 distinct corners, this one has ${ring.length}`);
  const crossing = findSelfIntersection(ring);
  if (crossing) throw new FootprintError(`the footprint intersects itself: edge ${crossing[0]}–${crossing[0] + 1} crosses edge ${crossing[1]}–${(crossing[1] + 1) % ring.length}`, crossing[0]);
  const a = signedArea2(ring);
  if (Math.abs(a) < 1e-6) throw new FootprintError('the footprint has no area');
  return a < 0 ? ring.reverse() : ring;
}

/** The first pair of non-adjacent edges (i, j; edge k runs from point k to k+1) that touch or cross, or null. */
export function findSelfIntersection(ring: readonly Point2[]): [number, number] | null {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const c = ring[j];
      const d = ring[(j + 1) % n];
      if (adjacent) {
        // neighbours share a point; they only collide when they fold back onto each other
        if (foldsBack(a, b, c, d, j === i + 1)) return [i, j];
        continue;
      }
      if (segmentsTouch(a, b, c, d)) return [i, j];
    }
  }
  return null;
}

function orient(a: Point2, b: Point2, c: Point2): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: Point2, b: Point2, p: Point2): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function segmentsTouch(a: Point2, b: Point2, c: Point2, d: Point2): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** Two consecutive edges that run back along each other (a spike of zero width). */
function foldsBack(a: Point2, b: Point2, c: Point2, d: Point2, forward: boolean): boolean {
  // forward: b === c, the shared point is b; otherwise edge j ends where edge i starts (d === a)
  const [p, q, r] = forward ? [a, b, d] : [c, a, b];
  if (orient(p, q, r) !== 0) return false;
  return (q[0] - p[0]) * (r[0] - q[0]) + (q[1] - p[1]) * (r[1] - q[1]) < 0;
}

/** Whether every interior angle is at most 180° (the ring is counter-clockwise). */
export function isConvex(ring: readonly Point2[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) if (orient(ring[i], ring[(i + 1) % n], ring[(i + 2) % n]) < -1e-9) return false;
  return true;
}

/**
 * Sutherland–Hodgman clip of a ring to f(x, y) ≤ 0 for a linear f (so crossings interpolate exactly).
 * A concave ring may come back with zero-width bridges, which triangulation ignores.
 */
export function clipRing(ring: readonly Point2[], f: (x: number, y: number) => number): Point2[] {
  const out: Point2[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const fp = f(p[0], p[1]);
    const fq = f(q[0], q[1]);
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out.length >= 3 && Math.abs(signedArea2(out)) > 1e-9 ? out : [];
}
