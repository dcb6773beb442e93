/**
 * Main-thread side of the scenario session in the data worker (workers/data.worker.ts): planned blocks → in-memory tileset + plan compliance,
 * GLB placement. An AbortSignal rejects a call at once; a worker that fails to load, crashes or stops
 * answering rejects its calls with a WorkerFailure and is replaced on the next call; dispose() ends it.
 */
import { transfer } from 'comlink';
import type { WorkerHostOptions, WorkerSource } from './worker-host';
import { createDataWorker, DataSession } from './data-worker-pool';
import type { BuildVariantParams, BuildVariantResult, ModelTilesetParams, ScenarioLoadBaseParams, ScenarioLoadBaseResult, ScenarioWorkerApi } from '../../workers/scenario-protocol';
export type { VariantReport } from '../../workers/scenario-protocol.js';

export class ScenarioClient {
  private readonly host: DataSession<ScenarioWorkerApi>;

  /** By default a session in the page's shared data worker, reopened on a new worker after a crash or a call that never answers. */
  constructor(worker: WorkerSource = createDataWorker, options: WorkerHostOptions = {}) {
    this.host = new DataSession<ScenarioWorkerApi>('ScenarioClient', (root) => root.scenario(), worker, options);
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

/** Scenarios live in the page's data worker. */
export const createScenarioWorker = createDataWorker;
