/**
 * `npm run fuzz [-- --runs N --seed S]`: the hostile-input cases of the test suite at nightly size.
 * Seeded (the same seed finds the same inputs), it mutates the GML/XPlanung/GeoJSON bases and a CityGML
 * file, prints inputs per second and how many inputs ended in each outcome, and exits 1 on a finding
 * (printing the input's seed and path so it can be replayed). Figures from a busy machine mean little.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { CityGMLError } from '../../workers/lib/citygml/citygml-error';
import { readCityGML } from '../../workers/lib/citygml/read-citygml';
import { BASES, classify, junk, mutations, type Outcome } from '../../tests/fuzz/gml-fuzz';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string', default: '14' } } });
const runs = Number(values.runs);
const seed = Number(values.seed);

async function* once(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function classifyCityGML(input: string | Uint8Array, chunk: number): Promise<{ outcome: Outcome; detail?: string }> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let buildings = 0;
  try {
    for await (const b of readCityGML(once(bytes, chunk), { file: 'fuzz-input' })) {
      buildings++;
      for (const p of b.polygons) for (const r of p.rings) if (!r.every(Number.isFinite)) return { outcome: 'finding', detail: 'non-finite coordinate' };
    }
    return { outcome: buildings ? 'features' : 'empty' };
  } catch (err) {
    if (err instanceof CityGMLError && (err.code === 'empty-input' || err.line !== undefined)) return { outcome: 'located-error' };
    return { outcome: 'finding', detail: `${(err as Error)?.name}: ${(err as Error)?.message}` };
  }
}

const cityGML = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/citygml/adv-lod2-citygml1.gml'), 'utf8');
let findings = 0;

async function campaign(name: string, arb: fc.Arbitrary<string | Uint8Array>, check: (input: string | Uint8Array) => Promise<{ outcome: Outcome; detail?: string }>) {
  const counts: Record<Outcome, number> = { features: 0, empty: 0, 'located-error': 0, finding: 0 };
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      const { outcome, detail } = await check(input);
      counts[outcome]++;
      if (outcome === 'finding') throw new Error(detail);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  ).catch((err: Error) => {
    findings++;
    console.error(`${name}: FINDING\n${err.message.split('\n').slice(0, 12).join('\n')}`);
  });
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `${name.padEnd(9)} ${String(total).padStart(7)} inputs in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s): ` +
      `${counts.features} with features, ${counts.empty} empty, ${counts['located-error']} located errors, ${counts.finding} findings`,
  );
}

console.log(`twinby fuzz: seed ${seed}, ${runs} inputs per base`);
for (const [name, base] of Object.entries(BASES)) await campaign(name, mutations(base), async (input) => classify(input));
const cityArb = fc.tuple(fc.oneof(mutations(cityGML), fc.tuple(fc.integer({ min: 0, max: cityGML.length }), junk).map(([at, j]) => cityGML.slice(0, at) + j + cityGML.slice(at))), fc.integer({ min: 1, max: 8192 }));
await campaign('citygml', cityArb.map(([input, chunk]) => ({ input, chunk }) as never), async (x) => {
  const { input, chunk } = x as unknown as { input: string | Uint8Array; chunk: number };
  return classifyCityGML(input, chunk);
});
process.exitCode = findings ? 1 : 0;
