/**
 * Triangulates an overlay's polygons in the worker, so that engines get render-ready data. earcut runs
 * on lon/lat with longitude scaled by cos(latitude): locally an affine map of the engines' metric frames,
 * so the same triangles stay valid there.
 */
import earcut from 'earcut';
import type { OverlayData } from '../../../src/core/overlay/overlay-data';

/** Ring vertices as the engines use them: a closing point that repeats the first is left out. */
function openLength(ring: Float64Array): number {
  let n = ring.length / 2;
  if (n > 1 && ring[0] === ring[2 * n - 2] && ring[1] === ring[2 * n - 1]) n--;
  return n;
}

export function triangulatePolygon(rings: Float64Array[]): Uint32Array {
  const lat0 = rings[0]?.length ? rings[0][1] : 0;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const flat: number[] = [];
  const holes: number[] = [];
  rings.forEach((ring, r) => {
    if (r > 0) holes.push(flat.length / 2);
    const n = openLength(ring);
    for (let i = 0; i < n; i++) flat.push(ring[2 * i] * k, ring[2 * i + 1]);
  });
  return Uint32Array.from(earcut(flat, holes, 2));
}

/** Adds `triangles` to every polygon of the overlay (in place) and returns it. */
export function withTriangles(overlay: OverlayData): OverlayData {
  for (const f of overlay.features) if (f.kind !== 'ground-line') f.triangles = triangulatePolygon(f.rings);
  return overlay;
}
