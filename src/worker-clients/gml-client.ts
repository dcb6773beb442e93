/**
 * Main-thread side of workers/gml.worker.ts: GML/GeoJSON parsing and XPlanung overlays off the
 * main thread. Bodies are transferred to the worker, coordinate arrays back. An AbortSignal rejects
 * the call at once (a parse already running finishes in the worker and is dropped). dispose() ends the worker.
 */
import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { PendingCalls } from './pending-calls';
import type { GmlParseParams, GmlWorkerApi, PlanOptionsParams } from '../../workers/protocol';
import type { Feature } from '../core/formats/feature';
import type { ParseFn } from '../core/sources/wfs-pager';

export interface GmlCallOptions {
  signal?: AbortSignal;
}

export class GmlClient {
  private readonly remote: Remote<GmlWorkerApi>;
  private readonly calls = new PendingCalls('GmlClient');

  /** By default starts its own module worker. */
  constructor(private readonly worker: Worker = createGmlWorker()) {
    this.remote = wrap<GmlWorkerApi>(worker);
  }

  /** The body's buffer is transferred: it is unusable here afterwards. */
  parseFeatures(params: GmlParseParams, options: GmlCallOptions = {}) {
    return this.call(() => this.remote.parseFeatures(withTransfer(params)), options);
  }

  buildPlan(params: PlanOptionsParams & { features: Feature[] }, options: GmlCallOptions = {}) {
    return this.call(() => this.remote.buildPlan(params), options);
  }

  parsePlan(params: GmlParseParams & PlanOptionsParams, options: GmlCallOptions = {}) {
    return this.call(() => this.remote.parsePlan(withTransfer(params)), options);
  }

  /** A {@link ParseFn} for WfsSource: pages are parsed here in the worker. */
  get parse(): ParseFn {
    return (req, signal) => this.parseFeatures({ body: req.body, source: req.source, srsName: req.srsName, typeName: req.typeName }, { signal });
  }

  dispose(): void {
    if (this.calls.disposed) return;
    this.calls.close();
    this.remote[releaseProxy]();
    this.worker.terminate();
  }

  private call<T>(run: () => Promise<T>, { signal }: GmlCallOptions): Promise<T> {
    return this.calls.run(run, signal);
  }
}

function withTransfer<P extends GmlParseParams>(params: P): P {
  return typeof params.body === 'string' ? params : transfer(params, [params.body]);
}

export function createGmlWorker(): Worker {
  return new Worker(new URL('../../workers/gml.worker.ts', import.meta.url), { type: 'module', name: 'twinby-gml' });
}
