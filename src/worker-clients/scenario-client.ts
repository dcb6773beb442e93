/**
 * Main-thread side of workers/scenario.worker.ts: planned blocks → in-memory tileset + plan compliance,
 * GLB placement. An AbortSignal rejects a call at once; dispose() ends the worker.
 */
import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { PendingCalls } from './pending-calls';
import type { BuildVariantParams, BuildVariantResult, ModelTilesetParams, ScenarioLoadBaseParams, ScenarioLoadBaseResult, ScenarioWorkerApi } from '../../workers/scenario-protocol';

export class ScenarioClient {
  private readonly remote: Remote<ScenarioWorkerApi>;
  private readonly calls = new PendingCalls('ScenarioClient');

  constructor(private readonly worker: Worker = createScenarioWorker()) {
    this.remote = wrap<ScenarioWorkerApi>(worker);
  }

  /** The footprints buffer is transferred. */
  loadBase(params: ScenarioLoadBaseParams, signal?: AbortSignal): Promise<ScenarioLoadBaseResult> {
    const message = params.footprints ? transfer(params, [params.footprints]) : params;
    return this.calls.run(() => this.remote.loadBase(message), signal);
  }

  buildVariant(params: BuildVariantParams, signal?: AbortSignal): Promise<BuildVariantResult> {
    return this.calls.run(() => this.remote.buildVariant(params), signal);
  }

  outlines(params: { bbox: [number, number, number, number]; maxVertices?: number }, signal?: AbortSignal): Promise<Float64Array[]> {
    return this.calls.run(() => this.remote.outlines(params), signal);
  }

  modelTileset(params: ModelTilesetParams, signal?: AbortSignal): Promise<Uint8Array> {
    return this.calls.run(() => this.remote.modelTileset(params), signal);
  }

  dispose(): void {
    if (this.calls.disposed) return;
    this.calls.close();
    this.remote[releaseProxy]();
    this.worker.terminate();
  }
}

export function createScenarioWorker(): Worker {
  return new Worker(new URL('../../workers/scenario.worker.ts', import.meta.url), { type: 'module', name: 'twinby-scenario' });
}
