/**
 * Main-thread side of workers/gml.worker.ts: GML/GeoJSON parsing and XPlanung overlays off the
 * main thread. Bodies are transferred to the worker, coordinate arrays back. An AbortSignal rejects
 * the call at once (a parse already running finishes in the worker and is dropped). dispose() ends the worker.
 */
import { transfer, type Remote } from 'comlink';
import { WorkerHost, type WorkerHostOptions, type WorkerSource } from './worker-host';
import type { GmlParseParams, GmlWorkerApi, PlanOptionsParams } from '../../workers/protocol';
import type { Feature } from '../core/formats/feature';
import type { ParseFn } from '../core/sources/wfs-pager';
export type { PlanBuildResult } from '../../workers/protocol.js';

export interface GmlCallOptions {
  signal?: AbortSignal;
}

export class GmlClient {
  private readonly host: WorkerHost<GmlWorkerApi>;

  /** By default starts its own module worker, and a new one after a crash or a call that never answers. */
  constructor(worker: WorkerSource = createGmlWorker, options: WorkerHostOptions = {}) {
    this.host = new WorkerHost<GmlWorkerApi>('GmlClient', worker, options);
  }

  /** The body's buffer is transferred: it is unusable here afterwards. */
  parseFeatures(params: GmlParseParams, options: GmlCallOptions = {}) {
    return this.call((api) => api.parseFeatures(withTransfer(params)), options);
  }

  buildPlan(params: PlanOptionsParams & { features: Feature[] }, options: GmlCallOptions = {}) {
    return this.call((api) => api.buildPlan(params), options);
  }

  parsePlan(params: GmlParseParams & PlanOptionsParams, options: GmlCallOptions = {}) {
    return this.call((api) => api.parsePlan(withTransfer(params)), options);
  }

  /** A {@link ParseFn} for WfsSource: pages are parsed here in the worker. */
  get parse(): ParseFn {
    return (req, signal) => this.parseFeatures({ body: req.body, source: req.source, srsName: req.srsName, typeName: req.typeName }, { signal });
  }

  dispose(): void {
    this.host.dispose();
  }

  private call<T>(run: (api: Remote<GmlWorkerApi>) => Promise<T>, { signal }: GmlCallOptions): Promise<T> {
    return this.host.run((api) => run(api), signal);
  }
}

function withTransfer<P extends GmlParseParams>(params: P): P {
  return typeof params.body === 'string' ? params : transfer(params, [params.body]);
}

export function createGmlWorker(): Worker {
  return new Worker(new URL('../../workers/gml.worker.ts', import.meta.url), { type: 'module', name: 'twinby-gml' });
}
