// Worker threads are not transformed by tsx's CLI hooks: load the TypeScript entry through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./read-thread.ts', import.meta.url);
