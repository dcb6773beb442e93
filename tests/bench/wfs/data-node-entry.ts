/** The data worker API over a worker_threads port, as workers/data.worker.ts does over `self`. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createDataWorkerApi } from '../../../workers/lib/data/worker-api';

expose(createDataWorkerApi(), nodeEndpoint(parentPort!));
