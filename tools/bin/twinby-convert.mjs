#!/usr/bin/env node
// `twinby-convert` (package bin, `npm run convert`): the built CLI in a published package, the TypeScript one in a checkout.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Large runs go on in a second process with glibc's malloc arenas limited (see tools/convert/arena-limit.ts): glibc
// reads MALLOC_ARENA_MAX only at start-up. Setting the variable yourself (to any value) leaves it to you.
const limitArenas = process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined;
await run(limitArenas ? relaunchWithArenaLimit : undefined);

/** The same command in a child process with MALLOC_ARENA_MAX=2; resolves to its exit code. */
function relaunchWithArenaLimit() {
  return new Promise((resolveExit) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    });
    // A terminal's Ctrl-C reaches both processes; a SIGTERM (Kubernetes, kill) only this one: pass it on and let the
    // converting process clean up and choose the exit code.
    const forward = (signal) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
    child.on('error', (err) => {
      process.stderr.write(`twinby-convert: could not start ${process.execPath}: ${err.message}\n`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
      if (signal) process.kill(process.pid, signal);
      else resolveExit(code ?? 1);
    });
  });
}

async function run(relaunchWithArenaLimit) {
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
  let main;
  if (!existsSync(source) && existsSync(built)) {
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
  process.exitCode = await main(process.argv.slice(2), { relaunchWithArenaLimit });
}
