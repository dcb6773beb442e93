/**
 * Reader throughput: `npm run bench:read` reads the largest Bavarian sample
 * (TUM_Munich.gml, 12 MB) from memory several times and prints MB/s, both per
 * wall-clock second and per CPU second of this process (= per core, and much
 * less disturbed by other work on a shared machine). For scale it also times
 * saxes alone on the same bytes.
 * `npm run bench:read -- --stream-gb 1` also streams 1 GB of repeated LDBV-style
 * buildings through the reader and prints MB/s and heap growth (flat memory).
 * Prints figures only; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { readCityGML } from '../../workers/lib/citygml/index';
import { repeatedBuildings } from '../unit/citygml/helpers/repeated-buildings';

const root = resolve(import.meta.dirname, '../..');
const sample = resolve(root, '../shared/data/citygml/bayern-tum-munich-3dcitydb/TUM_Munich.gml');
const CHUNK = 64 * 1024;
const RUNS = 8;

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(work: () => Promise<void> | void): Promise<Timing> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

/** Median after dropping the first (JIT warm-up) run. */
function median(values: number[]): number {
  const v = values.slice(1).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

function rates(label: string, mb: number, timings: Timing[]): string {
  const wall = median(timings.map((t) => t.wall));
  const cpu = median(timings.map((t) => t.cpu));
  const best = Math.min(...timings.slice(1).map((t) => t.wall));
  return `${label}: ${(mb / cpu).toFixed(1)} MB per CPU-second (median), wall ${(mb / wall).toFixed(1)} MB/s median, ${(mb / best).toFixed(1)} MB/s best`;
}

const bytes = readFileSync(sample);
const mb = bytes.length / 1e6;
let buildings = 0;
let polygons = 0;
const reader: Timing[] = [];
const saxes: Timing[] = [];
for (let run = 0; run < RUNS; run++) {
  reader.push(
    await timed(async () => {
      buildings = 0;
      polygons = 0;
      for await (const b of readCityGML(chunks(bytes))) {
        buildings++;
        polygons += b.polygons.length;
      }
    }),
  );
  saxes.push(
    await timed(() => {
      const parser = new SaxesParser({ xmlns: false, position: true });
      parser.on('opentag', () => undefined);
      parser.on('text', () => undefined);
      const decoder = new TextDecoder();
      for (let i = 0; i < bytes.length; i += CHUNK) parser.write(decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true }));
      parser.close();
    }),
  );
}
console.log(`TUM_Munich.gml ${mb.toFixed(1)} MB: ${buildings} buildings, ${polygons} polygons, ${RUNS} runs`);
console.log('  ' + rates('readCityGML', mb, reader) + `, ${(buildings / median(reader.map((t) => t.cpu))).toFixed(0)} buildings per CPU-second`);
console.log('  ' + rates('saxes alone, empty handlers', mb, saxes));

const gbArg = process.argv.indexOf('--stream-gb');
if (gbArg > 0) {
  const target = Number(process.argv[gbArg + 1] ?? 1) * 1e9;
  const heap0 = process.memoryUsage().heapUsed;
  let peakHeap = heap0;
  let n = 0;
  let read = 0;
  const t = await timed(async () => {
    for await (const _ of readCityGML(repeatedBuildings(target), { onBytes: (b) => (read = b) })) {
      if (++n % 2000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  });
  console.log(
    `Streamed ${(read / 1e9).toFixed(2)} GB: ${n} buildings in ${t.wall.toFixed(1)} s, ${(read / 1e6 / t.cpu).toFixed(1)} MB per CPU-second, ` +
      `wall ${(read / 1e6 / t.wall).toFixed(1)} MB/s; heap growth peak ${((peakHeap - heap0) / 1e6).toFixed(1)} MB, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}
