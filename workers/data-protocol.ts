/**
 * The data worker (workers/data.worker.ts): one worker per page that owns the sources: WFS cells, plan
 * files (read once, see workers/lib/data/plan-cache.ts), the spatial index and the scenario base. Each
 * client opens its own session, a comlink proxy with its own state, so layers do not share mutable state
 * but do share the parsed plans and the thread.
 */
import type { ProxyMarked } from 'comlink';
import type { GmlWorkerApi, ProxiedFetch, WfsSession, WfsSessionEvent, WfsSessionOptions } from './gml-protocol';
import type { SpatialWorkerApi } from './protocol';
import type { ScenarioWorkerApi } from './scenario-protocol';

export interface DataWorkerStats {
  /** Plan files fetched and read so far (each read once, whoever asked). */
  planReads: number;
}

export interface DataWorkerApi {
  gml(): GmlWorkerApi & ProxyMarked;
  spatial(): SpatialWorkerApi & ProxyMarked;
  scenario(): ScenarioWorkerApi & ProxyMarked;
  wfs(options: WfsSessionOptions, listener: (event: WfsSessionEvent) => void, fetchBytes?: ProxiedFetch): WfsSession & ProxyMarked;
  stats(): DataWorkerStats;
}
