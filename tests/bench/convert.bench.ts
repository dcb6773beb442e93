/**
 * `npm run bench:convert`: CityGML → 3D Tiles throughput and memory, TwinBy against citygml-to-3dtiles (npm).
 * Inputs: the synthetic town (tools/make-demo) at 1k, 10k and 100k buildings plus one of about 150 MB, one of about
 * 40 MB in gml:pos rings (AdV LoD2-DE), and the largest real samples in ../shared. Each conversion runs in a child
 * process of its own, so its peak RSS is its own; seconds count the conversion after module loading and a warm-up
 * (a first, untimed conversion of the same input when it is under 20 MB, else of a small fixture), so they show
 * steady-state throughput. The 40 MB gml:pos town is timed whole-process instead (spawn to exit, no warm-up, module
 * loading included; TwinBy as the twinby-convert CLI), the issue's comparison. Prints a table; asserts nothing.
 *
 *   npm run bench:convert [-- --quick] [-- --njam-timeout 240] [-- --keep]
 * Ends with reader/converter MB/s per core on gml:posList vs gml:pos rings (convert/coordinate-styles.ts).
 *   --quick          only the 1k town and the real samples
 *   --only <text>    only the inputs whose label contains the text (e.g. "whole process")
 *   --njam-timeout   seconds before a citygml-to-3dtiles run is stopped and reported as such (default 240)
 */
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseSrsName, PROJ_DEFINITIONS } from '../../src/core/geo';
import { generateTown } from '../../tools/make-demo/generate-town';
import { coordinateStyles } from './convert/coordinate-styles';
import { packedCli } from '../helpers/packed-cli';
import type { CoordinateStyle } from '../../tools/make-demo/citygml-writer';
import { CONVERT_MALLOC_ENV, CONVERT_PROCESS_FLAGS } from '../../tools/convert/worker-limits';

const root = resolve(import.meta.dirname, '../..');
const data = resolve(root, '../shared/data/citygml');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const njamTimeout = Number(args[args.indexOf('--njam-timeout') + 1]) || 240;
/** Only the inputs whose label contains this text, e.g. `--only "whole process"`. */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const TWINBY_TIMEOUT_S = 1800;
/** The synthetic town writes about 8.9 MB per 1,000 buildings. */
const BUILDINGS_FOR_150_MB = 17_000;
/** In gml:pos rings it writes about 9.6 MB per 1,000. */
const POS_BUILDINGS_FOR_40_MB = 4_200;
/** Inputs up to this size are converted twice and timed the second time (steady state); larger ones after a small fixture. */
const WARM_UP_ON_INPUT_BYTES = 20e6;
const FIXTURE = resolve(root, 'tests/fixtures/citygml/adv-lod2-citygml1.gml');
let packed: Awaited<ReturnType<typeof packedCli>> | undefined;
const warmUpFor = (input: Input) => (input.wholeProcess ? 'none' : statSync(input.path).size <= WARM_UP_ON_INPUT_BYTES ? input.path : FIXTURE);

interface Input {
  label: string;
  path: string;
  synthetic: boolean;
  /** Timed from spawn to exit, without a warm-up (start-up included). */
  wholeProcess?: boolean;
}

interface Measure {
  seconds: number;
  buildings: number;
  rssBytes: number;
  outBytes: number;
  failure?: string;
}

interface Row {
  input: Input;
  megabytes: number;
  twinby: Measure;
  njam: Measure | { skipped: string };
}

function run(cmd: string, argv: string[], timeoutSeconds: number, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean }>((done) => {
    const child = execFile(cmd, argv, { cwd: root, env, timeout: timeoutSeconds * 1000, maxBuffer: 256 << 20, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const timedOut = Boolean(err && (err as { killed?: boolean }).killed && child.signalCode === 'SIGKILL');
      done({ code: child.exitCode, signal: child.signalCode, stdout, stderr, timedOut });
    });
  });
}

function lastJson(text: string, prefix = ''): Record<string, unknown> | undefined {
  const line = text
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(`${prefix}{`));
  return line ? JSON.parse(line.slice(prefix.length)) : undefined;
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(dir, e.name);
    return sum + (e.isDirectory() ? dirBytes(p) : statSync(p).size);
  }, 0);
}

function failureOf(r: Awaited<ReturnType<typeof run>>, timeout: number): string {
  if (r.timedOut) return `timeout after ${timeout} s`;
  const text = `${r.stderr}\n${r.stdout}`;
  if (/heap out of memory|Allocation failed/i.test(text)) return 'out of memory';
  // The last "SomethingError: message" line says why; a crash also dumps minified source, which says nothing.
  const reason = text
    .split('\n')
    .reverse()
    .map((l) => /\b(\w*Error)(?: \[\w+\])?: (.*)/.exec(l))
    .find((m) => m !== null);
  return `exit ${r.code ?? r.signal}${reason ? `: ${reason[1]}: ${reason[2].trim().slice(0, 60)}` : ''}`;
}

/**
 * Whole process: the twinby-convert command as users run it, timed from spawn to exit. `built` is the package's bin
 * beside its dist-cli/ (packed-cli.ts), `source` a checkout's bin, which runs the TypeScript through tsx. Either way
 * the file converts in a child process (tools/convert/convert-process.ts).
 */
async function twinbyCli(input: Input, out: string, form: 'built' | 'source' = 'built'): Promise<Measure> {
  const bin = form === 'built' ? packed!.bin : resolve(root, 'tools/bin/twinby-convert.mjs');
  const env = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  const spawned = performance.now();
  const r = await run(process.execPath, [bin, input.path, '--out', out, '--json', '--force'], TWINBY_TIMEOUT_S, env);
  const seconds = (performance.now() - spawned) / 1000;
  let summary: Record<string, unknown> | undefined;
  try {
    summary = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    summary = undefined;
  }
  if (r.code !== 0 || !summary) return { seconds: NaN, buildings: 0, rssBytes: 0, outBytes: 0, failure: failureOf(r, TWINBY_TIMEOUT_S) };
  return { seconds, buildings: summary.buildings as number, rssBytes: summary.peakRssBytes as number, outBytes: dirBytes(out) };
}

async function twinby(input: Input, out: string): Promise<Measure> {
  if (input.wholeProcess) return twinbyCli(input, out);
  // the V8 flags and malloc settings the CLI gives its conversion processes (tools/convert/worker-limits.ts)
  const r = await run(process.execPath, [...CONVERT_PROCESS_FLAGS, '--import', 'tsx', 'tests/bench/convert/convert-one.ts', input.path, out, warmUpFor(input)], TWINBY_TIMEOUT_S, {
    ...CONVERT_MALLOC_ENV,
    ...process.env,
  });
  const j = lastJson(r.stdout);
  if (r.code !== 0 || !j) return { seconds: NaN, buildings: 0, rssBytes: 0, outBytes: 0, failure: failureOf(r, TWINBY_TIMEOUT_S) };
  return {
    seconds: j.seconds as number,
    buildings: j.buildings as number,
    rssBytes: j.maxRssBytes as number,
    outBytes: j.bytesWritten as number,
    failure: j.error as string | undefined,
  };
}

/** The input's first srsName, as the other converter needs its proj4 definition under that exact name. */
async function firstSrsName(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1 << 20), 0, 1 << 20, 0);
    return /srsName="([^"]+)"/.exec(buffer.subarray(0, bytesRead).toString('latin1'))?.[1];
  } finally {
    await handle.close();
  }
}

async function njam(input: Input, out: string): Promise<Measure> {
  const srsName = await firstSrsName(input.path);
  const crs = srsName ? parseSrsName(srsName) : null;
  const proj4 = crs ? PROJ_DEFINITIONS[crs.epsg] : undefined;
  const spawned = performance.now();
  const r = await run(process.execPath, ['tests/bench/convert/njam-runner.mjs', input.path, out, warmUpFor(input), srsName ?? '', proj4 ?? ''], njamTimeout);
  const j = lastJson(r.stdout, 'BENCH ');
  const found = /Found (\d+) city objects/.exec(input.wholeProcess ? r.stdout : r.stdout.slice(r.stdout.indexOf('WARMED UP')));
  if (r.code !== 0 || !j) return { seconds: NaN, buildings: 0, rssBytes: 0, outBytes: 0, failure: failureOf(r, njamTimeout) };
  const seconds = input.wholeProcess ? (performance.now() - spawned) / 1000 : (j.seconds as number);
  return { seconds, buildings: Number(found?.[1] ?? 0), rssBytes: j.maxRssBytes as number, outBytes: dirBytes(out) };
}

async function writeTown(path: string, buildings: number, coordinates?: CoordinateStyle): Promise<void> {
  const file = createWriteStream(path);
  for await (const chunk of generateTown({ buildings, seed: 2026, coordinates })) if (!file.write(chunk)) await once(file, 'drain');
  file.end();
  await once(file, 'finish');
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const perSecond = (m: Measure) => (m.failure || !m.seconds ? NaN : m.buildings / m.seconds);

function table(rows: Row[]): string {
  const head = ['input', 'MB', 'buildings', 'TwinBy s', 'MB/s', 'bldg/s', 'RSS MB', 'out B/bldg', 'njam s', 'njam bldg/s', 'njam RSS MB', 'njam B/bldg', 'bldg/s ratio'];
  const lines = rows.map(({ input, megabytes, twinby: t, njam: n }) => {
    const tw = t.failure
      ? [t.failure, '', '', '', '', '']
      : [fmt(t.seconds, 2), fmt(megabytes / t.seconds), fmt(perSecond(t), 0), fmt(t.rssBytes / 1048576, 0), fmt(t.outBytes / t.buildings, 0)];
    let nj: string[];
    if ('skipped' in n) nj = [n.skipped, '', '', '', ''];
    // A run stopped at the timeout managed fewer than buildings/timeout per second: the ratio is at least this.
    else if (n.failure) nj = [n.failure, '', '', '', n.failure.startsWith('timeout') ? `> ${fmt((perSecond(t) * njamTimeout) / t.buildings, 0)}×` : '–'];
    else nj = [fmt(n.seconds, 2), fmt(perSecond(n), 1), fmt(n.rssBytes / 1048576, 0), fmt(n.outBytes / n.buildings, 0), `${fmt(perSecond(t) / perSecond(n), 0)}×`];
    return [input.label, fmt(megabytes), String(t.buildings), ...tw.slice(0, 5), ...nj];
  });
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((l) => (l[i] ?? '').length)));
  return all.map((l) => `| ${l.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`).join('\n');
}

const work = await mkdtemp(join(tmpdir(), 'twinby-bench-convert-'));
console.log(`bench:convert on ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
try {
  const inputs: Input[] = [];
  const towns = quick ? [1_000] : [1_000, 10_000, BUILDINGS_FOR_150_MB, 100_000];
  // with --only, only the towns it names are written (the 100k town is ~900 MB)
  const wanted = (label: string) => !only || label.includes(only);
  for (const n of towns) {
    const path = join(work, `town-${n}.gml`);
    const label = n === BUILDINGS_FOR_150_MB ? `town ${n / 1000}k (~150 MB)` : `town ${n / 1000}k`;
    if (wanted(label)) {
      process.stderr.write(`generating the synthetic town with ${n.toLocaleString('en')} buildings …\n`);
      await writeTown(path, n);
      inputs.push({ label, path, synthetic: true });
    }
    if (n === 1_000 && !quick && wanted('whole process')) {
      // the issue's comparison: ~40 MB of AdV gml:pos rings, whole process (before the 10k town, whose njam run may time out)
      const posPath = join(work, 'town-pos-40mb.gml');
      process.stderr.write(`generating the gml:pos town with ${POS_BUILDINGS_FOR_40_MB.toLocaleString('en')} buildings …\n`);
      await writeTown(posPath, POS_BUILDINGS_FOR_40_MB, 'pos');
      inputs.push({ label: `town ${POS_BUILDINGS_FOR_40_MB / 1000}k gml:pos, whole process`, path: posPath, synthetic: true, wholeProcess: true });
    }
  }
  for (const rel of [
    'bayern-tum-munich-3dcitydb/TUM_Munich.gml',
    'berlin-lod2-argis/Berlin1b/3910_5820.gml',
    'berlin-lod2-argis/Berlin1b/3900_5820.gml',
    'potsdam-lod1-3dcitydb/Potsdam_LoD1.gml',
  ]) {
    const path = join(data, rel);
    if (existsSync(path)) inputs.push({ label: basename(rel), path, synthetic: false });
    else console.log(`(missing real sample ${rel}: ../shared not here)`);
  }

  const rows: Row[] = [];
  let njamGaveUpAt = Infinity;
  // the whole-process run is the published command: its bin beside dist-cli/, as `npm pack` lays them out
  if (inputs.some((i) => i.wholeProcess)) packed = await packedCli();
  for (const input of inputs.filter((i) => !only || i.label.includes(only))) {
    const megabytes = statSync(input.path).size / 1e6;
    process.stderr.write(`${input.label}: TwinBy …`);
    const t = await twinby(input, join(work, 'out-twinby'));
    let n: Row['njam'];
    if (input.synthetic && megabytes > njamGaveUpAt) {
      n = { skipped: `not run (timed out at ${fmt(njamGaveUpAt, 0)} MB)` };
    } else {
      process.stderr.write(' citygml-to-3dtiles …');
      n = await njam(input, join(work, 'out-njam'));
      if (n.failure && input.synthetic) njamGaveUpAt = Math.min(njamGaveUpAt, megabytes);
    }
    process.stderr.write(' done\n');
    rows.push({ input, megabytes, twinby: t, njam: n });
    await rm(join(work, 'out-twinby'), { recursive: true, force: true });
    await rm(join(work, 'out-njam'), { recursive: true, force: true });
    await rm(join(work, 'out-njam-warm-up'), { recursive: true, force: true });
  }

  console.log(`\n${table(rows)}\n`);
  const done = rows.filter((r) => !r.twinby.failure);
  const ratios = rows.filter((r) => !('skipped' in r.njam) && !r.njam.failure).map((r) => perSecond(r.twinby) / perSecond(r.njam as Measure));
  const big = rows.find((r) => r.input.label.includes('150 MB'));
  const mbps = done.map((r) => r.megabytes / r.twinby.seconds).sort((a, b) => a - b);
  console.log(`Goals (TwinBy converts one file on one thread, so MB/s is per core; the whole-process row includes start-up):`);
  console.log(`  ≥ 10× citygml-to-3dtiles buildings/s: smallest measured ratio ${fmt(Math.min(...ratios), 0)}× over ${ratios.length} inputs`);
  const pos = rows.find((r) => r.input.wholeProcess);
  if (pos && !pos.twinby.failure) {
    const n = 'skipped' in pos.njam || pos.njam.failure ? undefined : pos.njam;
    const ratio = n ? `${fmt(perSecond(pos.twinby) / perSecond(n), 1)}×` : `njam ${'skipped' in pos.njam ? pos.njam.skipped : pos.njam.failure}`;
    console.log(`  ≥ 10× citygml-to-3dtiles whole-process on ~40 MB of gml:pos: ${fmt(pos.megabytes)} MB, TwinBy ${fmt(perSecond(pos.twinby), 0)} bldg/s (${fmt(pos.twinby.seconds, 1)} s), ${ratio}`);
    const again = await twinbyCli(pos.input, join(work, 'out-twinby'));
    await rm(join(work, 'out-twinby'), { recursive: true, force: true });
    const fromSource = await twinbyCli(pos.input, join(work, 'out-twinby'), 'source');
    await rm(join(work, 'out-twinby'), { recursive: true, force: true });
    console.log(`    the same CLI again: built ${fmt(again.seconds, 2)} s; from a checkout's TypeScript (tsx) ${fmt(fromSource.seconds, 2)} s`);
  }
  if (big) console.log(`  peak RSS < 400 MB for a 150 MB input: ${fmt(big.twinby.rssBytes / 1048576, 0)} MB at ${fmt(big.megabytes)} MB`);
  console.log(`  ≥ 30 MB/s per core: median ${fmt(mbps[Math.floor(mbps.length / 2)])} MB/s, best ${fmt(mbps.at(-1)!)} MB/s`);
  await coordinateStyles(quick ? 500 : 2_000);
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores; other work on the machine slows every figure)`);
} finally {
  packed?.dispose();
  if (!keep) await rm(work, { recursive: true, force: true });
  else console.log(`inputs and outputs kept in ${work}`);
}
