/**
 * Main-thread side of workers/shadow.worker.ts: sun hours and the comparison of two scenarios. Only
 * intents cross (tileset URLs, hidden ids, dates); the worker fetches and reads the tiles itself and sends
 * back typed arrays in the transfer list. Every call takes an AbortSignal; dispose() ends the worker.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { PendingCalls } from './pending-calls';
import type { ShadowProgress, ShadowWorkerApi, SunHoursParams, SunHoursResult } from '../../workers/protocol';

export interface ShadowCallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ShadowProgress) => void;
}

export class ShadowClient {
  private readonly remote: Remote<ShadowWorkerApi>;
  private readonly calls = new PendingCalls('ShadowClient');
  private nextCancelId = 1;

  constructor(private readonly worker: Worker = createShadowWorker()) {
    this.remote = wrap<ShadowWorkerApi>(worker);
  }

  /** Sun hours of the base scenario, and with a variant what it takes from each neighbour. URLs are resolved against the page. */
  sunHours(params: Omit<SunHoursParams, 'cancelId'>, options: ShadowCallOptions = {}): Promise<SunHoursResult> {
    const absolute = (s: SunHoursParams['base']) => ({ ...s, tilesets: s.tilesets.map((u) => new URL(u, globalThis.document?.baseURI ?? globalThis.location?.href).href) });
    const cancelId = this.nextCancelId++;
    const full: SunHoursParams = { ...params, base: absolute(params.base), ...(params.variant ? { variant: absolute(params.variant) } : {}), cancelId };
    return this.calls.run(
      () => this.remote.sunHours(full, options.onProgress && proxy(options.onProgress)) as Promise<SunHoursResult>,
      options.signal,
      () => void this.remote.cancel(cancelId).catch(() => {}),
    );
  }

  /** Drops the worker's copy of a tileset (e.g. before its blob: URLs are revoked). */
  forget(url?: string): Promise<void> {
    return this.calls.run(() => this.remote.forget(url === undefined ? undefined : new URL(url, globalThis.document?.baseURI).href));
  }

  dispose(): void {
    if (this.calls.disposed) return;
    this.calls.close();
    this.remote[releaseProxy]();
    this.worker.terminate();
  }
}

export function createShadowWorker(): Worker {
  return new Worker(new URL('../../workers/shadow.worker.ts', import.meta.url), { type: 'module', name: 'twinby-shadow' });
}
