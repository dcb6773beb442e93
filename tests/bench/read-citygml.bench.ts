/**
 * Reader throughput: `npm run bench:read` reads the largest Bavarian sample
 * (TUM_Munich.gml, 12 MB) from memory several times and prints MB/s per core.
 * `npm run bench:read -- --stream-gb 1` also streams 1 GB of generated,
 * repeated buildings and prints MB/s and heap growth (flat memory check).
 * Prints figures only; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCityGML } from '../../workers/lib/citygml/index';
import { repeatedBuildings } from '../unit/citygml/helpers/repeated-buildings';

const root = resolve(import.meta.dirname, '../..');
const sample = resolve(root, '../shared/data/citygml/bayern-tum-munich-3dcitydb/TUM_Munich.gml');
const CHUNK = 64 * 1024;

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

async function readAll(input: AsyncIterable<Uint8Array>): Promise<{ buildings: number; polygons: number }> {
  let buildings = 0;
  let polygons = 0;
  for await (const b of readCityGML(input)) {
    buildings++;
    polygons += b.polygons.length;
  }
  return { buildings, polygons };
}

const bytes = readFileSync(sample);
const runs: number[] = [];
let counts = { buildings: 0, polygons: 0 };
for (let run = 0; run < 6; run++) {
  const t0 = performance.now();
  counts = await readAll(chunks(bytes));
  runs.push(performance.now() - t0);
}
const best = Math.min(...runs.slice(1));
const median = runs.slice(1).sort((a, b) => a - b)[Math.floor((runs.length - 1) / 2)];
const mb = bytes.length / 1e6;
console.log(`TUM_Munich.gml ${mb.toFixed(1)} MB: ${counts.buildings} buildings, ${counts.polygons} polygons`);
console.log(`  reader: best ${(mb / (best / 1000)).toFixed(1)} MB/s, median ${(mb / (median / 1000)).toFixed(1)} MB/s, ${(counts.buildings / (median / 1000)).toFixed(0)} buildings/s (first run ${(mb / (runs[0] / 1000)).toFixed(1)} MB/s, JIT warm-up)`);

const gbArg = process.argv.indexOf('--stream-gb');
if (gbArg > 0) {
  const targetBytes = Number(process.argv[gbArg + 1] ?? 1) * 1e9;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peakHeap = heap0;
  const t0 = performance.now();
  let n = 0;
  let bytesRead = 0;
  for await (const _ of readCityGML(repeatedBuildings(targetBytes), { onBytes: (b) => (bytesRead = b) })) {
    if (++n % 2000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`Streamed ${(bytesRead / 1e9).toFixed(2)} GB: ${n} buildings in ${s.toFixed(1)} s = ${(bytesRead / 1e6 / s).toFixed(1)} MB/s; heap growth peak ${((peakHeap - heap0) / 1e6).toFixed(1)} MB, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}

// For scale: saxes alone with empty handlers on the same bytes.
{
  const { SaxesParser } = await import('saxes');
  const times: number[] = [];
  for (let run = 0; run < 4; run++) {
    const t0 = performance.now();
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.on('opentag', () => undefined);
    parser.on('text', () => undefined);
    const decoder = new TextDecoder();
    for (let i = 0; i < bytes.length; i += CHUNK) parser.write(decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true }));
    parser.close();
    times.push(performance.now() - t0);
  }
  console.log(`  saxes alone (empty handlers): best ${(mb / (Math.min(...times.slice(1)) / 1000)).toFixed(1)} MB/s`);
}
