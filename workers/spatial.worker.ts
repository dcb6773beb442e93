// The spatial-query worker: the implementation lives in workers/lib/spatial/worker-api.ts.
import { expose } from 'comlink';
import type { SpatialWorkerApi } from './protocol';
import { createSpatialWorkerApi } from './lib/spatial/worker-api';

expose(createSpatialWorkerApi() satisfies SpatialWorkerApi);
