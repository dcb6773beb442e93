// worker_threads bootstrap for the bench: tsx loads the .ts entry (the data worker API over a port).
import { tsImport } from 'tsx/esm/api';

await tsImport('./data-node-entry.ts', import.meta.url);
