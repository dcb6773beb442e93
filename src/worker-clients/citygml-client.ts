/**
 * Main-thread side of workers/citygml.worker.ts: converts a CityGML File, Blob or stream into an
 * in-memory 3D Tiles tileset off the main thread. An AbortSignal cancels; dispose() ends the worker.
 */
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { PendingCalls } from './pending-calls';
import type { CityGMLConvertParams, CityGMLConvertResult, CityGMLInput, CityGMLProgressCallback, CityGMLWorkerApi } from '../../workers/protocol';

export interface CityGMLConvertOptions extends Omit<CityGMLConvertParams, 'input' | 'cancelId'> {
  /** Aborting rejects the call with the signal's reason and stops the work in the worker. */
  signal?: AbortSignal;
  /** Bytes read, buildings and tiles so far; called at most every 50 ms. */
  onProgress?: CityGMLProgressCallback;
}

export class CityGMLClient {
  private readonly remote: Remote<CityGMLWorkerApi>;
  private readonly calls = new PendingCalls('CityGMLClient');
  private nextCancelId = 1;

  /** By default starts its own module worker; pass one to share a bundler-specific URL. */
  constructor(private readonly worker: Worker = createCityGMLWorker()) {
    this.remote = wrap<CityGMLWorkerApi>(worker);
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
    return this.calls.run(
      () => this.remote.convert(message, onProgress && proxy(onProgress)),
      signal,
      () => void this.remote.cancel(cancelId).catch(() => {}),
    );
  }

  /** Terminates the worker; calls still running reject. */
  dispose(): void {
    if (this.calls.disposed) return;
    this.calls.close();
    this.remote[releaseProxy]();
    this.worker.terminate();
  }

  /** Diagnostics for tests: whether the last result's buffers were transferred. */
  lastTransfer(): Promise<{ buffers: number; detached: number }> {
    return this.remote.lastTransfer();
  }
}

export function createCityGMLWorker(): Worker {
  return new Worker(new URL('../../workers/citygml.worker.ts', import.meta.url), { type: 'module', name: 'twinby-citygml' });
}
