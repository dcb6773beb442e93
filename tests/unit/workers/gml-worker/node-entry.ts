/** The GML worker API over a worker_threads port, as workers/gml.worker.ts does over `self`. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createGmlWorkerApi } from '../../../../workers/lib/gml/worker-api';

expose(createGmlWorkerApi(), nodeEndpoint(parentPort!));
