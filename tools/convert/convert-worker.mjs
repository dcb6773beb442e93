// A checkout runs the TypeScript entry through tsx's API (the package runs the built one in dist-cli/).
import { tsImport } from 'tsx/esm/api';

await tsImport('./convert-worker.ts', import.meta.url);
