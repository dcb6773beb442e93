/**
 * `npm run bench:memory`: peak RSS of a conversion against the number of buildings, to show that memory
 * follows the tile (buildings spilled to disk) and not the input. Each size runs in a child process of its
 * own (so its peak is its own), the synthetic town streamed from its generator; temporary data is deleted.
 * Prints the RSS curve per size (at 10 % steps of the run) and the peaks; asserts nothing. On a busy machine
 * the seconds are indicative only; the RSS figures hardly depend on load.
 *
 *   npm run bench:memory [-- --sizes 10000,100000,1000000] [-- --in-memory] [-- --lod] [-- --maps] [-- --cli]
 *   --sizes       buildings per run (default 10k, 100k and 1M: 1M is ~9 GB of CityGML and takes long)
 *   --lod         levels of detail on (as the command's default; off here unless named)
 *   --maps        at each new peak, where RSS lies (/proc/self/smaps: malloc heap, other anonymous maps, files)
 *   --in-memory   the old design (every building kept in memory until the tiles are written), for comparison
 *   --cli         through the twinby-convert command as users run it (cli-peak.ts): the peak of each of its processes
 *   --cli-file    the same, the town written to a file first (a large file is then read by a process of its own)
 *   --cli-args    more arguments for the command, e.g. --cli-args "--no-lod --jobs 1"
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CONVERT_NODE_FLAGS } from '../../../tools/convert/worker-limits';
import { convertThroughCli } from './cli-peak';

const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '10000,100000,1000000';
const sizes = sizesArg.split(',').map(Number);
const inMemory = args.includes('--in-memory');
const lod = args.includes('--lod');
const cliFile = args.includes('--cli-file');
const cli = args.includes('--cli') || cliFile;
const cliArgs = args.includes('--cli-args') ? args[args.indexOf('--cli-args') + 1].split(/\s+/).filter(Boolean) : [];
const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

interface Result {
  buildings: number;
  tiles: number;
  error?: string;
  seconds: number;
  peakMB: number;
  inputMB: number;
  outputMB: number;
  peakMaps?: { heapKB: number; anonKB: number; fileKB: number };
  curve: { s: number; rssMB: number; heapMB: number; heapTotalMB: number; externalMB: number; phase: string; buildings: number; tiles: number }[];
}

if (cli) {
  const source = cliFile ? 'a file the generator wrote first' : 'a FIFO fed by the generator';
  console.log(`bench:memory --cli ${cliArgs.join(' ')}: the twinby-convert command on ${source}; busy-machine seconds are indicative only`);
  for (const n of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'twinby-bench-memory-'));
    try {
      const r = await convertThroughCli(n, dir, cliArgs, cliFile);
      const peaks = r.peaksMB.map((p) => `${p.mb.toFixed(0)} MB (pid ${p.pid}, ${p.command})`).join('; ');
      console.log(`${n.toLocaleString('en').padStart(10)}  ${r.inputMB.toFixed(0).padStart(8)} MB  exit ${r.code}  ${r.seconds.toFixed(0)} s  ${(r.inputMB / r.seconds).toFixed(1)} MB/s  peak RSS per process: ${peaks}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  process.exit(0);
}
console.log(`bench:memory (${inMemory ? 'in-memory store, the old design' : 'spill to disk'}${lod ? ', levels of detail' : ''}); busy-machine seconds are indicative only`);
const rows: string[] = [];
for (const n of sizes) {
  const dir = await mkdtemp(join(tmpdir(), 'twinby-bench-memory-'));
  try {
    const flags = ['tsx', 'tests/bench/memory/memory-run.ts', String(n), dir, ...(inMemory ? ['--in-memory'] : []), ...(lod ? ['--lod'] : []), ...(args.includes('--maps') ? ['--maps'] : [])];
    // the V8 memory limits the CLI gives its conversion processes (the run converts on its main thread)
    const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...CONVERT_NODE_FLAGS].join(' ').trim() };
    const { stdout } = await run('npx', flags, { cwd: root, env, maxBuffer: 1 << 28 });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as Result;
    console.log(`\n${n.toLocaleString('en')} buildings: ${r.inputMB.toFixed(0)} MB CityGML → ${r.tiles} tiles, ${r.outputMB.toFixed(0)} MB, ${r.seconds.toFixed(0)} s${r.error ? `, error: ${r.error}` : ''}`);
    console.log('   time   phase     buildings   tiles   RSS MB  heap MB  heap total MB  external MB');
    for (let k = 0; k <= 10; k++) {
      const p = r.curve[Math.min(r.curve.length - 1, Math.round((k / 10) * (r.curve.length - 1)))];
      if (!p) continue;
      console.log(`${p.s.toFixed(0).padStart(6)} s  ${p.phase.padEnd(8)} ${String(p.buildings).padStart(10)} ${String(p.tiles).padStart(7)} ${p.rssMB.toFixed(0).padStart(8)} ${p.heapMB.toFixed(0).padStart(8)} ${p.heapTotalMB.toFixed(0).padStart(14)} ${p.externalMB.toFixed(0).padStart(12)}`);
    }
    const top = r.curve.reduce((a, b) => (b.rssMB > a.rssMB ? b : a), r.curve[0]);
    if (top) console.log(`highest sample: ${top.rssMB.toFixed(0)} MB (heap ${top.heapMB.toFixed(0)}, external ${top.externalMB.toFixed(0)}) at ${top.s.toFixed(0)} s, ${top.phase}, ${top.buildings} buildings, ${top.tiles} tiles`);
    const byPhase = new Map<string, number>();
    for (const p of r.curve) byPhase.set(p.phase, Math.max(byPhase.get(p.phase) ?? 0, p.rssMB));
    if (r.peakMaps) console.log(`at the peak: malloc heap ${(r.peakMaps.heapKB / 1024).toFixed(0)} MB, other anonymous ${(r.peakMaps.anonKB / 1024).toFixed(0)} MB, files ${(r.peakMaps.fileKB / 1024).toFixed(0)} MB`);
    console.log(`highest RSS by phase: ${[...byPhase].map(([phase, mb]) => `${phase} ${mb.toFixed(0)} MB`).join(', ')}`);
    rows.push(`${n.toLocaleString('en').padStart(10)}  ${r.inputMB.toFixed(0).padStart(8)} MB  peak RSS ${r.peakMB.toFixed(0).padStart(5)} MB  ${(r.inputMB / r.seconds).toFixed(1)} MB/s`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(`\nbuildings       input        peak          throughput\n${rows.join('\n')}`);
