/**
 * Reader and converter throughput per core on the two ways LoD2 files write rings: gml:posList (LDBV
 * Bavaria) and one gml:pos per point (AdV LoD2-DE as Hamburg writes it), on the same synthetic town
 * (tools/make-demo, `--pos`). In this process, from memory, per CPU second (so per core, and less
 * disturbed by other work than wall-clock seconds); the median of 3 runs after a warm-up. Prints only.
 */
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { readCityGML } from '../../../workers/lib/citygml/read-citygml';
import { generateTown } from '../../../tools/make-demo/generate-town';
import type { CoordinateStyle } from '../../../tools/make-demo/citygml-writer';

const CHUNK = 1 << 20;
const RUNS = 3;

async function townBytes(buildings: number, coordinates: CoordinateStyle): Promise<Uint8Array> {
  const parts: string[] = [];
  for await (const piece of generateTown({ buildings, seed: 1, coordinates })) parts.push(piece);
  return new TextEncoder().encode(parts.join(''));
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

async function cpuSeconds(work: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function medianMBps(bytes: Uint8Array, work: (bytes: Uint8Array) => Promise<void>): Promise<number> {
  await work(bytes); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) rates.push(bytes.length / 1e6 / (await cpuSeconds(() => work(bytes))));
  return rates.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const read = async (bytes: Uint8Array) => {
  for await (const b of readCityGML(chunks(bytes), { file: 'town.gml' })) void b;
};
const convert = async (bytes: Uint8Array) => {
  const summary = await convertCityGML(chunks(bytes), { write: () => {} }, { file: 'town.gml', geoid: 'none' });
  if (summary.error) throw new Error(summary.error.message);
};

/** Prints a small table: MB/s per core for reading and for the whole conversion, posList vs pos. */
export async function coordinateStyles(buildings = 2_000): Promise<void> {
  console.log(`\nRing coordinates, ${buildings.toLocaleString('en')}-building town, MB per CPU second (= per core):`);
  console.log('style      input MB   read MB/s   convert MB/s');
  for (const style of ['posList', 'pos'] as const) {
    const bytes = await townBytes(buildings, style);
    const r = await medianMBps(bytes, read);
    const c = await medianMBps(bytes, convert);
    console.log(`${style.padEnd(9)} ${(bytes.length / 1e6).toFixed(1).padStart(9)} ${r.toFixed(1).padStart(11)} ${c.toFixed(1).padStart(14)}`);
  }
  console.log('goal: ≥ 30 MB/s per core reading gml:pos (AdV LoD2-DE)');
}
