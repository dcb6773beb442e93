/**
 * Main-thread side of workers/citygml.worker.ts: converts a CityGML File, Blob or stream into an
 * in-memory 3D Tiles tileset off the main thread. An AbortSignal cancels; dispose() ends the worker.
 */
import { proxy, transfer } from 'comlink';
import { WorkerHost, type WorkerHostOptions, type WorkerSource } from './worker-host';
import type { CityGMLConvertParams, CityGMLConvertResult, CityGMLInput, CityGMLProgressCallback, CityGMLWorkerApi } from '../../workers/protocol';
export type { ConvertProgress, ConvertSummary } from '../../workers/protocol.js';

export interface CityGMLConvertOptions extends Omit<CityGMLConvertParams, 'input' | 'cancelId'> {
  /** Aborting rejects the call with the signal's reason and stops the work in the worker. */
  signal?: AbortSignal;
  /** Bytes read, buildings and tiles so far; called at most every 50 ms. */
  onProgress?: CityGMLProgressCallback;
}

export class CityGMLClient {
  private readonly host: WorkerHost<CityGMLWorkerApi>;
  private nextCancelId = 1;

  /**
   * By default starts its own module worker, and a new one after a crash; pass a worker (or a factory)
   * to use a bundler-specific URL. The watchdog counts from the last progress report.
   */
  constructor(worker: WorkerSource = createCityGMLWorker, options: WorkerHostOptions = {}) {
    this.host = new WorkerHost<CityGMLWorkerApi>('CityGMLClient', worker, options);
  }

  /**
   * Converts one CityGML document. Resolves with the tileset files and a summary even when the input is bad
   * (summary.error says where; files hold what converted); rejects only when aborted or disposed.
   */
  convert(input: CityGMLInput, options: CityGMLConvertOptions = {}): Promise<CityGMLConvertResult> {
    const { signal, onProgress, ...rest } = options;
    const cancelId = this.nextCancelId++;
    const params: CityGMLConvertParams = { ...rest, input, cancelId };
    // Streams cannot be cloned, only moved.
    const message = input instanceof ReadableStream ? transfer(params, [input as unknown as Transferable]) : params;
    return this.host.run(
      (api, alive) =>
        api.convert(
          message,
          proxy<CityGMLProgressCallback>((p) => {
            alive();
            onProgress?.(p);
          }),
        ),
      signal,
      () => void this.host.api.cancel(cancelId).catch(() => {}),
    );
  }

  /** Terminates the worker; calls still running reject. */
  dispose(): void {
    this.host.dispose();
  }
}

export function createCityGMLWorker(): Worker {
  return new Worker(new URL('../../workers/citygml.worker.ts', import.meta.url), { type: 'module', name: 'twinby-citygml' });
}
