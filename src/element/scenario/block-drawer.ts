/**
 * Drawing a block's footprint on the ground: a click (a press and release without dragging, so the
 * camera still pans and turns) adds a corner at the surface under the pointer, snapped to the nearest
 * plan vertex or plan line within SNAP_M; clicking the first corner again or Enter closes the ring,
 * Escape cancels. The ring so far shows as a ground-line overlay.
 */
import { fromWgs84, toWgs84 } from '../../core/geo/index.js';
import type { Engine } from '../../engines/engine.js';
import type { Point2 } from '../../core/scenario/index.js';

export const SNAP_M = 1.5;
const CLICK_PX = 5;

/** Snap targets: lines (x,y interleaved, EPSG:25832), e.g. plan zone rings, Baugrenzen, existing footprints. */
export function snapPoint(p: Point2, lines: readonly Float64Array[], radius = SNAP_M): Point2 {
  let best: Point2 = p;
  let bestVertex = radius;
  let bestEdge = radius;
  let edgePoint: Point2 | null = null;
  for (const c of lines) {
    for (let i = 0; i + 1 < c.length; i += 2) {
      const d = Math.hypot(c[i] - p[0], c[i + 1] - p[1]);
      if (d <= bestVertex) {
        bestVertex = d;
        best = [c[i], c[i + 1]];
      }
      if (i + 3 < c.length) {
        const ax = c[i], ay = c[i + 1], bx = c[i + 2], by = c[i + 3];
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
        if (len2 === 0) continue;
        const t = Math.max(0, Math.min(1, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / len2));
        const q: Point2 = [ax + t * (bx - ax), ay + t * (by - ay)];
        const e = Math.hypot(q[0] - p[0], q[1] - p[1]);
        if (e < bestEdge) {
          bestEdge = e;
          edgePoint = q;
        }
      }
    }
  }
  // a vertex wins over an edge: corners of the plan are what a planner aims at
  if (bestVertex < radius) return best;
  return edgePoint ?? p;
}

export class BlockDrawer {
  readonly corners: Point2[] = [];
  private down: { x: number; y: number } | null = null;
  private readonly toPlane = fromWgs84(25832);
  private readonly toLonLat = toWgs84(25832);

  constructor(
    private readonly target: HTMLElement,
    private readonly engine: Engine,
    private readonly snapLines: () => readonly Float64Array[],
    private readonly done: (footprint: Point2[] | null) => void,
  ) {
    target.addEventListener('pointerdown', this.onDown);
    target.addEventListener('pointerup', this.onUp);
    window.addEventListener('keydown', this.onKey);
  }

  /** Adds a corner at a client point (what a click does). Resolves false when no surface is there. */
  async addAt(clientX: number, clientY: number): Promise<boolean> {
    const geo = await this.engine.pickPosition(clientX, clientY);
    if (!geo) return false;
    const p = snapPoint(this.toPlane(geo.lon, geo.lat) as Point2, this.snapLines());
    const first = this.corners[0];
    if (first && this.corners.length >= 3 && Math.hypot(first[0] - p[0], first[1] - p[1]) <= SNAP_M) {
      this.finish();
      return true;
    }
    this.corners.push(p);
    this.preview();
    // the page can follow the drawing (instructions, a counter, assistive text)
    this.target.dispatchEvent(new CustomEvent('twinby-scenario-corner', { detail: { corners: this.corners.length }, bubbles: true, composed: true }));
    return true;
  }

  finish(): void {
    const ring = this.corners.length >= 3 ? [...this.corners] : null;
    this.stop();
    this.done(ring);
  }

  stop(): void {
    this.target.removeEventListener('pointerdown', this.onDown);
    this.target.removeEventListener('pointerup', this.onUp);
    window.removeEventListener('keydown', this.onKey);
    this.engine.removeOverlay('twinby-scenario-drawing');
  }

  private preview(): void {
    const coords = new Float64Array((this.corners.length + (this.corners.length >= 3 ? 1 : 0)) * 2);
    [...this.corners, ...(this.corners.length >= 3 ? [this.corners[0]] : [])].forEach((p, i) => {
      const ll = this.toLonLat(p[0], p[1]);
      coords[i * 2] = ll[0];
      coords[i * 2 + 1] = ll[1];
    });
    this.engine.addOverlay({
      id: 'twinby-scenario-drawing',
      features: [{ kind: 'ground-line', id: 'drawing', coords, style: { stroke: '#ff8c1a', strokeWidth: 3 }, properties: {} }],
    });
  }

  private onDown = (e: PointerEvent): void => {
    this.down = { x: e.clientX, y: e.clientY };
  };

  private onUp = (e: PointerEvent): void => {
    const d = this.down;
    this.down = null;
    if (!d || Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_PX || e.button !== 0) return;
    void this.addAt(e.clientX, e.clientY);
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') this.finish();
    else if (e.key === 'Escape') {
      this.corners.length = 0;
      this.finish();
    }
  };
}
