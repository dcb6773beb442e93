// The GML/WFS/XPlanung worker: the implementation lives in workers/lib/gml/worker-api.ts.
import { expose } from 'comlink';
import type { GmlWorkerApi } from './protocol';
import { createGmlWorkerApi } from './lib/gml/worker-api';

expose(createGmlWorkerApi() satisfies GmlWorkerApi);
