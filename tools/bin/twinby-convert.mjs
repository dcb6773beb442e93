#!/usr/bin/env node
// `twinby-convert` (package bin, `npm run convert`): the built CLI in a published package, the TypeScript one in a checkout.
import { existsSync } from 'node:fs';

// Output piped into `head` and the like: a closed pipe ends the program quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
// The published package carries the CLI as JavaScript (dist-cli/, built by prepack). A checkout has the TypeScript
// sources beside this file and runs them through tsx, so an edited source never meets an older build.
const source = new URL('../convert/cli.ts', import.meta.url);
const built = new URL('../../dist-cli/cli.mjs', import.meta.url);
const argv = process.argv.slice(2);
let main;
let conversionProcess;
if (!existsSync(source) && existsSync(built)) {
  // A conversion, most likely: its first process (lean: see worker-limits.ts) starts before the CLI loads, so the two
  // Node start-ups overlap (main takes it, or ends it when the command turns out to need none).
  if (argv.length > 0 && argv[0] !== 'merge' && !argv.includes('--help') && !argv.includes('-h')) {
    const { spawnConvertProcess } = await import(new URL('../../dist-cli/convert-spawn.mjs', import.meta.url).href);
    conversionProcess = spawnConvertProcess(true);
  }
  ({ main } = await import(built.href));
} else {
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('twinby-convert: the TypeScript loader "tsx" is not installed next to twinby (npm install tsx).\n');
    process.exit(1);
  }
  ({ main } = await tsImport('../convert/cli.ts', import.meta.url));
}
process.exitCode = await main(argv, { conversionProcess });
