/**
 * Main-thread side of workers/scenario.worker.ts: planned blocks → in-memory tileset + plan compliance,
 * GLB placement. An AbortSignal rejects a call at once; a worker that fails to load, crashes or stops
 * answering rejects its calls with a WorkerFailure and is replaced on the next call; dispose() ends it.
 */
import { transfer } from 'comlink';
import { WorkerHost, type WorkerHostOptions, type WorkerSource } from './worker-host';
import type { BuildVariantParams, BuildVariantResult, ModelTilesetParams, ScenarioLoadBaseParams, ScenarioLoadBaseResult, ScenarioWorkerApi } from '../../workers/scenario-protocol';
export type { VariantReport } from '../../workers/scenario-protocol.js';

export class ScenarioClient {
  private readonly host: WorkerHost<ScenarioWorkerApi>;

  /** By default starts its own module worker, and a new one after a crash or a call that never answers. */
  constructor(worker: WorkerSource = createScenarioWorker, options: WorkerHostOptions = {}) {
    this.host = new WorkerHost<ScenarioWorkerApi>('ScenarioClient', worker, options);
  }

  /** The footprints buffer is transferred. */
  loadBase(params: ScenarioLoadBaseParams, signal?: AbortSignal): Promise<ScenarioLoadBaseResult> {
    const message = params.footprints ? transfer(params, [params.footprints]) : params;
    return this.host.run((api) => api.loadBase(message), signal);
  }

  buildVariant(params: BuildVariantParams, signal?: AbortSignal): Promise<BuildVariantResult> {
    return this.host.run((api) => api.buildVariant(params), signal);
  }

  outlines(params: { bbox: [number, number, number, number]; maxVertices?: number }, signal?: AbortSignal): Promise<Float64Array[]> {
    return this.host.run((api) => api.outlines(params), signal);
  }

  modelTileset(params: ModelTilesetParams, signal?: AbortSignal): Promise<Uint8Array> {
    return this.host.run((api) => api.modelTileset(params), signal);
  }

  dispose(): void {
    this.host.dispose();
  }
}

export function createScenarioWorker(): Worker {
  return new Worker(new URL('../../workers/scenario.worker.ts', import.meta.url), { type: 'module', name: 'twinby-scenario' });
}
