// The bin as a process: each file converts in a child process started with glibc's malloc settings and V8's flags
// (worker-limits.ts); one that dies fails only its own file; a SIGTERM sent to the command (Kubernetes, kill) stops
// the conversion processes too, removes the staging folder and exits 143.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, open, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedCli } from '../../../helpers/packed-cli';
import { READ_ELSEWHERE_MIN_BYTES } from '../../../../tools/convert/convert-pipeline';
import { IN_MEMORY_MAX_BYTES } from '../../../../tools/convert/cli';
import { LEAN_CONVERT_MAX_BYTES } from '../../../../tools/convert/worker-limits';
import { generateTown } from '../../../../tools/make-demo/generate-town';

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

interface ProcessNote {
  pid: number;
  /** Started with an IPC channel: a conversion process. */
  conversion: boolean;
  arenas: string;
  trim: string;
  gc: boolean;
  /** Started with the heap limits (worker-limits.ts); the lean first process is not. */
  limits: boolean;
}

/** A preload module in every Node process of the run notes what that process was started with; `body` adds to it. */
async function noting(name: string, body = ''): Promise<{ notes: () => Promise<ProcessNote[]>; env: NodeJS.ProcessEnv }> {
  const log = join(work, `${name}.log`);
  const preload = join(work, `${name}.mjs`);
  await writeFile(
    preload,
    `import { appendFileSync } from 'node:fs';\n` +
      `appendFileSync(${JSON.stringify(log)}, JSON.stringify({ pid: process.pid, conversion: typeof process.send === 'function', ` +
      `arenas: process.env.MALLOC_ARENA_MAX ?? '-', trim: process.env.MALLOC_TRIM_THRESHOLD_ ?? '-', gc: process.execArgv.includes('--single-threaded-gc'), ` +
      `limits: process.execArgv.some((a) => a.startsWith('--max-old-space-size=')) }) + '\\n');\n` +
      body,
  );
  const notes = async () =>
    (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ProcessNote);
  return { notes, env: plainEnv({ NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` }) };
}

/** A preload body by which every conversion process notes the jobs it is sent ('read' or 'convert') in `log`. */
function notingJobs(log: string): string {
  return (
    `import { appendFileSync as _a } from 'node:fs';\n` +
    `if (process.send) { const on = process.on.bind(process); process.on = (event, listener) => on(event, event !== 'message' ? listener : ` +
    `(job, ...rest) => { _a(${JSON.stringify(log)}, JSON.stringify({ pid: process.pid, job: job.type ?? 'convert' }) + '\\n'); return listener(job, ...rest); }); }\n`
  );
}

/** What notingJobs wrote: the pids that were sent each kind of job. */
async function jobsIn(log: string): Promise<{ pid: number; job: string }[]> {
  return (await readFile(log, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

function run(args: string[], env: NodeJS.ProcessEnv, command = bin): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [command, ...args], { env, timeout: 120_000 }, (err, stdout) => done({ code: err ? (err.code as number) : 0, stdout }));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe.runIf(process.platform === 'linux')('twinby-convert as a process', () => {
  it('converts in a child process with two malloc arenas, fixed malloc thresholds and one GC thread; the command itself is left as started', async () => {
    // a small file: converted by the first process, which starts without the heap limits (LEAN_PROCESS_FLAGS)
    const { notes, env } = await noting('settings');
    const out = join(work, 'out-settings');
    const { code } = await run([fixture, '--out', out], env);
    expect(code).toBe(0);
    expect(existsSync(join(out, 'tileset.json'))).toBe(true);
    const [command, ...conversions] = await notes();
    expect(command).toMatchObject({ conversion: false, arenas: '-', trim: '-', gc: false });
    expect(conversions).toHaveLength(1);
    expect(conversions[0]).toMatchObject({ conversion: true, arenas: '2', trim: String(16 * 2 ** 20), gc: true, limits: false });
    expect(statSync(fixture).size).toBeLessThanOrEqual(LEAN_CONVERT_MAX_BYTES);
    // it ends with the command
    expect(await gone(conversions[0].pid)).toBe(true);
  });

  it('converts a pipe, whose size is unknown, in a conversion process with the heap limits', async () => {
    const jobs = join(work, 'pipe-jobs.log');
    const { notes, env } = await noting('pipe', notingJobs(jobs));
    const fifo = join(work, 'piped.gml');
    execFileSync('mkfifo', [fifo]);
    const out = join(work, 'out-pipe');
    const exited = run([fifo, '--out', out], env);
    // opening the FIFO for writing waits for the conversion process to open it for reading
    const fd = await new Promise<number>((done, fail) => open(fifo, 'w', (err, fd) => (err ? fail(err) : done(fd))));
    writeSync(fd, await readFile(fixture));
    closeSync(fd);
    expect((await exited).code).toBe(0);
    expect(existsSync(join(out, 'tileset.json'))).toBe(true);
    // the lean first process is let go unused; one started with the limits converts
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions.map((n) => [n.arenas, n.limits])).toEqual([['2', false], ['2', true]]);
    expect(await jobsIn(jobs)).toEqual([{ pid: conversions[1].pid, job: 'convert' }]);
  });

  it('fails only the file whose conversion process dies, says so, and converts the rest in a fresh process', async () => {
    const inputs = join(work, 'crash-in');
    await mkdir(inputs);
    await copyFile(fixture, join(inputs, 'a-doomed.gml'));
    await copyFile(fixture, join(inputs, 'b-fine.gml'));
    // The conversion process that is sent a-doomed.gml kills itself before converting it. Its own handler is wrapped,
    // not joined by a second one: a process delivers the messages that came early to its first 'message' listener.
    const { notes, env } = await noting(
      'crash',
      `if (process.send) { const on = process.on.bind(process); process.on = (event, listener) => on(event, event !== 'message' ? listener : ` +
        `(job, ...rest) => { if (job.input.endsWith('a-doomed.gml')) process.kill(process.pid, 'SIGKILL'); return listener(job, ...rest); }); }\n`,
    );
    const out = join(work, 'out-crash');
    const { code, stdout } = await run([inputs, '--out', out, '--jobs', '1', '--json'], env);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary.failures).toEqual([expect.objectContaining({ message: 'the conversion process was killed by SIGKILL' })]);
    expect(summary.failures[0].file).toMatch(/a-doomed\.gml$/);
    expect(summary.files).toBe(2);
    expect(existsSync(join(out, 'b-fine', 'tileset.json'))).toBe(true);
    expect(existsSync(join(out, 'a-doomed'))).toBe(false);
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions).toHaveLength(2);
    for (const c of conversions) expect(await gone(c.pid)).toBe(true);
  });

  it('does not hang when its first conversion process dies as it starts: that file fails, the next converts', async () => {
    const inputs = join(work, 'early-death-in');
    await mkdir(inputs);
    await copyFile(fixture, join(inputs, 'a.gml'));
    await copyFile(fixture, join(inputs, 'b.gml'));
    const marker = join(work, 'early-death.marker');
    // only the first conversion process: it kills itself before it could take a job
    const { env } = await noting(
      'early-death',
      `import { existsSync as _e, writeFileSync as _w } from 'node:fs';\n` +
        `if (process.send && !_e(${JSON.stringify(marker)})) { _w(${JSON.stringify(marker)}, ''); process.kill(process.pid, 'SIGKILL'); }\n`,
    );
    const { code, stdout } = await run([inputs, '--out', join(work, 'out-early-death'), '--jobs', '1', '--json'], env);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary.files).toBe(2);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0].message).toMatch(/^the conversion process /);
    expect(summary.buildings).toBeGreaterThan(0);
  });

  it('starts its first conversion process early and ends it when there turns out to be nothing to convert', async () => {
    const { notes, env } = await noting('early');
    const { code } = await run([join(work, 'no-such-file.gml'), '--out', join(work, 'out-early')], env);
    expect(code).toBe(2);
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions).toHaveLength(1);
    expect(alive(conversions[0].pid)).toBe(false);
  });

  it('stops its conversion processes on SIGTERM: exit 143, no staging folder, no process left', { timeout: 120_000 }, async () => {
    const { notes, env } = await noting('signal');
    // The input is a FIFO that never ends, so the conversion is surely running when the signal comes.
    const fifo = join(work, 'endless.gml');
    execFileSync('mkfifo', [fifo]);
    const parent = join(work, 'signal');
    const out = join(parent, 'out');
    await mkdir(parent);
    const child = spawn(process.execPath, [bin, fifo, '--out', out], { env, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    // Opening the FIFO for writing waits for the converter to open it for reading: then it is converting.
    const fd = await new Promise<number>((done, fail) => open(fifo, 'w', (err, fd) => (err ? fail(err) : done(fd))));
    writeSync(fd, '<?xml version="1.0"?>\n<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0">\n');
    // The staging folder exists before the input is opened.
    expect((await readdir(parent)).some((name) => name.includes('twinby-tmp'))).toBe(true);
    child.kill('SIGTERM');
    // the conversion process is stopped, not left blocked on the FIFO, which stays open here until the end
    const result = await exited;
    closeSync(fd);
    expect(result).toEqual({ code: 143, signal: null });
    expect((await readdir(parent)).filter((name) => name.includes('twinby-tmp'))).toEqual([]);
    expect(existsSync(join(out, 'tileset.json'))).toBe(false);
    // a pipe: the lean first process was let go, one with the heap limits converted
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions.map((n) => n.limits)).toEqual([false, true]);
    for (const c of conversions) expect(await gone(c.pid)).toBe(true);
  });
});

/** A gml:pos town just over the size read in a process of its own, with a warning in it; `end` replaces its last line. */
async function largeTown(name: string, end?: string): Promise<string> {
  const parts: string[] = [];
  for await (const piece of generateTown({ buildings: 950, seed: 7, coordinates: 'pos' })) parts.push(piece);
  let xml = parts.join('').replace(/<bldg:storeysAboveGround>\d+</, '<bldg:storeysAboveGround>two<');
  if (end !== undefined) xml = xml.replace('</core:CityModel>', end);
  const path = join(work, name);
  await writeFile(path, xml);
  expect(statSync(path).size).toBeGreaterThan(READ_ELSEWHERE_MIN_BYTES);
  return path;
}

/** Every file below `dir`, relative path → bytes. */
function filesBelow(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of filesBelow(join(dir, entry.name), rel)) out.set(k, v);
    else if (entry.name !== '.twinby-convert.json') out.set(rel, readFileSync(join(dir, entry.name)));
  }
  return out;
}

/** A --json summary without what differs between two runs of the same input (times, memory, paths, the readers). */
function comparable(stdout: string): Record<string, unknown> {
  const { seconds, megabytesPerSecond, peakRssBytes, tileset, filesReadAside, ...rest } = JSON.parse(stdout);
  void [seconds, megabytesPerSecond, peakRssBytes, tileset, filesReadAside];
  return rest;
}

describe.runIf(process.platform === 'linux')('a large file read by a process of its own', () => {
  it('is read by a second process when a core is spare, and gives the files, warnings and errors of one process', { timeout: 120_000 }, async () => {
    const good = await largeTown('aside.gml');
    const jobs = join(work, 'aside-jobs.log');
    const { notes, env } = await noting('aside', notingJobs(jobs));
    const two = await run([good, '--out', join(work, 'out-aside-2'), '--jobs', '2', '--json'], env);
    const one = await run([good, '--out', join(work, 'out-aside-1'), '--jobs', '1', '--json'], plainEnv());
    expect([two.code, one.code]).toEqual([0, 0]);
    expect(JSON.parse(two.stdout).filesReadAside).toBe(1);
    expect(JSON.parse(one.stdout).filesReadAside).toBe(0);
    expect(comparable(two.stdout)).toEqual(comparable(one.stdout));
    expect(JSON.parse(one.stdout).warningCount).toBeGreaterThan(0);
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions).toHaveLength(2);
    for (const c of conversions) expect(await gone(c.pid)).toBe(true);
    // the lean first process reads; the one that builds the tiles has the heap limits
    const reader = conversions.find((c) => !c.limits)!;
    const converter = conversions.find((c) => c.limits)!;
    expect((await jobsIn(jobs)).sort((x, y) => x.job.localeCompare(y.job))).toEqual([
      { pid: converter.pid, job: 'convert' },
      { pid: reader.pid, job: 'read' },
    ]);
    const [a, b] = [filesBelow(join(work, 'out-aside-2')), filesBelow(join(work, 'out-aside-1'))];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(3);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);

    // a file that breaks off: the same buildings kept and the same error, at the same line and column
    const cut = await largeTown('aside-cut.gml', '<core:cityObjectMember>\n<bldg:Building gml:id="cut">\n');
    const cutTwo = await run([cut, '--out', join(work, 'out-cut-2'), '--jobs', '2', '--json'], plainEnv());
    const cutOne = await run([cut, '--out', join(work, 'out-cut-1'), '--jobs', '1', '--json'], plainEnv());
    expect(JSON.parse(cutTwo.stdout).filesReadAside).toBe(1);
    expect(comparable(cutTwo.stdout)).toEqual(comparable(cutOne.stdout));
    expect(JSON.parse(cutOne.stdout).failures).toEqual([expect.objectContaining({ code: 'truncated', line: expect.any(Number) })]);
  });

  it('fails the file when its reading process dies, keeps the buildings read before, and leaves no process behind', { timeout: 120_000 }, async () => {
    const town = await largeTown('reader-dies.gml');
    // the process that reads kills itself as it sends its third batch
    const { notes, env } = await noting(
      'reader-dies',
      `if (process.send) { let n = 0; const write = process.stdout.write.bind(process.stdout); ` +
        `process.stdout.write = (...a) => { if (++n === 3) process.kill(process.pid, 'SIGKILL'); return write(...a); }; }\n`,
    );
    const { code, stdout } = await run([town, '--out', join(work, 'out-reader-dies'), '--jobs', '2', '--json'], env);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary.failures).toEqual([expect.objectContaining({ code: 'reader-lost', message: 'the reading process was killed by SIGKILL' })]);
    expect(summary.buildings).toBeGreaterThan(0);
    expect(summary.buildings).toBeLessThan(950);
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions).toHaveLength(2);
    for (const c of conversions) expect(await gone(c.pid)).toBe(true);
  });

  it('fails the file when the process building its tiles dies, stops the reader, and does not hang', { timeout: 120_000 }, async () => {
    const town = await largeTown('converter-dies.gml');
    const { notes, env } = await noting(
      'converter-dies',
      `if (process.send) { const on = process.on.bind(process); process.on = (event, listener) => on(event, event !== 'message' ? listener : ` +
        `(job, ...rest) => { if (job.readElsewhere) process.kill(process.pid, 'SIGKILL'); return listener(job, ...rest); }); }\n`,
    );
    const { code, stdout } = await run([town, '--out', join(work, 'out-converter-dies'), '--jobs', '2', '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).failures).toEqual([expect.objectContaining({ message: 'the conversion process was killed by SIGKILL' })]);
    const conversions = (await notes()).filter((n) => n.conversion);
    expect(conversions).toHaveLength(2);
    for (const c of conversions) expect(await gone(c.pid)).toBe(true);
  });
});

describe.runIf(process.platform === 'linux')('where converted buildings wait', () => {
  it('keeps them in memory for a file up to IN_MEMORY_MAX_BYTES and spills them to a file for a pipe, whose size is unknown', async () => {
    // every conversion process notes the spill files it opens
    const { notes, env } = await noting(
      'spill',
      `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';\n` +
        `if (process.send) { const open = fs.openSync; fs.openSync = (path, ...rest) => { ` +
        `if (String(path).includes('.spill-')) fs.appendFileSync(${JSON.stringify(join(work, 'spill-opened.log'))}, String(path) + '\\n'); ` +
        `return open(path, ...rest); }; syncBuiltinESMExports(); }\n`,
    );
    const opened = () => (existsSync(join(work, 'spill-opened.log')) ? readFileSync(join(work, 'spill-opened.log'), 'utf8').trim().split('\n') : []);
    expect((await run([fixture, '--out', join(work, 'out-spill-file')], env)).code).toBe(0);
    expect(statSync(fixture).size).toBeLessThan(IN_MEMORY_MAX_BYTES);
    expect(opened()).toEqual([]);
    const fifo = join(work, 'spill-piped.gml');
    execFileSync('mkfifo', [fifo]);
    const exited = run([fifo, '--out', join(work, 'out-spill-pipe')], env);
    const fd = await new Promise<number>((done, fail) => open(fifo, 'w', (err, fd) => (err ? fail(err) : done(fd))));
    writeSync(fd, await readFile(fixture));
    closeSync(fd);
    expect((await exited).code).toBe(0);
    expect(opened()).toEqual([expect.stringMatching(/\.spill-0\.bin$/)]);
    // the file in the lean first process; the pipe in one with the heap limits, after the lean one was let go
    expect((await notes()).filter((n) => n.conversion).map((n) => n.limits)).toEqual([false, false, true]);
  });
});

describe.runIf(process.platform === 'linux')('twinby-convert as the package ships it', () => {
  let packed: Awaited<ReturnType<typeof packedCli>>;
  beforeAll(async () => {
    packed = await packedCli();
  }, 120_000);
  afterAll(() => packed?.dispose());

  it('starts the first conversion process before the CLI has loaded, converts with it, and ends one it did not need', async () => {
    const early = await noting('packed-early');
    const { code } = await run([fixture, '--out', join(work, 'out-packed')], early.env, packed.bin);
    expect(code).toBe(0);
    expect((await early.notes()).filter((n) => n.conversion)).toHaveLength(1);
    // a usage error is only found once the CLI has loaded: the process the bin started by then ends
    const unused = await noting('packed-unused');
    expect((await run([fixture, '--jobs', 'many', '--out', join(work, 'out-packed-unused')], unused.env, packed.bin)).code).toBe(2);
    const conversions = (await unused.notes()).filter((n) => n.conversion);
    expect(conversions).toHaveLength(1);
    expect(alive(conversions[0].pid)).toBe(false);
    // asking for help starts none
    const help = await noting('packed-help');
    expect((await run(['--help'], help.env, packed.bin)).code).toBe(0);
    expect((await help.notes()).filter((n) => n.conversion)).toEqual([]);
  });
});
