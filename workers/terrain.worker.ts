// The terrain worker: GeoTIFF DGMs → height grids; the implementation lives in workers/lib/terrain/worker-api.ts.
import { expose } from 'comlink';
import type { TerrainWorkerApi } from './terrain-protocol';
import { createTerrainWorkerApi } from './lib/terrain/worker-api';

expose(createTerrainWorkerApi() satisfies TerrainWorkerApi);
