/**
 * Main-thread side of workers/citygml.worker.ts: converts a CityGML File, Blob or stream into an
 * in-memory 3D Tiles tileset off the main thread. An AbortSignal cancels; dispose() ends the worker.
 */
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { CityGMLConvertParams, CityGMLConvertResult, CityGMLInput, CityGMLProgressCallback, CityGMLWorkerApi } from '../../workers/protocol';

export interface CityGMLConvertOptions extends Omit<CityGMLConvertParams, 'input' | 'cancelId'> {
  /** Aborting rejects the call with the signal's reason and stops the work in the worker. */
  signal?: AbortSignal;
  /** Bytes read, buildings and tiles so far; called at most every 50 ms. */
  onProgress?: CityGMLProgressCallback;
}

export class CityGMLClient {
  private readonly remote: Remote<CityGMLWorkerApi>;
  private readonly pending = new Set<(reason: unknown) => void>();
  private nextCancelId = 1;
  private disposed = false;

  /** By default starts its own module worker; pass one to share a bundler-specific URL. */
  constructor(private readonly worker: Worker = createCityGMLWorker()) {
    this.remote = wrap<CityGMLWorkerApi>(worker);
  }

  /**
   * Converts one CityGML document. Resolves with the tileset files and a summary even when the input is bad
   * (summary.error says where; files hold what converted); rejects only when aborted or disposed.
   */
  convert(input: CityGMLInput, options: CityGMLConvertOptions = {}): Promise<CityGMLConvertResult> {
    if (this.disposed) return Promise.reject(new Error('CityGMLClient is disposed'));
    const { signal, onProgress, ...rest } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const cancelId = this.nextCancelId++;
    const params: CityGMLConvertParams = { ...rest, input, cancelId };
    // Streams cannot be cloned, only moved.
    const message = input instanceof ReadableStream ? transfer(params, [input as unknown as Transferable]) : params;
    const progress = onProgress && proxy(onProgress);

    return new Promise<CityGMLConvertResult>((resolve, reject) => {
      const fail = (reason: unknown) => {
        cleanup();
        reject(reason);
      };
      const onAbort = () => {
        void this.remote.cancel(cancelId).catch(() => {});
        fail(signal?.reason);
      };
      const cleanup = () => {
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(fail);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.add(fail);
      this.remote.convert(message, progress).then((result) => {
        cleanup();
        resolve(result);
      }, fail);
    });
  }

  /** Terminates the worker; calls still running reject. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.remote[releaseProxy]();
    this.worker.terminate();
    for (const fail of [...this.pending]) fail(new Error('CityGMLClient was disposed during the conversion'));
  }

  /** Diagnostics for tests: whether the last result's buffers were transferred. */
  lastTransfer(): Promise<{ buffers: number; detached: number }> {
    return this.remote.lastTransfer();
  }
}

export function createCityGMLWorker(): Worker {
  return new Worker(new URL('../../workers/citygml.worker.ts', import.meta.url), { type: 'module', name: 'twinby-citygml' });
}
