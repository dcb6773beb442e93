import { Cartographic, sampleTerrainMostDetailed, type TerrainProvider } from '@cesium/engine';

/** What an overlay layer needs of the ground: volumes "on the ground" stand at the lowest ground under their outline. */
export interface OverlayGround {
  /** Lowest ellipsoidal ground height under a polygon's outer ring (lon,lat pairs). */
  lowestUnder(rings: Float64Array[]): number;
  /** Called whenever that may have changed (a terrain on or off, heights arrived); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Points sampled per outline at most: the vertices, then points along the edges up to this many. */
const MAX_POINTS = 128;

/**
 * A ring's vertices plus points along its edges (evenly by length, bounded): the lowest point of a sloped outline often
 * lies between two corners. The interior is not sampled: a hollow inside a plan area is rare, and its walls would then
 * still reach down to the outline's lowest point.
 */
export function outlinePoints(ring: Float64Array, max = MAX_POINTS): number[] {
  const n = ring.length / 2;
  const out = Array.from(ring.subarray(0, 2 * Math.min(n, max)));
  if (n < 2 || n >= max) return out;
  const lengths: number[] = [];
  let total = 0;
  const cos = Math.cos((ring[1] * Math.PI) / 180);
  for (let i = 0; i + 1 < n; i++) {
    const d = Math.hypot((ring[2 * i + 2] - ring[2 * i]) * cos, ring[2 * i + 3] - ring[2 * i + 1]);
    lengths.push(d);
    total += d;
  }
  const budget = max - n;
  for (let i = 0; i + 1 < n && total > 0; i++) {
    const pieces = Math.floor((lengths[i] / total) * budget);
    for (let k = 1; k <= pieces; k++) {
      const t = k / (pieces + 1);
      out.push(ring[2 * i] + (ring[2 * i + 2] - ring[2 * i]) * t, ring[2 * i + 1] + (ring[2 * i + 3] - ring[2 * i + 1]) * t);
    }
  }
  return out;
}

/**
 * Lowest heights of a streamed terrain under outlines, at its most detailed level (Cesium fetches the tiles it needs):
 * asynchronous, so the first answer is null and `ready` is called once the heights are known; kept per ring.
 */
export class StreamedLowest {
  private readonly known = new WeakMap<Float64Array, number | null>();

  constructor(
    private readonly provider: TerrainProvider,
    private readonly ready: () => void,
  ) {}

  lowestUnder(ring: Float64Array): number | null {
    if (this.known.has(ring)) return this.known.get(ring) ?? null;
    this.known.set(ring, null);
    const points = outlinePoints(ring);
    const cartographics: Cartographic[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) cartographics.push(Cartographic.fromDegrees(points[i], points[i + 1]));
    sampleTerrainMostDetailed(this.provider, cartographics).then(
      (sampled) => {
        const heights = sampled.map((c) => c.height).filter(Number.isFinite);
        if (!heights.length) return;
        this.known.set(ring, Math.min(...heights));
        this.ready();
      },
      // tiles that fail are reported by the provider; the volume stays on the flat ground
      () => {},
    );
    return null;
  }
}
