// worker_threads bootstrap: vitest does not transform code in worker threads, so tsx loads the .ts entry.
import { tsImport } from 'tsx/esm/api';

await tsImport('./node-entry.ts', import.meta.url);
