/** Small builders and random generators shared by the spatial tests. */
import fc from 'fast-check';
import { shapeFromRings, type Shape } from '../../../../../workers/lib/spatial/geometry/shape';

export type Ring = [number, number][];
export type Poly = Ring[];

export const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

export const toShape = (polys: Poly[]): Shape => shapeFromRings(polys.map((p) => p.map((r) => Float64Array.from(r.flat()))));

/** Star-shaped around (cx, cy): concave in general, always simple. */
export function star(cx: number, cy: number, radii: number[], phase = 0): Ring {
  const n = radii.length;
  return radii.map((r, i) => {
    const a = phase + (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

export interface StarSpec {
  cx: number;
  cy: number;
  radii: number[];
  phase: number;
  /** Hole as a fraction of the smallest radius (0 = no hole). */
  hole: number;
}

export const starSpec = (extent: number, maxRadius: number): fc.Arbitrary<StarSpec> =>
  fc.record({
    cx: fc.double({ min: 0, max: extent, noNaN: true }),
    cy: fc.double({ min: 0, max: extent, noNaN: true }),
    radii: fc.array(fc.double({ min: maxRadius / 10, max: maxRadius, noNaN: true }), { minLength: 3, maxLength: 9 }),
    phase: fc.double({ min: 0, max: 6.28, noNaN: true }),
    hole: fc.oneof(fc.constant(0), fc.double({ min: 0.2, max: 0.8, noNaN: true })),
  });

/** The polygon of a spec, shifted by (ox, oy); the hole is a square-ish star inside the smallest radius. */
export function starPolygon(s: StarSpec, ox = 0, oy = 0): Poly {
  const outer = star(s.cx + ox, s.cy + oy, s.radii, s.phase);
  if (s.hole === 0) return [outer];
  // A circle of radius min(r)·cos(π/n) fits inside any star with these radii; the hole stays within it.
  const inner = Math.min(...s.radii) * Math.cos(Math.PI / s.radii.length) * s.hole;
  return [outer, star(s.cx + ox, s.cy + oy, [inner, inner, inner, inner, inner], s.phase + 0.3)];
}

/** Area of polyclip-ts output ([polygon][ring][point]). */
export function multiPolygonArea(mp: number[][][][]): number {
  let total = 0;
  for (const poly of mp) poly.forEach((ring, i) => (total += (i === 0 ? 1 : -1) * Math.abs(ringArea(ring))));
  return total;
}

export function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

/** Closed rings for polyclip-ts. */
export const closed = (p: Poly): [number, number][][] => p.map((r) => [...r, r[0]]);
