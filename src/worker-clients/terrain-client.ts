/**
 * Main-thread side of workers/terrain.worker.ts: a DGM is fetched and read in the worker, and its heights
 * arrive in the transfer list. Bytes given (a dropped file) are transferred to the worker.
 */
import { transfer } from 'comlink';
import { WorkerHost, type WorkerHostOptions, type WorkerSource } from './worker-host';
import type { DgmLoadParams, QuantizedMeshLoadParams, QuantizedMeshLoadResult, TerrainWorkerApi } from '../../workers/terrain-protocol';
import type { HeightGrid } from '../core/terrain/height-grid';

export class TerrainClient {
  private readonly host: WorkerHost<TerrainWorkerApi>;

  constructor(worker: WorkerSource = createTerrainWorker, options: WorkerHostOptions = {}) {
    this.host = new WorkerHost<TerrainWorkerApi>('TerrainClient', worker, options);
  }

  loadDgm(params: DgmLoadParams, signal?: AbortSignal): Promise<HeightGrid> {
    const sent = params.bytes ? transfer(params, [params.bytes]) : params;
    return this.host.run((api) => api.loadDgm(sent), signal);
  }

  /** A quantized-mesh terrain (layer.json URL) read into a height grid in the worker. */
  loadQuantizedMesh(params: QuantizedMeshLoadParams, signal?: AbortSignal): Promise<QuantizedMeshLoadResult> {
    return this.host.run((api) => api.loadQuantizedMesh(params), signal);
  }

  dispose(): void {
    this.host.dispose();
  }
}

export function createTerrainWorker(): Worker {
  return new Worker(new URL('../../workers/terrain.worker.ts', import.meta.url), { type: 'module', name: 'twinby-terrain' });
}
