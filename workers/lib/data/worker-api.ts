/**
 * The data worker's implementation (workers/data.worker.ts exposes it): each session is a fresh API
 * object behind its own comlink proxy; what they share is this thread and the plan cache.
 */
import { proxy } from 'comlink';
import type { DataWorkerApi } from '../../data-protocol';
import { createGmlWorkerApi } from '../gml/worker-api';
import { createScenarioWorkerApi } from '../scenario/worker-api';
import { createSpatialWorkerApi } from '../spatial/worker-api';
import { planReads } from './plan-cache';
import { openWfsSession } from './wfs-session';

export function createDataWorkerApi(): DataWorkerApi {
  return {
    gml: () => proxy(createGmlWorkerApi()),
    spatial: () => proxy(createSpatialWorkerApi()),
    scenario: () => proxy(createScenarioWorkerApi()),
    wfs: (options, listener, fetchBytes) => proxy(openWfsSession(options, listener, fetchBytes)),
    stats: () => ({ planReads: planReads() }),
  };
}
