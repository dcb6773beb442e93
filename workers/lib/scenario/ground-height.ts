/**
 * Ground height (NHN) under a planned building when the scenario says "ground": there is no terrain
 * model, so it is read from the bases of the existing buildings nearby (inverse-distance weighted over
 * the nearest few within 300 m), as the viewer's ground is made of building bases too.
 */
import type { FootprintSet } from '../footprints/footprint-set';

const NEAREST = 6;
const RADIUS = 300;

/** Centre (vertex mean of the first ring) of every footprint, x,y interleaved; NaN for none. */
export function footprintCentres(set: FootprintSet): Float64Array {
  const n = set.ids.length;
  const out = new Float64Array(n * 2).fill(NaN);
  for (let i = 0; i < n; i++) {
    const p = set.polygonOffsets[i];
    if (p === set.polygonOffsets[i + 1]) continue;
    const r = set.ringOffsets[p];
    const v0 = set.vertexOffsets[r];
    const v1 = set.vertexOffsets[r + 1];
    let x = 0;
    let y = 0;
    for (let v = v0; v < v1; v++) {
      x += set.coords[v * 2];
      y += set.coords[v * 2 + 1];
    }
    out[i * 2] = x / (v1 - v0);
    out[i * 2 + 1] = y / (v1 - v0);
  }
  return out;
}

/** NaN when no building with a known ground lies within 300 m. */
export function groundHeightAt(set: FootprintSet, centres: Float64Array, x: number, y: number): number {
  const best: { d: number; h: number }[] = [];
  for (let i = 0; i < set.ids.length; i++) {
    const h = set.groundHeights[i];
    if (!Number.isFinite(h)) continue;
    const d = Math.hypot(centres[i * 2] - x, centres[i * 2 + 1] - y);
    if (!(d <= RADIUS)) continue;
    if (best.length === NEAREST && d >= best[NEAREST - 1].d) continue;
    best.push({ d, h });
    best.sort((a, b) => a.d - b.d);
    if (best.length > NEAREST) best.pop();
  }
  if (best.length === 0) return NaN;
  if (best[0].d < 0.01) return best[0].h;
  let w = 0;
  let s = 0;
  for (const b of best) {
    const k = 1 / (b.d * b.d);
    w += k;
    s += k * b.h;
  }
  return s / w;
}
