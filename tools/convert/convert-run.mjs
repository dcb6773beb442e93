// A checkout runs the TypeScript module through tsx's API (the package loads the built one in dist-cli/).
import { tsImport } from 'tsx/esm/api';

export const { runConvertJob } = await tsImport('./convert-run.ts', import.meta.url);
