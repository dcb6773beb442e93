// The data worker: WFS sources, plans, the spatial index and scenarios; see workers/lib/data/worker-api.ts.
import { expose } from 'comlink';
import type { DataWorkerApi } from './data-protocol';
import { createDataWorkerApi } from './lib/data/worker-api';

expose(createDataWorkerApi() satisfies DataWorkerApi);
