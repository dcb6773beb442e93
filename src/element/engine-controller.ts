import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Engine, EngineName, EngineOptions } from '../engines/engine.js';
import { engineLoaders } from './engine-loaders.js';

export interface EngineControllerHost extends ReactiveControllerHost, HTMLElement {
  /** Which engine to run (the `engine` attribute). */
  engineName(): EngineName;
  /** The element the engine draws into, once rendered. */
  stage(): HTMLElement | null;
  engineOptions(): EngineOptions;
  engineStarted(engine: Engine): void;
  engineStopped(engine: Engine): void;
  engineFailed(error: Error): void;
}

/**
 * The renderer's life as a reactive controller: created on hostConnected by dynamic import of the
 * chosen engine, disposed on hostDisconnected (which frees the WebGL context), and sized by a
 * ResizeObserver and the device pixel ratio. A connect/disconnect race never leaves an engine behind.
 */
export class EngineController implements ReactiveController {
  engine: Engine | null = null;
  private generation = 0;
  private resizeObserver: ResizeObserver | null = null;
  private dprQuery: MediaQueryList | null = null;
  private readonly onDprChange = () => {
    this.watchPixelRatio();
    this.resize();
  };

  constructor(private readonly host: EngineControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Stops the running engine and starts the one the host asks for now. */
  restart(): void {
    this.stop();
    void this.start();
  }

  private async start(): Promise<void> {
    const generation = ++this.generation;
    await this.host.updateComplete;
    const stage = this.host.stage();
    if (generation !== this.generation || !stage) return;
    let engine: Engine | null = null;
    try {
      const module = await engineLoaders[this.host.engineName()]();
      if (generation !== this.generation) return;
      engine = module.createEngine();
      await engine.mount(stage, this.host.engineOptions());
    } catch (error) {
      engine?.dispose();
      if (generation === this.generation) this.host.engineFailed(error as Error);
      return;
    }
    if (generation !== this.generation) {
      engine.dispose();
      return;
    }
    this.engine = engine;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(stage);
    this.watchPixelRatio();
    this.resize();
    this.host.engineStarted(engine);
  }

  private stop(): void {
    this.generation++;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.dprQuery?.removeEventListener('change', this.onDprChange);
    this.dprQuery = null;
    const engine = this.engine;
    this.engine = null;
    if (engine) {
      this.host.engineStopped(engine);
      engine.dispose();
    }
  }

  private resize(): void {
    const stage = this.host.stage();
    if (!this.engine || !stage) return;
    this.engine.resize(stage.clientWidth, stage.clientHeight, globalThis.devicePixelRatio || 1);
  }

  /** A media query that fires once when the pixel ratio leaves its current value (zoom, other monitor). */
  private watchPixelRatio(): void {
    this.dprQuery?.removeEventListener('change', this.onDprChange);
    this.dprQuery = globalThis.matchMedia?.(`(resolution: ${globalThis.devicePixelRatio || 1}dppx)`) ?? null;
    this.dprQuery?.addEventListener('change', this.onDprChange);
  }
}
