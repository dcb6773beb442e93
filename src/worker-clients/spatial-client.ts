/**
 * Main-thread side of the spatial session in the data worker (workers/data.worker.ts): footprint and plan loading, spatial queries,
 * statistics and compliance checks off the main thread. Every call takes an AbortSignal; dispose()
 * ends the worker. Large inputs (the footprint sidecar, a FootprintSet) are transferred, not copied.
 */
import { proxy, transfer, type Remote } from 'comlink';
import type { WorkerHostOptions, WorkerSource } from './worker-host';
import { createDataWorker, DataSession } from './data-worker-pool';
import type { SpatialProgressCallback, SpatialProtocol, SpatialWorkerApi } from '../../workers/protocol';
import type { FootprintSet } from '../../workers/types/footprints';
export type { AttributeFilter, Aggregates, BuildingRow, CheckKind, ComplianceFinding, RowSortKey, PolygonMode } from '../../workers/types/spatial';
export type { ComplianceSummary, DatasetInfo, PlanZoneInfo, PolygonQueryParams } from '../../workers/types/spatial-api';
export type { PlanInput } from '../../workers/types/plan';

export interface SpatialCallOptions {
  /** Aborting rejects the call with the signal's reason and stops the work in the worker. */
  signal?: AbortSignal;
  onProgress?: SpatialProgressCallback;
}

type Method = keyof SpatialProtocol;
/** Distributes over unions, so that `{ selectionId } | { indices }` params keep both forms. */
type Params<K extends Method> = SpatialProtocol[K][0] extends infer P ? (P extends unknown ? Omit<P, 'cancelId'> : never) : never;
type Result<K extends Method> = SpatialProtocol[K][1];

/** What a restarted worker is given again: loads that can be replayed (by URL, or a plan object kept here). */
interface Loaded {
  footprints: { url: string } | null;
  plan: Params<'loadPlan'> | Params<'loadPlanUrl'> | null;
}

export class SpatialClient {
  private readonly host: DataSession<SpatialWorkerApi>;
  private nextCancelId = 1;
  private readonly loaded: Loaded = { footprints: null, plan: null };

  /**
   * By default a session in the page's shared data worker. A worker that fails to load, crashes or stops answering rejects
   * its calls with a WorkerFailure; the next call starts a fresh one, which must be loaded again.
   */
  constructor(worker: WorkerSource = createDataWorker, options: WorkerHostOptions = {}) {
    this.host = new DataSession<SpatialWorkerApi>('SpatialClient', (root) => root.spatial(), worker, options);
    this.host.restore = (api) => this.replay(api);
  }

  /** Loads the footprint sidecar from a URL in the worker; a restarted worker loads it again by itself. */
  async loadFootprintsUrl(params: Params<'loadFootprintsUrl'>, options?: SpatialCallOptions): Promise<Result<'loadFootprintsUrl'>> {
    this.loaded.footprints = null;
    const info = await this.call('loadFootprintsUrl', params, options);
    this.loaded.footprints = { url: params.url };
    return info;
  }

  /** Loads the footprint sidecar; the buffer is transferred (it is unusable here afterwards, so a restarted worker starts empty). */
  loadFootprints(bytes: ArrayBuffer | Uint8Array, options: SpatialCallOptions & { source?: string } = {}): Promise<Result<'loadFootprints'>> {
    const buffer = bytes instanceof Uint8Array ? bytes.buffer : bytes;
    this.loaded.footprints = null;
    return this.call('loadFootprints', { bytes, source: options.source }, options, [buffer as ArrayBuffer]);
  }

  /** Loads footprints collected in the browser (e.g. from loaded tiles); the typed arrays are transferred (not restored). */
  loadFootprintSet(set: FootprintSet, options: SpatialCallOptions = {}): Promise<Result<'loadFootprintSet'>> {
    const arrays = [set.groundHeights, set.heights, set.storeys, set.polygonOffsets, set.ringOffsets, set.vertexOffsets, set.coords, set.yearsOfConstruction, set.planned];
    const buffers = [...new Set(arrays.filter((a) => a !== undefined).map((a) => a!.buffer as ArrayBuffer))];
    this.loaded.footprints = null;
    return this.call('loadFootprintSet', { set }, options, buffers);
  }

  async loadPlan(params: Params<'loadPlan'>, options?: SpatialCallOptions) {
    this.loaded.plan = null;
    const info = await this.call('loadPlan', params, options);
    this.loaded.plan = params;
    return info;
  }
  /** The worker fetches and reads the XPlanGML file itself (give an absolute or blob: URL). */
  async loadPlanUrl(params: Params<'loadPlanUrl'>, options?: SpatialCallOptions) {
    this.loaded.plan = null;
    const info = await this.call('loadPlanUrl', params, options);
    this.loaded.plan = params;
    return info;
  }

  /** The footprints, then the plan (checked against their CRS), into a fresh session. */
  private async replay(api: Remote<SpatialWorkerApi>): Promise<void> {
    const { footprints, plan } = this.loaded;
    if (footprints) await api.loadFootprintsUrl({ ...footprints, cancelId: 0 });
    if (plan && 'url' in plan) await api.loadPlanUrl({ ...plan, cancelId: 0 });
    else if (plan) await api.loadPlan({ ...plan, cancelId: 0 });
  }
  byId(params: Params<'byId'>, options?: SpatialCallOptions) {
    return this.call('byId', params, options);
  }
  byBbox(params: Params<'byBbox'>, options?: SpatialCallOptions) {
    return this.call('byBbox', params, options);
  }
  byPolygon(params: Params<'byPolygon'>, options?: SpatialCallOptions) {
    return this.call('byPolygon', params, options);
  }
  nearest(params: Params<'nearest'>, options?: SpatialCallOptions) {
    return this.call('nearest', params, options);
  }
  filter(params: Params<'filter'>, options?: SpatialCallOptions) {
    return this.call('filter', params, options);
  }
  aggregate(params: Params<'aggregate'>, options?: SpatialCallOptions) {
    return this.call('aggregate', params, options);
  }
  rows(params: Params<'rows'>, options?: SpatialCallOptions) {
    return this.call('rows', params, options);
  }
  exportSelection(params: Params<'exportSelection'>, options?: SpatialCallOptions) {
    return this.call('exportSelection', params, options);
  }
  checkCompliance(params: Params<'checkCompliance'> = {}, options?: SpatialCallOptions) {
    return this.call('checkCompliance', params, options);
  }
  complianceFindings(params: Params<'complianceFindings'> = {}, options?: SpatialCallOptions) {
    return this.call('complianceFindings', params, options);
  }
  releaseSelection(selectionId: number): Promise<void> {
    return this.call('releaseSelection', { selectionId });
  }

  /** Ends this client's session (the shared data worker ends with its last one); calls still running reject. */
  dispose(): void {
    this.host.dispose();
  }

  private call<K extends Method>(method: K, params: Params<K>, options: SpatialCallOptions = {}, buffers: ArrayBuffer[] = []): Promise<Result<K>> {
    const { signal, onProgress } = options;
    const cancelId = this.nextCancelId++;
    const full = { ...params, cancelId } as SpatialProtocol[K][0];
    const message = buffers.length > 0 ? transfer(full, buffers) : full;
    type Call = (p: SpatialProtocol[K][0], cb?: SpatialProgressCallback) => Promise<Result<K>>;
    return this.host.run(
      // the remote is touched only once the call may start; progress is a sign of life for the watchdog
      (api, alive) => (api[method] as unknown as Call)(message, proxy((...args: Parameters<SpatialProgressCallback>) => (alive(), onProgress?.(...args)))),
      signal,
      () => void this.host.running?.cancel(cancelId).catch(() => {}),
    );
  }
}

/** The spatial index lives in the page's data worker. */
export const createSpatialWorker = createDataWorker;
