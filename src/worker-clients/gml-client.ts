/**
 * Main-thread side of the GML session in the data worker (workers/data.worker.ts): GML/GeoJSON parsing,
 * XPlanung overlays and WFS sources off the main thread. Bodies go to the worker by transfer, overlays
 * come back triangulated with their arrays transferred. An AbortSignal rejects the call at once (a parse
 * already running finishes in the worker and is dropped). dispose() ends the session.
 */
import { proxy, transfer, type Remote } from 'comlink';
import type { WorkerHostOptions, WorkerSource } from './worker-host';
import { createDataWorker, DataSession } from './data-worker-pool';
import type { GmlParseParams, GmlWorkerApi, PlanOptionsParams, PlanUrlParams, ProxiedFetch, WfsSession, WfsSessionEvent, WfsSessionOptions } from '../../workers/protocol';
import type { FetchLike } from '../core/sources/wfs-request';
export type { PlanBuildResult, WfsSessionEvent, WfsSessionOptions } from '../../workers/protocol.js';

export interface GmlCallOptions {
  signal?: AbortSignal;
}

export class GmlClient {
  private readonly host: DataSession<GmlWorkerApi>;

  /** By default a session in the page's shared data worker, reopened on a new worker after a crash or a call that never answers. */
  constructor(
    private readonly worker: WorkerSource = createDataWorker,
    private readonly options: WorkerHostOptions = {},
  ) {
    this.host = new DataSession<GmlWorkerApi>('GmlClient', (root) => root.gml(), worker, options);
  }

  /** The body's buffer is transferred: it is unusable here afterwards. */
  parseFeatures(params: GmlParseParams, options: GmlCallOptions = {}) {
    return this.call((api) => api.parseFeatures(withTransfer(params)), options);
  }

  parsePlan(params: GmlParseParams & PlanOptionsParams, options: GmlCallOptions = {}) {
    return this.call((api) => api.parsePlan(withTransfer(params)), options);
  }

  /** A plan file by URL: fetched and read in the data worker, once for every layer and panel that asks. */
  parsePlanUrl(params: PlanUrlParams, options: GmlCallOptions = {}) {
    return this.call((api) => api.parsePlanUrl(params), options);
  }

  /**
   * A WFS source in the data worker: `listener` receives loading counts, built overlays (arrays transferred),
   * errors and warnings. With `fetch`, requests run here through it (e.g. to add headers) and only the
   * bodies cross, transferred. The session has its own client, so that disposing it ends it alone.
   */
  openWfs(options: WfsSessionOptions, listener: (event: WfsSessionEvent) => void, fetch?: FetchLike): WfsClient {
    return new WfsClient(options, listener, fetch, this.worker, this.options);
  }

  dispose(): void {
    this.host.dispose();
  }

  private call<T>(run: (api: Remote<GmlWorkerApi>) => Promise<T>, { signal }: GmlCallOptions): Promise<T> {
    return this.host.run((api) => run(api), signal);
  }
}

/** The main-thread handle of a WFS source in the data worker; reopened with the same options after a worker restart. */
export class WfsClient {
  private readonly host: DataSession<WfsSession>;

  constructor(options: WfsSessionOptions, listener: (event: WfsSessionEvent) => void, fetch: FetchLike | undefined, worker: WorkerSource, hostOptions: WorkerHostOptions) {
    const events = proxy(listener);
    const fetchBytes = fetch ? proxy(mainThreadFetch(fetch)) : undefined;
    this.host = new DataSession<WfsSession>('WfsClient', (root) => root.wfs(options, events, fetchBytes), worker, hostOptions);
  }

  setExtent(extent: [number, number, number, number]): Promise<void> {
    return this.host.run((s) => s.setExtent(extent));
  }

  capabilities() {
    return this.host.run((s) => s.capabilities());
  }

  hits(typeName: string, extent?: [number, number, number, number]) {
    return this.host.run((s) => s.hits(typeName, extent));
  }

  dispose(): void {
    void this.host.running?.dispose().catch(() => {});
    this.host.dispose();
  }
}

function mainThreadFetch(fetch: FetchLike): ProxiedFetch {
  return async (url) => {
    try {
      const res = await fetch(url);
      const body = await res.arrayBuffer();
      return transfer({ status: res.status, statusText: res.statusText, body }, [body]);
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
}

function withTransfer<P extends GmlParseParams>(params: P): P {
  return typeof params.body === 'string' ? params : transfer(params, [params.body]);
}

/** GML parsing lives in the page's data worker. */
export const createGmlWorker = createDataWorker;
