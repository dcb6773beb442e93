#!/usr/bin/env node
// `twinby-convert` (package bin, `npm run convert`): loads the TypeScript CLI through tsx's API, so no build step is needed.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../convert/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
