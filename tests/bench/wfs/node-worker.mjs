// worker_threads bootstrap for the bench: tsx loads the .ts entry (the GML worker API over a port).
import { tsImport } from 'tsx/esm/api';

await tsImport('../../unit/workers/gml-worker/node-entry.ts', import.meta.url);
