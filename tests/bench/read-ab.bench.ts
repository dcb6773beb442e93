/**
 * `npm run bench:read-ab -- <other checkout> [--rounds 5] [--runs 6]`: the CityGML reader of this checkout
 * against another one (e.g. `git worktree add --detach ../old 6e67a7c`), robust on a busy machine. Each
 * reader is bundled with esbuild; every measurement is a fresh Node process that reads the input 2 times to
 * warm up and then `runs` times, and reports its least CPU time; processes alternate between the two readers
 * for `rounds` rounds, and the least of all is kept. Inputs: TUM_Munich.gml (gml:posList, 12 MB, real) and
 * a 1,000-building gml:pos town (tools/make-demo, AdV LoD2-DE style). Prints MB per CPU second and the
 * ratio; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { generateTown } from '../../tools/make-demo/generate-town';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const other = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!other) throw new Error('usage: npm run bench:read-ab -- <other checkout> [--rounds 5] [--runs 6]');
const rounds = option('--rounds', 5);
const runs = option('--runs', 6);

const dir = mkdtempSync(join(tmpdir(), 'read-ab-'));
const CHILD = `import { readFileSync } from 'node:fs';
const { readCityGML } = await import(process.argv[2]);
const bytes = new Uint8Array(readFileSync(process.argv[3]));
async function* chunks(b) { for (let i = 0; i < b.length; i += 65536) yield b.subarray(i, i + 65536); }
let best = Infinity;
for (let r = 0; r < 2 + Number(process.argv[4]); r++) {
  const c0 = process.cpuUsage();
  for await (const b of readCityGML(chunks(bytes), { file: 'x.gml' })) void b;
  const c = process.cpuUsage(c0);
  if (r >= 2) best = Math.min(best, (c.user + c.system) / 1e6);
}
console.log(best);`;
writeFileSync(join(dir, 'child.mjs'), CHILD);

const readers: [string, string][] = [];
for (const [label, checkout] of [['other', resolve(other)], ['this', root]] as const) {
  const outfile = join(dir, `${label}.mjs`);
  await build({ entryPoints: [join(checkout, 'workers/lib/citygml/read-citygml.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
  readers.push([label, outfile]);
}
const parts: string[] = [];
for await (const piece of generateTown({ buildings: 1_000, seed: 1, coordinates: 'pos' })) parts.push(piece);
writeFileSync(join(dir, 'pos-town.gml'), parts.join(''));
const inputs = [
  ['TUM_Munich.gml (posList)', resolve(root, '../shared/data/citygml/bayern-tum-munich-3dcitydb/TUM_Munich.gml')],
  ['1,000-building town (pos)', join(dir, 'pos-town.gml')],
];

const best = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const [input, path] of inputs) {
    for (const [label, bundle] of round % 2 ? [...readers].reverse() : readers) {
      const seconds = Number(execFileSync(process.execPath, [join(dir, 'child.mjs'), bundle, path, String(runs)], { encoding: 'utf8' }));
      const key = `${input}|${label}`;
      best.set(key, Math.min(best.get(key) ?? Infinity, seconds));
    }
  }
}
console.log(`CityGML reader, this checkout against ${other} (least CPU time of ${rounds} × ${runs} runs each):`);
for (const [input, path] of inputs) {
  const mb = readFileSync(path).length / 1e6;
  const [a, b] = ['other', 'this'].map((label) => best.get(`${input}|${label}`)!);
  console.log(`  ${input}: other ${(mb / a).toFixed(1)} MB/CPU-s, this ${(mb / b).toFixed(1)} MB/CPU-s, ratio ${(a / b).toFixed(3)}`);
}
rmSync(dir, { recursive: true, force: true });
