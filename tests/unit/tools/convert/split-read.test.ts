// One file read by two threads (split-point.ts, split-read.ts) gives what one reader gives: the same buildings in
// the same order, the same warnings and errors at the same lines of the file.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvertWarning, ParsedBuilding } from '../../../../workers/lib/citygml/building';
import { readCityGML } from '../../../../workers/lib/citygml/read-citygml';
import { firstMember, memberStartNear, planSplit } from '../../../../tools/convert/split-point';
import { readSplit } from '../../../../tools/convert/split-read';
import { generateTown } from '../../../../tools/make-demo/generate-town';
import { runJob, SPLIT_MIN_BYTES } from '../../../../tools/convert/convert-job';
import { readdirSync, readFileSync, statSync } from 'node:fs';

let work: string;
let town: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'twinby-split-'));
  for await (const piece of generateTown({ buildings: 120, seed: 5 })) town = (town ?? '') + piece;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Read {
  buildings: ParsedBuilding[];
  warnings: ConvertWarning[];
  error?: { message: string; line?: number; column?: number; code?: string };
  bytes: number;
}

async function collect(run: (onWarning: (w: ConvertWarning) => void, onBytes: (n: number) => void) => AsyncIterable<ParsedBuilding>): Promise<Read> {
  const out: Read = { buildings: [], warnings: [], bytes: 0 };
  try {
    for await (const b of run((w) => out.warnings.push(w), (n) => (out.bytes = n))) out.buildings.push(b);
  } catch (err) {
    const e = err as Error & { line?: number; column?: number; code?: string };
    out.error = { message: e.message, line: e.line, column: e.column, code: e.code };
  }
  return out;
}

async function bothWays(name: string, text: string): Promise<{ one: Read; two: Read }> {
  const path = join(work, name);
  await writeFile(path, text);
  const file = name;
  const one = await collect((onWarning, onBytes) => readCityGML(createReadStream(path), { file, onWarning, onBytes }));
  const plan = await planSplit(path, (await stat(path)).size);
  expect(plan, 'the file can be split').not.toBeNull();
  expect(plan!.at).toBeGreaterThan(text.length / 4);
  const two = await collect((onWarning, onBytes) => readSplit(path, plan!, { file, onWarning, onBytes }));
  return { one, two };
}

/** The town with an unresolvable xlink in the building whose id is given: a located reader warning. */
function withBadXlink(text: string, ids: string[]): string {
  for (const id of ids) text = text.replace(`gml:id="${id}">`, `gml:id="${id}">\n<bldg:lod2MultiSurface xlink:href="#nowhere-${id}"/>`);
  return text;
}

describe('reading one file in two threads', () => {
  it('gives the same buildings, in order, with the same warnings at the same lines, and counts every byte', async () => {
    const ids = [...town.matchAll(/<bldg:Building gml:id="([^"]+)"/g)].map((m) => m[1]);
    const text = withBadXlink(town, [ids[3], ids[ids.length - 5]]);
    const { one, two } = await bothWays('town.gml', text);
    expect(one.error).toBeUndefined();
    expect(one.warnings.length).toBeGreaterThanOrEqual(2);
    expect(two.buildings.length).toBe(one.buildings.length);
    expect(two.buildings).toEqual(one.buildings);
    expect(two.warnings).toEqual(one.warnings);
    expect(two.error).toBeUndefined();
    expect(two.bytes).toBe(Buffer.byteLength(text));
  });

  it('reports a fatal error in the second half at the same place as one reader, after the same buildings', async () => {
    // cut in the middle of a building near the end: truncated XML
    const cut = town.lastIndexOf('<bldg:Building', town.length - 2000) + 200;
    const { one, two } = await bothWays('cut.gml', town.slice(0, cut));
    expect(one.error?.line).toBeGreaterThan(100);
    expect(two.error).toEqual(one.error);
    expect(two.buildings).toEqual(one.buildings);
  });

  it('stops at a fatal error in the first half, as one reader does', async () => {
    const early = town.indexOf('<bldg:Building', town.length / 5);
    const broken = `${town.slice(0, early)}<bldg:Building gml:id="x" <<<${town.slice(early + 20)}`;
    const { one, two } = await bothWays('broken.gml', broken);
    expect(one.error).toBeDefined();
    expect(two.error).toEqual(one.error);
    expect(two.buildings).toEqual(one.buildings);
  });

  it('converts a file of two halves to the same files and summary as one pass', { timeout: 300_000 }, async () => {
    const path = join(work, 'big.gml');
    let text = '';
    for await (const piece of generateTown({ buildings: 2_000, seed: 9 })) text += piece;
    expect(Buffer.byteLength(text)).toBeGreaterThan(SPLIT_MIN_BYTES);
    await writeFile(path, text);
    const bytes = (await stat(path)).size;
    expect(await planSplit(path, bytes)).not.toBeNull();
    const job = (id: number, split: boolean) => ({ id, input: path, outDir: join(work, `out-${id}`), file: 'big.gml', bytes, lod: true, split, spill: join(work, `spill-${id}.bin`) });
    const one = await runJob(job(1, false));
    const two = await runJob(job(2, true));
    expect(one.error).toBeUndefined();
    expect(two).toEqual(one);
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
    expect(files(join(work, 'out-2'))).toEqual(files(join(work, 'out-1')));
    for (const f of files(join(work, 'out-1'))) expect(Buffer.compare(readFileSync(join(work, 'out-2', f)), readFileSync(join(work, 'out-1', f))), f).toBe(0);
  });

  it('splits only at a member boundary of an ASCII-compatible file whose root is a CityModel', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const head = enc('<?xml version="1.0"?>\n<!-- <x:CityModel> -->\n<core:CityModel xmlns:core="c">\n<core:cityObjectMember>');
    expect(firstMember(head)).toEqual({ root: 'core:CityModel', member: 'core:cityObjectMember', offset: head.length - '<core:cityObjectMember>'.length });
    expect(firstMember(enc('<?xml version="1.0"?><wfs:FeatureCollection><gml:featureMember>'))).toBeNull();
    expect(firstMember(Uint8Array.of(0xff, 0xfe, 0x3c, 0, 0x63, 0))).toBeNull();
    expect(firstMember(enc('<!DOCTYPE x [<!ENTITY a "b">]><CityModel><cityObjectMember>'))).toBeNull();
    // a member start in text or right after an open element is no boundary; after the previous member's end tag it is
    const window = enc('<a>&lt;<core:cityObjectMember></a><x><core:cityObjectMember></core:cityObjectMember>\n  <core:cityObjectMember>');
    expect(memberStartNear(window, 'core:cityObjectMember', 0)).toBe(window.length - '<core:cityObjectMember>'.length);
  });
});
