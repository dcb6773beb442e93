import type { Scene } from '@cesium/engine';
import type { RenderStats } from '../engine.js';

type DrawFn = (...args: number[]) => void;

/**
 * Counts draw calls and triangles on a WebGL context by wrapping its draw functions (Cesium keeps no
 * such counters). Reset before a frame, read after it.
 */
export class DrawCounter {
  calls = 0;
  triangles = 0;

  constructor(gl: WebGL2RenderingContext) {
    const count = (mode: number, vertices: number, instances = 1) => {
      this.calls++;
      if (mode === gl.TRIANGLES) this.triangles += Math.floor(vertices / 3) * instances;
      else if (mode === gl.TRIANGLE_STRIP || mode === gl.TRIANGLE_FAN) this.triangles += Math.max(0, vertices - 2) * instances;
    };
    const wrap = (name: 'drawElements' | 'drawArrays' | 'drawElementsInstanced' | 'drawArraysInstanced', args: (a: number[]) => [number, number, number?]) => {
      const original = (gl[name] as unknown as DrawFn).bind(gl);
      (gl as unknown as Record<string, DrawFn>)[name] = (...a: number[]) => {
        const [mode, vertices, instances] = args(a);
        count(mode, vertices, instances);
        original(...a);
      };
    };
    wrap('drawElements', (a) => [a[0], a[1]]);
    wrap('drawArrays', (a) => [a[0], a[2]]);
    wrap('drawElementsInstanced', (a) => [a[0], a[1], a[4]]);
    wrap('drawArraysInstanced', (a) => [a[0], a[2], a[3]]);
  }

  reset(): void {
    this.calls = 0;
    this.triangles = 0;
  }
}

/**
 * Renders a Cesium scene on demand with our own requestAnimationFrame (Cesium's default loop asks for a frame
 * every display refresh even in requestRenderMode): one frame per request, and more only while `busy()`
 * (tiles or globe loading, a flight, camera inertia) or while Cesium itself asked for one.
 */
export class RenderLoop {
  stats: RenderStats = { frame: 0, drawCalls: 0, triangles: 0 };
  private raf = 0;
  private stopped = false;

  constructor(
    private readonly scene: Scene,
    private readonly counter: DrawCounter,
    private readonly busy: () => boolean,
    private readonly drawn: (stats: RenderStats, ms: number) => void,
  ) {}

  request(): void {
    this.scene.requestRender();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private schedule(): void {
    if (this.raf || this.stopped) return;
    this.raf = requestAnimationFrame((now) => this.tick(now));
  }

  private tick(now: number): void {
    this.raf = 0;
    if (this.stopped) return;
    let rendered = false;
    const off = this.scene.postRender.addEventListener(() => (rendered = true));
    this.counter.reset();
    try {
      this.scene.render();
    } finally {
      off();
    }
    if (rendered) {
      this.stats = { frame: this.stats.frame + 1, drawCalls: this.counter.calls, triangles: this.counter.triangles };
      this.drawn(this.stats, performance.now() - now);
    }
    const wants = (this.scene as unknown as { _renderRequested: boolean })._renderRequested;
    if (this.busy() || wants) this.schedule();
  }
}
