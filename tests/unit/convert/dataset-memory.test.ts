import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readCityGML } from '../../../workers/lib/citygml/read-citygml';
import { DatasetBuilder } from '../../../workers/lib/convert/dataset-builder';
import { ownAttributes, ownString, ownWarning } from '../../../workers/lib/convert/own-strings';
import { generateTown } from '../../../tools/make-demo/generate-town';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The generated town as UTF-8 in 1 MB chunks, as a file stream hands it over. */
async function townBytes(buildings: number): Promise<Uint8Array[]> {
  let text = '';
  for await (const piece of generateTown({ buildings, seed: 7 })) text += piece;
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 1 << 20) chunks.push(bytes.slice(i, i + (1 << 20)));
  return chunks;
}

/** Heap plus external strings (ArrayBuffers left out: the input and the arena pages are those). */
function stringAndHeapBytes(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external - m.arrayBuffers;
}

async function readTown(chunks: Uint8Array[]): Promise<DatasetBuilder> {
  const dataset = new DatasetBuilder({ file: 'town.gml', geoid: { kind: 'none' }, warn: () => {} });
  for await (const b of readCityGML((async function* () { yield* chunks; })(), { file: 'town.gml' })) await dataset.add(b);
  return dataset;
}

describe('DatasetBuilder memory', () => {
  it('keeps no decoded input text alive once the buildings are read', async () => {
    // A small town first, so compiled code and lazily built tables are not counted.
    await readTown(await townBytes(50));
    const chunks = await townBytes(2000);
    const inputBytes = chunks.reduce((n, c) => n + c.length, 0);
    const before = stringAndHeapBytes();
    const dataset = await readTown(chunks);
    const held = stringAndHeapBytes() - before;
    expect(dataset.count).toBe(2000);
    // Slices of the reader's chunk strings would keep about the whole input (as text) alive.
    expect(held).toBeLessThan(inputBytes * 0.5);
    expect(dataset.view(0).mesh.id).toMatch(/^DEBY_LOD2_/);
  }, 60_000);

  it('copies strings and attribute records without changing them', () => {
    const big = 'x'.repeat(100) + 'DEBY_LOD2_8000001_building_id' + 'y'.repeat(100);
    const id = big.slice(100, 129);
    expect(ownString(id)).toBe('DEBY_LOD2_8000001_building_id');
    expect(ownString('short')).toBe('short');
    const attributes = { name: id, function: '31001_1000', measuredHeight: 9.5, generic: { [id]: id, storeys: 3 } };
    expect(ownAttributes(attributes)).toEqual(attributes);
    const warning = { file: 'a.gml', line: 3, column: 4, buildingId: id, code: 'x', message: `Building ${id} is odd` };
    expect(ownWarning(warning)).toEqual(warning);
  });
});
