// The CityGML → 3D Tiles worker: the implementation lives in workers/lib/convert/worker-api.ts.
import { expose } from 'comlink';
import type { CityGMLWorkerApi } from './protocol';
import { createCityGMLWorkerApi } from './lib/convert/worker-api';

expose(createCityGMLWorkerApi() satisfies CityGMLWorkerApi);
