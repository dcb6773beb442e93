// A file read in a thread of its own (threaded-read.ts) gives what the reader gives in the converting thread: the
// same buildings in the same order, the same warnings and errors at the same places, so the same files.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvertWarning, ParsedBuilding } from '../../../../workers/lib/citygml/building';
import { readCityGML } from '../../../../workers/lib/citygml/read-citygml';
import { READ_THREAD_MIN_BYTES, runJob } from '../../../../tools/convert/convert-job';
import { readInThread } from '../../../../tools/convert/threaded-read';
import { generateTown } from '../../../../tools/make-demo/generate-town';

let work: string;
let town = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'twinby-read-thread-'));
  for await (const piece of generateTown({ buildings: 120, seed: 5 })) town += piece;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Read {
  buildings: ParsedBuilding[];
  warnings: ConvertWarning[];
  error?: { name: string; message: string; line?: number; column?: number; code?: string };
  bytes: number;
}

async function collect(run: (onWarning: (w: ConvertWarning) => void, onBytes: (n: number) => void) => AsyncIterable<ParsedBuilding>): Promise<Read> {
  const out: Read = { buildings: [], warnings: [], bytes: 0 };
  try {
    for await (const b of run((w) => out.warnings.push(w), (n) => (out.bytes = n))) out.buildings.push(b);
  } catch (err) {
    const e = err as Error & { line?: number; column?: number; code?: string };
    out.error = { name: e.name, message: e.message, line: e.line, column: e.column, code: e.code };
  }
  return out;
}

async function bothWays(name: string, text: string): Promise<{ here: Read; there: Read }> {
  const path = join(work, name);
  await writeFile(path, text);
  const here = await collect((onWarning, onBytes) => readCityGML(createReadStream(path), { file: name, onWarning, onBytes }));
  const there = await collect((onWarning, onBytes) => readInThread(path, { file: name, onWarning, onBytes }));
  return { here, there };
}

describe('reading in a thread of its own', () => {
  it('gives the same buildings, in order, with the same warnings at the same places, and counts every byte', async () => {
    const ids = [...town.matchAll(/<bldg:Building gml:id="([^"]+)"/g)].map((m) => m[1]);
    let text = town;
    // unresolvable xlinks: located reader warnings, early and late in the file
    for (const id of [ids[3], ids[ids.length - 5]]) text = text.replace(`gml:id="${id}">`, `gml:id="${id}">\n<bldg:lod2MultiSurface xlink:href="#nowhere-${id}"/>`);
    const { here, there } = await bothWays('town.gml', text);
    expect(here.error).toBeUndefined();
    expect(here.warnings.length).toBeGreaterThanOrEqual(2);
    expect(there.buildings.length).toBe(ids.length);
    expect(there).toEqual(here);
    expect(there.bytes).toBe(Buffer.byteLength(text));
  });

  it('ends with the same located error after the same buildings when the file breaks off', async () => {
    const cut = town.lastIndexOf('<bldg:Building', town.length - 2000) + 200;
    const { here, there } = await bothWays('cut.gml', town.slice(0, cut));
    expect(here.error?.name).toBe('CityGMLError');
    expect(here.error?.line).toBeGreaterThan(100);
    expect(there).toEqual(here);
  });

  it('passes on an error opening the file, naming it', async () => {
    const missing = await collect((onWarning, onBytes) => readInThread(join(work, 'missing.gml'), { file: 'missing.gml', onWarning, onBytes }));
    expect(missing.buildings).toEqual([]);
    expect(missing.error?.message).toMatch(/missing\.gml/);
  });

  it('converts a file to the same files and summary as reading where it is built', { timeout: 300_000 }, async () => {
    const path = join(work, 'big.gml');
    let text = '';
    for await (const piece of generateTown({ buildings: 1_000, seed: 9 })) text += piece;
    expect(Buffer.byteLength(text)).toBeGreaterThan(READ_THREAD_MIN_BYTES);
    await writeFile(path, text);
    const bytes = (await stat(path)).size;
    const job = (id: number, readThread: boolean) => ({ id, input: path, outDir: join(work, `out-${id}`), file: 'big.gml', bytes, lod: true, readThread, spill: join(work, `spill-${id}.bin`) });
    const one = await runJob(job(1, false));
    const two = await runJob(job(2, true));
    expect(one.error).toBeUndefined();
    expect(two).toEqual(one);
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
    expect(files(join(work, 'out-2'))).toEqual(files(join(work, 'out-1')));
    for (const f of files(join(work, 'out-1'))) expect(Buffer.compare(readFileSync(join(work, 'out-2', f)), readFileSync(join(work, 'out-1', f))), f).toBe(0);
  });
});
