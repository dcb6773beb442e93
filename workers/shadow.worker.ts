// The shadow worker: sun hours and variant comparison; the implementation lives in workers/lib/shadow/worker-api.ts.
import { expose } from 'comlink';
import { createShadowWorkerApi, type ShadowWorkerApi } from './lib/shadow/worker-api';

expose(createShadowWorkerApi() satisfies ShadowWorkerApi);
