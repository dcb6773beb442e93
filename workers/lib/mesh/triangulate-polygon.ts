/**
 * Triangulates one planar polygon (with holes) in 3D: Newell normal → best-fit
 * plane → 2D → earcut. Bad polygons are refused with a reason, never thrown.
 */
import earcut, { deviation } from 'earcut';

export type PolygonIssue = 'non-finite' | 'too-few-points' | 'degenerate' | 'self-intersecting' | 'too-many-vertices';

/**
 * Most vertices one polygon may have. earcut is n log n on simple polygons but quadratic on
 * self-intersecting ones (20,000 vertices: 20 s, 100,000: 8 min, only to be refused); real building
 * surfaces stay far below this, so a larger one is refused at once, with the building's place.
 */
export const MAX_POLYGON_VERTICES = 5_000;

export interface TriangulatedPolygon {
  /** Distinct ring vertices (closing points removed), x,y,z relative to `origin`. */
  positions: readonly number[];
  /** Triangles as vertex index triples, wound counter-clockwise seen from the normal's side. */
  indices: number[];
  /** Unit normal: the side from which the exterior ring runs counter-clockwise. */
  normal: [number, number, number];
  /** Area in square units of the input. */
  area: number;
}

export type TriangulationResult = { ok: true; polygon: TriangulatedPolygon } | { ok: false; issue: PolygonIssue };

export interface TriangulateOptions {
  /** Subtracted from every coordinate (keeps Newell sums precise for UTM-sized numbers). Default: the first vertex. */
  origin?: ArrayLike<number>;
  /** Areas below this are degenerate. Default 1e-6 (1 mm² in metres). */
  minArea?: number;
  /** earcut's relative area deviation above which the polygon counts as self-intersecting. Default 1e-3. */
  maxDeviation?: number;
}

let flatScratch = new Float64Array(1024);

/** rings[0] is the exterior, the rest holes; each ring is x,y,z triples, closed or not. */
export function triangulatePolygon(rings: ArrayLike<number>[], options: TriangulateOptions = {}): TriangulationResult {
  const exterior = rings[0];
  if (!exterior || exterior.length < 9) return { ok: false, issue: 'too-few-points' };
  let total = 0;
  for (const ring of rings) total += ring.length / 3;
  if (total > MAX_POLYGON_VERTICES + rings.length) return { ok: false, issue: 'too-many-vertices' };
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) if (!Number.isFinite(ring[i])) return { ok: false, issue: 'non-finite' };
  }
  const ox = options.origin ? options.origin[0] : exterior[0];
  const oy = options.origin ? options.origin[1] : exterior[1];
  const oz = options.origin ? options.origin[2] : exterior[2];

  // Distinct vertices of every ring, relative to the origin; holes with < 3 points are dropped.
  const coords: number[] = [];
  const holeStarts: number[] = [];
  for (let r = 0; r < rings.length; r++) {
    const start = coords.length;
    appendRing(rings[r], ox, oy, oz, coords);
    if ((coords.length - start) / 3 < 3) {
      if (r === 0) return { ok: false, issue: 'too-few-points' };
      coords.length = start;
    } else if (r > 0) holeStarts.push(start / 3);
  }

  // Newell's normal of the exterior: robust for non-convex and slightly non-planar rings.
  const exteriorCount = holeStarts.length ? holeStarts[0] : coords.length / 3;
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let i = 0; i < exteriorCount; i++) {
    const j = (i + 1) % exteriorCount;
    const x0 = coords[i * 3], y0 = coords[i * 3 + 1], z0 = coords[i * 3 + 2];
    const x1 = coords[j * 3], y1 = coords[j * 3 + 1], z1 = coords[j * 3 + 2];
    nx += (y0 - y1) * (z0 + z1);
    ny += (z0 - z1) * (x0 + x1);
    nz += (x0 - x1) * (y0 + y1);
  }
  const length = Math.hypot(nx, ny, nz);
  const minArea = options.minArea ?? 1e-6;
  if (!Number.isFinite(length)) return { ok: false, issue: 'non-finite' }; // coordinates so large their products overflow
  if (!(length / 2 > minArea)) return { ok: false, issue: 'degenerate' };
  nx /= length;
  ny /= length;
  nz /= length;

  // Orthonormal basis (u, v) of the plane with u × v = n, so the exterior runs counter-clockwise in 2D.
  let ux: number, uy: number, uz: number;
  if (Math.abs(nz) < 0.9) {
    // u = z × n
    ux = -ny; uy = nx; uz = 0;
  } else {
    // u = x × n
    ux = 0; uy = -nz; uz = ny;
  }
  const ul = Math.hypot(ux, uy, uz);
  ux /= ul; uy /= ul; uz /= ul;
  const vx = ny * uz - nz * uy;
  const vy = nz * ux - nx * uz;
  const vz = nx * uy - ny * ux;

  const count = coords.length / 3;
  // earcut's input lives only in this call: one scratch buffer serves every polygon (a typed array over 64 bytes
  // is a malloc'd store that every scavenge then sweeps: ~20 per building)
  if (flatScratch.length < count * 2) flatScratch = new Float64Array(Math.max(count * 2, 2 * flatScratch.length));
  const flat = flatScratch.subarray(0, count * 2);
  for (let i = 0; i < count; i++) {
    const x = coords[i * 3], y = coords[i * 3 + 1], z = coords[i * 3 + 2];
    flat[i * 2] = x * ux + y * uy + z * uz;
    flat[i * 2 + 1] = x * vx + y * vy + z * vz;
  }
  const holes = holeStarts.length ? holeStarts : null;
  const indices = earcut(flat, holes, 2);
  if (indices.length === 0) return { ok: false, issue: 'degenerate' };
  const dev = deviation(flat, holes, 2, indices);
  if (!(dev <= (options.maxDeviation ?? 1e-3))) return { ok: false, issue: 'self-intersecting' };

  // earcut's winding is not specified: make every triangle counter-clockwise in (u, v), i.e. facing n.
  let area = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t], b = indices[t + 1], c = indices[t + 2];
    const cross = (flat[b * 2] - flat[a * 2]) * (flat[c * 2 + 1] - flat[a * 2 + 1]) - (flat[b * 2 + 1] - flat[a * 2 + 1]) * (flat[c * 2] - flat[a * 2]);
    if (cross < 0) {
      indices[t + 1] = c;
      indices[t + 2] = b;
    }
    area += Math.abs(cross) / 2;
  }
  if (!(area > minArea)) return { ok: false, issue: 'degenerate' };
  return { ok: true, polygon: { positions: coords, indices, normal: [nx, ny, nz], area } };
}

/** Appends a ring's vertices minus the closing point and exact consecutive duplicates. */
function appendRing(ring: ArrayLike<number>, ox: number, oy: number, oz: number, out: number[]): void {
  let n = Math.floor(ring.length / 3);
  while (n > 1 && ring[0] === ring[(n - 1) * 3] && ring[1] === ring[(n - 1) * 3 + 1] && ring[2] === ring[(n - 1) * 3 + 2]) n--;
  const start = out.length;
  for (let i = 0; i < n; i++) {
    const x = ring[i * 3] - ox, y = ring[i * 3 + 1] - oy, z = ring[i * 3 + 2] - oz;
    const last = out.length - 3;
    if (last >= start && out[last] === x && out[last + 1] === y && out[last + 2] === z) continue;
    out.push(x, y, z);
  }
}
