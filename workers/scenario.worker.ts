// The planning-scenario worker: the implementation lives in workers/lib/scenario/worker-api.ts.
import { expose } from 'comlink';
import type { ScenarioWorkerApi } from './scenario-protocol';
import { createScenarioWorkerApi } from './lib/scenario/worker-api';

expose(createScenarioWorkerApi() satisfies ScenarioWorkerApi);
