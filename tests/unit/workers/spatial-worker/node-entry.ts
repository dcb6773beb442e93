/** The spatial worker API exposed over a worker_threads port, as workers/spatial.worker.ts does over `self`. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSpatialWorkerApi } from '../../../../workers/lib/spatial/worker-api';

expose(createSpatialWorkerApi(), nodeEndpoint(parentPort!));
