/**
 * npm run make-demo -- --buildings 400 --seed 1 --out out/demo.gml [--origin 724000,5377500] [--pos]
 * --pos writes one gml:pos per point (AdV LoD2-DE as Hamburg writes it) instead of gml:posList.
 * Writes the synthetic demo town as CityGML 1.0 (streamed: any size fits in memory).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { generateTown } from './generate-town';

function option(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function fail(message: string): never {
  console.error(`make-demo: ${message}\nusage: npm run make-demo -- --buildings 400 --seed 1 --out out/demo.gml [--origin E,N]`);
  process.exit(2);
}

const buildings = Number(option('buildings', '400'));
const seed = Number(option('seed', '1'));
const out = option('out') ?? fail('--out is required');
const originText = option('origin');
const origin = originText ? (originText.split(',').map(Number) as [number, number]) : undefined;
if (!Number.isInteger(buildings) || buildings < 0) fail('--buildings must be a whole number');
if (!Number.isInteger(seed)) fail('--seed must be a whole number');
if (origin && (origin.length !== 2 || !origin.every(Number.isFinite))) fail('--origin must be "east,north"');

const target = resolve(out);
await mkdir(dirname(target), { recursive: true });
const file = createWriteStream(target);
const started = performance.now();
let bytes = 0;
const coordinates = process.argv.includes('--pos') ? 'pos' : 'posList';
for await (const chunk of generateTown({ buildings, seed, origin, coordinates })) {
  bytes += Buffer.byteLength(chunk);
  if (!file.write(chunk)) await once(file, 'drain');
}
file.end();
await once(file, 'finish');
const seconds = (performance.now() - started) / 1000;
console.log(`make-demo: ${buildings} buildings, seed ${seed} → ${target} (${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s)`);
