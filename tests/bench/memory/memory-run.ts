/**
 * One conversion for bench:memory, in a process of its own: the synthetic town (tools/make-demo) streamed
 * straight from its generator into convertCityGML (no input file, so 1M buildings need no 9 GB on disk),
 * buildings spilled to a temporary file, tiles written to a temporary folder. Prints one JSON line:
 * the RSS curve (sampled every 200 ms, with the phase and buildings read), the peak, seconds and sizes.
 *
 *   tsx tests/bench/memory/memory-run.ts <buildings> <tmpdir> [--in-memory] [--lod]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertCityGML, type ConvertProgress } from '../../../workers/lib/convert/convert-citygml';
import { generateTown } from '../../../tools/make-demo/generate-town';
import { DiskSpillFile } from '../../../tools/convert/spill-file';
import { directorySink } from '../../../tools/convert/fs-sink';

const buildings = Number(process.argv[2]);
const dir = process.argv[3];
const inMemory = process.argv.includes('--in-memory');
const lod = process.argv.includes('--lod');

let last: ConvertProgress = { bytesRead: 0, buildings: 0, tiles: 0, phase: 'reading' };
const curve: { s: number; rssMB: number; heapMB: number; heapTotalMB: number; externalMB: number; phase: string; buildings: number; tiles: number }[] = [];
const started = performance.now();
let peak = 0;
/** At each new peak: resident kB of the malloc heap ([heap], glibc's main arena), of other anonymous maps and of files. */
let peakMaps = { heapKB: 0, anonKB: 0, fileKB: 0 };
const maps = () => {
  const out = { heapKB: 0, anonKB: 0, fileKB: 0 };
  let kind: keyof typeof out = 'anonKB';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) {
      const name = line.split(/\s+/)[5] ?? '';
      kind = name === '[heap]' ? 'heapKB' : name.startsWith('/') ? 'fileKB' : 'anonKB';
    } else if (line.startsWith('Rss:')) out[kind] += Number(line.split(/\s+/)[1]);
  }
  return out;
};
const sample = () => {
  const m = process.memoryUsage();
  if (m.rss > peak + (1 << 21) && process.argv.includes('--maps')) peakMaps = maps();
  peak = Math.max(peak, m.rss);
  const mb = (n: number) => n / 2 ** 20;
  // heap = V8's JS heap in use; external = ArrayBuffer backing stores and other memory outside it
  curve.push({ s: (performance.now() - started) / 1000, rssMB: mb(m.rss), heapMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), externalMB: mb(m.external), phase: last.phase, buildings: last.buildings, tiles: last.tiles });
};
const timer = setInterval(sample, 200);

let generated = 0;
async function* input(): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = '';
  for await (const piece of generateTown({ buildings, seed: 1 })) {
    pending += piece;
    // 1 MiB chunks, as the CLI reads files
    if (pending.length >= 1 << 20) {
      const bytes = encoder.encode(pending);
      generated += bytes.byteLength;
      pending = '';
      yield bytes;
    }
  }
  if (pending) yield encoder.encode(pending);
}

let written = 0;
const summary = await convertCityGML(input(), directorySink(join(dir, 'out'), (n) => (written += n)), {
  file: 'town.gml',
  spill: inMemory ? undefined : new DiskSpillFile(join(dir, 'spill.bin')),
  lod,
  onProgress: (p) => (last = p),
});
clearInterval(timer);
sample();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ buildings: summary.buildings, tiles: summary.tiles, error: summary.error?.message, seconds, peakMB: peak / 2 ** 20, inputMB: generated / 1e6, outputMB: written / 1e6, peakMaps, curve })}\n`,
);
