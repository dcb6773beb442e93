import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triangulatePolygon } from '../../../workers/lib/mesh/triangulate-polygon';

type V3 = [number, number, number];

/** A star-shaped (hence simple) ring around (0,0): n sectors, one vertex per sector at a jittered angle. */
const starRing = (minN: number, scale: number) =>
  fc
    .integer({ min: minN, max: 24 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: 0, max: 0.8, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    )
    .map(([jitter, radii]) =>
      jitter.map((j, i) => {
        const a = ((i + j) / jitter.length) * 2 * Math.PI;
        return [radii[i] * scale * Math.cos(a), radii[i] * scale * Math.sin(a)] as [number, number];
      }),
    );

const unitVector = fc
  .tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }))
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1)
  .map(([x, y, z]) => {
    const l = Math.hypot(x, y, z);
    return [x / l, y / l, z / l] as V3;
  });

/** A frame (origin, u, v, n = u × v) somewhere in UTM-sized coordinates. */
const plane = fc
  .tuple(unitVector, fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 5e6, max: 6e6, noNaN: true }), fc.double({ min: -100, max: 3000, noNaN: true }))
  .map(([n, spin, ox, oy, oz]) => {
    const a: V3 = Math.abs(n[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
    let u = cross(a, n);
    u = scale(u, 1 / Math.hypot(...u));
    const w = cross(n, u);
    u = add(scale(u, Math.cos(spin)), scale(w, Math.sin(spin)));
    const v = cross(n, u);
    return { origin: [ox, oy, oz] as V3, u, v, n };
  });

function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function scale(a: V3, s: number): V3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}
function add(a: V3, b: V3): V3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}
function shoelace(r: [number, number][]): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const [x0, y0] = r[i];
    const [x1, y1] = r[(i + 1) % r.length];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}
function embed(r: [number, number][], p: { origin: V3; u: V3; v: V3 }, close = true): Float64Array {
  const pts = r.map(([x, y]) => add(p.origin, add(scale(p.u, x), scale(p.v, y))));
  if (close) pts.push(pts[0]);
  return Float64Array.from(pts.flat());
}
function triangleAreaSum(positions: ArrayLike<number>, indices: number[]): number {
  let sum = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t], indices[t + 1], indices[t + 2]].map((i) => [positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]] as V3);
    const n = cross([b[0] - a[0], b[1] - a[1], b[2] - a[2]], [c[0] - a[0], c[1] - a[1], c[2] - a[2]]);
    sum += Math.hypot(...n) / 2;
  }
  return sum;
}

describe('triangulatePolygon', () => {
  it('triangulates a unit square facing up, counter-clockwise', () => {
    const r = triangulatePolygon([Float64Array.of(0, 0, 5, 1, 0, 5, 1, 1, 5, 0, 1, 5, 0, 0, 5)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.polygon.indices).toHaveLength(6);
    expect(r.polygon.normal[2]).toBeCloseTo(1, 12);
    expect(r.polygon.area).toBeCloseTo(1, 12);
  });

  it('flips the normal when the ring runs the other way (GML: counter-clockwise seen from outside)', () => {
    const r = triangulatePolygon([Float64Array.of(0, 0, 5, 0, 1, 5, 1, 1, 5, 1, 0, 5, 0, 0, 5)]);
    expect(r.ok && r.polygon.normal[2]).toBeCloseTo(-1, 12);
  });

  it('keeps holes open: a 10×10 square with a 2×2 hole has area 96', () => {
    const outer = Float64Array.of(0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0, 0, 0, 0);
    const hole = Float64Array.of(4, 4, 0, 4, 6, 0, 6, 6, 0, 6, 4, 0, 4, 4, 0);
    const r = triangulatePolygon([outer, hole]);
    expect(r.ok && r.polygon.area).toBeCloseTo(96, 9);
    expect(r.ok && triangleAreaSum(r.polygon.positions, r.polygon.indices)).toBeCloseTo(96, 9);
  });

  it.each([
    ['non-finite', [Float64Array.of(0, 0, 0, 1, 0, NaN, 1, 1, 0, 0, 0, 0)]],
    ['too-few-points', [Float64Array.of(0, 0, 0, 1, 0, 0, 0, 0, 0)]],
    ['too-few-points', [Float64Array.of(0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0)]],
    ['degenerate', [Float64Array.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0)]],
    ['too-few-points', [new Float64Array(0)]],
    ['self-intersecting', [Float64Array.of(0, 0, 0, 4, 4, 0, 4, 0, 0, 0, 3, 0, 0, 0, 0)]],
  ] as const)('refuses %s polygons without throwing', (issue, rings) => {
    const r = triangulatePolygon(rings as unknown as Float64Array[]);
    expect(r).toEqual({ ok: false, issue });
  });

  it('property: triangle areas sum to the polygon area (with holes, on any plane), no NaN, triangles face the normal', () => {
    fc.assert(
      fc.property(starRing(6, 20), fc.option(starRing(3, 4)), plane, fc.boolean(), (outer, hole, p, reverseHole) => {
        const rings = [embed(outer, p)];
        let expected = shoelace(outer);
        if (hole) {
          // Radii ≥ 10 and angle gaps < 120° keep the disc of radius 10·cos(60°) = 5 inside the outer ring; the hole reaches 2.4.
          const small = hole.map(([x, y]) => [x * 0.6, y * 0.6] as [number, number]);
          rings.push(embed(reverseHole ? small.reverse() : small, p));
          expected -= Math.abs(shoelace(small));
        }
        const r = triangulatePolygon(rings);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { positions, indices, normal, area } = r.polygon;
        expect(positions.every(Number.isFinite)).toBe(true);
        expect(Math.abs(area - expected) / expected).toBeLessThan(1e-6);
        expect(Math.abs(triangleAreaSum(positions, indices) - expected) / expected).toBeLessThan(1e-6);
        // The outer ring is counter-clockwise in (u, v), so the normal is u × v = n.
        expect(normal[0] * p.n[0] + normal[1] * p.n[1] + normal[2] * p.n[2]).toBeGreaterThan(0.999999);
        for (let t = 0; t < indices.length; t += 3) {
          const [a, b, c] = [indices[t], indices[t + 1], indices[t + 2]].map((i) => [positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]] as V3);
          const tn = cross([b[0] - a[0], b[1] - a[1], b[2] - a[2]], [c[0] - a[0], c[1] - a[1], c[2] - a[2]]);
          expect(tn[0] * normal[0] + tn[1] * normal[1] + tn[2] * normal[2]).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: mutated polygons never throw and never return NaN', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('nan' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
      fc.record({ kind: fc.constant('flatten' as const) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('huge' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('spike' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(starRing(3, 10), plane, fc.array(mutation, { minLength: 1, maxLength: 4 }), (outer, p, mutations) => {
        let coords = Array.from(embed(outer, p, false));
        for (const m of mutations) {
          const n = coords.length / 3;
          if (n === 0) break;
          const i = (('at' in m ? m.at : 0) % n) * 3;
          if (m.kind === 'nan') coords[i + (i % 3)] = NaN;
          else if (m.kind === 'duplicate') coords.splice(i, 0, coords[i], coords[i + 1], coords[i + 2]);
          else if (m.kind === 'swap') {
            const j = (m.with % n) * 3;
            for (let k = 0; k < 3; k++) [coords[i + k], coords[j + k]] = [coords[j + k], coords[i + k]];
          } else if (m.kind === 'flatten') coords = coords.map((v, k) => (k % 3 === 0 ? 0 : v));
          else if (m.kind === 'truncate') coords = coords.slice(0, i + 2);
          else if (m.kind === 'huge') coords[i] = 1e300;
          else if (m.kind === 'spike') coords[i + 2] += 1e4;
        }
        const r = triangulatePolygon([Float64Array.from(coords)]);
        if (r.ok) {
          expect(r.polygon.positions.every(Number.isFinite)).toBe(true);
          expect(r.polygon.normal.every(Number.isFinite)).toBe(true);
          expect(Number.isFinite(r.polygon.area)).toBe(true);
          const count = r.polygon.positions.length / 3;
          expect(r.polygon.indices.every((i) => i >= 0 && i < count)).toBe(true);
        } else {
          expect(['non-finite', 'too-few-points', 'degenerate', 'self-intersecting']).toContain(r.issue);
        }
      }),
      { numRuns: 500 },
    );
  });
});
