/**
 * Main-thread side of workers/shadow.worker.ts: sun hours and the comparison of two scenarios. Only
 * intents cross (tileset URLs, hidden ids, dates); the worker fetches and reads the tiles itself and sends
 * back typed arrays in the transfer list. Every call takes an AbortSignal; dispose() ends the worker.
 */
import { proxy } from 'comlink';
import { WorkerHost, type WorkerHostOptions, type WorkerSource } from './worker-host';
import type { ShadowProgress, ShadowWorkerApi, SunHoursParams, SunHoursResult } from '../../workers/protocol';
export type { BuildingSunRow, ShadowScenario, SunHoursResult } from '../../workers/protocol.js';

export interface ShadowCallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ShadowProgress) => void;
}

export class ShadowClient {
  private readonly host: WorkerHost<ShadowWorkerApi>;
  private nextCancelId = 1;

  /** By default starts its own module worker, and a new one after a crash or a call that never answers. */
  constructor(worker: WorkerSource = createShadowWorker, options: WorkerHostOptions = {}) {
    this.host = new WorkerHost<ShadowWorkerApi>('ShadowClient', worker, options);
  }

  /** Sun hours of the base scenario, and with a variant what it takes from each neighbour. URLs are resolved against the page. */
  sunHours(params: Omit<SunHoursParams, 'cancelId'>, options: ShadowCallOptions = {}): Promise<SunHoursResult> {
    const absolute = (s: SunHoursParams['base']) => ({ ...s, tilesets: s.tilesets.map((u) => new URL(u, globalThis.document?.baseURI ?? globalThis.location?.href).href) });
    const cancelId = this.nextCancelId++;
    const full: SunHoursParams = { ...params, base: absolute(params.base), ...(params.variant ? { variant: absolute(params.variant) } : {}), cancelId };
    // progress is a sign of life: the watchdog waits for silence, not for the whole analysis
    return this.host.run(
      (api, alive) => api.sunHours(full, proxy((p: ShadowProgress) => (alive(), options.onProgress?.(p)))) as Promise<SunHoursResult>,
      options.signal,
      () => void this.host.running?.cancel(cancelId).catch(() => {}),
    );
  }

  /** Drops the worker's copy of a tileset (e.g. before its blob: URLs are revoked). */
  forget(url?: string): Promise<void> {
    return this.host.run((api) => api.forget(url === undefined ? undefined : new URL(url, globalThis.document?.baseURI).href));
  }

  dispose(): void {
    this.host.dispose();
  }
}

export function createShadowWorker(): Worker {
  return new Worker(new URL('../../workers/shadow.worker.ts', import.meta.url), { type: 'module', name: 'twinby-shadow' });
}
