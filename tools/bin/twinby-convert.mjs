#!/usr/bin/env node
// `twinby-convert` (package bin, `npm run convert`): loads the TypeScript CLI through tsx's API, so no build step is needed.

// Output piped into `head` and the like: a closed pipe ends the program quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let tsImport;
try {
  ({ tsImport } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('twinby-convert: the TypeScript loader "tsx" is not installed next to twinby (npm install tsx).\n');
  process.exit(1);
}
const { main } = await tsImport('../convert/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
