#!/usr/bin/env node
// `twinby-convert` (package bin, `npm run convert`): loads the TypeScript CLI through tsx's API, so no build step is needed.
import { tsImport } from 'tsx/esm/api';

// Output piped into `head` and the like: a closed pipe ends the program quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = await tsImport('../convert/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
