// The bin as a process: on Linux a large run (or one reading a pipe) goes on in a second process with glibc limited to
// two malloc arenas (memory), a small one stays in the first; a SIGTERM sent to it (Kubernetes, kill) still reaches
// the converting process, which cleans up and exits 143.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, open, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const bin = resolve(root, 'tools/bin/twinby-convert.mjs');
const fixture = resolve(root, 'tests/fixtures/citygml/adv-lod2-citygml1.gml');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'twinby-cli-process-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The environment without MALLOC_ARENA_MAX, as a plain shell gives it. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.MALLOC_ARENA_MAX;
  return env;
}

describe.runIf(process.platform === 'linux')('twinby-convert as a process', () => {
  /** A preload module in every Node process of the run notes the variable as that process saw it. */
  async function arenaLog(name: string): Promise<{ log: string; env: NodeJS.ProcessEnv }> {
    const log = join(work, `${name}.log`);
    const preload = join(work, `${name}.mjs`);
    await writeFile(
      preload,
      `import { appendFileSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads';\n` +
        `if (isMainThread) appendFileSync(${JSON.stringify(log)}, (process.env.MALLOC_ARENA_MAX ?? '-') + '\\n');\n`,
    );
    return { log, env: plainEnv({ NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` }) };
  }

  it('converts a pipe, whose size is unknown, in a second process that has glibc limited to two malloc arenas', async () => {
    const { log, env } = await arenaLog('arenas-pipe');
    const fifo = join(work, 'piped.gml');
    execFileSync('mkfifo', [fifo]);
    const out = join(work, 'out-arenas');
    const exited = new Promise<number | null>((done) => {
      execFile(process.execPath, [bin, fifo, '--out', out], { env, timeout: 120_000 }, (err) => done(err ? (err.code as number) : 0));
    });
    // opening the FIFO for writing waits for the converting process to open it for reading
    const fd = await new Promise<number>((done, fail) => open(fifo, 'w', (err, fd) => (err ? fail(err) : done(fd))));
    writeSync(fd, await readFile(fixture));
    closeSync(fd);
    expect(await exited).toBe(0);
    expect(existsSync(join(out, 'tileset.json'))).toBe(true);
    // the bin as started (unset), then the process that converted (2)
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['-', '2']);
  });

  it('converts a small file in the first process: no second start', async () => {
    const { log, env } = await arenaLog('arenas-small');
    const out = join(work, 'out-small');
    const code = await new Promise<number | null>((done) => {
      execFile(process.execPath, [bin, fixture, '--out', out], { env, timeout: 120_000 }, (err) => done(err ? (err.code as number) : 0));
    });
    expect(code).toBe(0);
    expect(existsSync(join(out, 'tileset.json'))).toBe(true);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['-']);
  });

  it('leaves the variable to a user who set it: one process, no restart', async () => {
    const log = join(work, 'arenas-own.log');
    const preload = join(work, 'note-arenas-own.mjs');
    await writeFile(preload, `import { appendFileSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads';\nif (isMainThread) appendFileSync(${JSON.stringify(log)}, (process.env.MALLOC_ARENA_MAX ?? '-') + '\\n');\n`);
    const env = { ...plainEnv({ NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` }), MALLOC_ARENA_MAX: '8' };
    await new Promise<void>((done) => execFile(process.execPath, [bin, fixture, '--out', join(work, 'out-own')], { env, timeout: 120_000 }, () => done()));
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['8']);
  });

  it('passes a SIGTERM on to the converting process: exit 143, no staging folder left', { timeout: 120_000 }, async () => {
    // The input is a FIFO that never ends, so the conversion is surely running when the signal comes.
    const fifo = join(work, 'endless.gml');
    execFileSync('mkfifo', [fifo]);
    const parent = join(work, 'signal');
    const out = join(parent, 'out');
    await mkdir(parent);
    const child = spawn(process.execPath, [bin, fifo, '--out', out], { env: plainEnv(), stdio: 'ignore' });
    let gone = false;
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.on('exit', (code, signal) => {
        gone = true;
        done({ code, signal });
      }),
    );
    // Opening the FIFO for writing waits for the converter to open it for reading: then it is converting.
    const fd = await new Promise<number>((done, fail) => open(fifo, 'w', (err, fd) => (err ? fail(err) : done(fd))));
    writeSync(fd, '<?xml version="1.0"?>\n<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0">\n');
    // The staging folder exists before the input is opened.
    expect((await readdir(parent)).some((name) => name.includes('twinby-tmp'))).toBe(true);
    child.kill('SIGTERM');
    // The converter removes its staging folder on the signal, then exits; its thread's read of the FIFO returns
    // only once the writer closes (a blocked read holds the exit of any Node process), so close after the clean-up.
    while (!gone && (await readdir(parent)).some((name) => name.includes('twinby-tmp'))) await new Promise((r) => setTimeout(r, 50));
    closeSync(fd);
    const result = await exited;
    expect(result).toEqual({ code: 143, signal: null });
    expect((await readdir(parent)).filter((name) => name.includes('twinby-tmp'))).toEqual([]);
    expect(existsSync(join(out, 'tileset.json'))).toBe(false);
  });
});
