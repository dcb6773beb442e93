import { METRES_PER_DEGREE, headingDelta, type ViewState } from '../../core/index.js';

/** ease-in-out cubic */
export function ease(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/**
 * A camera animation: apply(k) poses the camera for progress k in [0, 1] (already eased).
 * finish() resolves the promise; a flight cut short by a newer one or by user input resolves too.
 */
export class Flight {
  private start = -1;
  private resolveFn!: () => void;
  readonly done: Promise<void>;
  finished = false;

  constructor(
    private readonly durationMs: number,
    private readonly apply: (k: number) => void,
  ) {
    this.done = new Promise((resolve) => (this.resolveFn = resolve));
  }

  /** Advances to time now; returns true while more frames are needed. */
  step(now: number): boolean {
    if (this.finished) return false;
    if (this.start < 0) this.start = now;
    const t = this.durationMs <= 0 ? 1 : Math.min(1, (now - this.start) / this.durationMs);
    this.apply(ease(t));
    if (t >= 1) this.finish();
    return !this.finished;
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.resolveFn();
  }
}

/**
 * A view between two views: position along the great-circle-ish straight line with a hop
 * in height for long flights, heading the short way round, pitch linear.
 */
export function interpolateView(a: ViewState, b: ViewState, k: number, target: ViewState): ViewState {
  const dx = (b.lon - a.lon) * METRES_PER_DEGREE * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const dy = (b.lat - a.lat) * METRES_PER_DEGREE;
  const distance = Math.hypot(dx, dy);
  const hop = distance > 300 ? Math.min(distance * 0.3, 5000) * Math.sin(Math.PI * k) : 0;
  target.lon = a.lon + (b.lon - a.lon) * k;
  target.lat = a.lat + (b.lat - a.lat) * k;
  target.height = a.height + (b.height - a.height) * k + hop;
  target.heading = (((a.heading + headingDelta(a.heading, b.heading) * k) % 360) + 360) % 360;
  target.pitch = a.pitch + (b.pitch - a.pitch) * k;
  return target;
}
