/** Small planar helpers on interleaved x,y rings (lon/lat at plan scale is planar enough). */

/** Area-weighted centroid of a ring; the vertex mean for degenerate rings. */
export function ringCentroid(ring: Float64Array, dim: number): [number, number] {
  const n = ring.length / dim;
  const x0 = ring[0], y0 = ring[1];
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < n - 1; i++) {
    const ax = ring[i * dim] - x0, ay = ring[i * dim + 1] - y0;
    const bx = ring[(i + 1) * dim] - x0, by = ring[(i + 1) * dim + 1] - y0;
    const cross = ax * by - bx * ay;
    a += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (Math.abs(a) < 1e-18) {
    let sx = 0, sy = 0;
    for (let i = 0; i < n; i++) {
      sx += ring[i * dim];
      sy += ring[i * dim + 1];
    }
    return [sx / n, sy / n];
  }
  return [x0 + cx / (3 * a), y0 + cy / (3 * a)];
}

/** Even-odd point in ring test. */
export function pointInRing(x: number, y: number, ring: Float64Array, dim: number): boolean {
  let inside = false;
  const n = ring.length / dim;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i * dim], yi = ring[i * dim + 1];
    const xj = ring[j * dim], yj = ring[j * dim + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point in a polygon given as rings (exterior first, then holes). */
export function pointInPolygon(x: number, y: number, rings: Float64Array[], dim: number): boolean {
  if (!rings.length || !pointInRing(x, y, rings[0], dim)) return false;
  for (let k = 1; k < rings.length; k++) if (pointInRing(x, y, rings[k], dim)) return false;
  return true;
}
