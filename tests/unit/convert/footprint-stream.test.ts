import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFootprints } from '../../../workers/lib/convert/footprint-sidecar';
import { bufferFile, FootprintSections, footprintLayout, MemorySpool, type ByteSpool, type PositionalFile } from '../../../workers/lib/convert/footprint-stream';
import { SpillStore } from '../../../workers/lib/convert/building-store';
import { DiskSpillFile } from '../../../tools/convert/spill-file';
import { decodeFootprints, encodeFootprints } from '../../../workers/lib/footprints';
import { directorySink } from '../../../tools/convert/fs-sink';
import { createRandom } from '../../../tools/make-demo/random';

type Source = Parameters<typeof collectFootprints>[1] extends (i: number) => infer R ? R : never;

/** Buildings with several polygons, holes, non-ASCII ids and functions, missing attributes. */
function makeBuildings(n: number, seed = 1): Source[] {
  const rand = createRandom(seed);
  const out: Source[] = [];
  for (let i = 0; i < n; i++) {
    const polygons = 1 + Math.floor(rand() * 3);
    const footprint: Float64Array[][] = [];
    for (let p = 0; p < polygons; p++) {
      const rings: Float64Array[] = [];
      for (let r = 0; r < 1 + Math.floor(rand() * 2); r++) rings.push(Float64Array.from({ length: 2 * (3 + Math.floor(rand() * 20)) }, () => 690000 + rand() * 1000));
      footprint.push(rings);
    }
    const id = i % 7 === 0 ? `Gebäude_${i}_🏠` : i % 11 === 0 ? `lone_\ud800_${i}` : `DEBY_LOD2_${i}`;
    out.push({
      id,
      groundHeight: 400 + rand() * 50,
      bbox: Float64Array.of(0, 0, 0, 10, 10, 420 + rand() * 30),
      footprint,
      attributes: {
        generic: i % 5 === 0 ? { planungsstatus: 'geplant' } : {},
        function: i % 3 === 0 ? undefined : i % 4 === 0 ? 'Wohngebäude_ü' : '31001_1000',
        measuredHeight: i % 2 ? 9.5 + i : undefined,
        storeysAboveGround: i % 6 ? i % 9 : undefined,
        yearOfConstruction: i % 8 ? 1900 + (i % 120) : 70000,
      },
    } as Source);
  }
  return out;
}

function sectionsOf(buildings: Source[], spool: ByteSpool = new MemorySpool()): FootprintSections {
  const sections = new FootprintSections(spool);
  for (const b of buildings) sections.add(b);
  return sections;
}

async function streamed(buildings: Source[], epsg = 25832): Promise<Uint8Array> {
  let result: Uint8Array | undefined;
  const sections = sectionsOf(buildings);
  await sections.writeTo(bufferFile(footprintLayout(sections.tally).totalBytes, (b) => void (result = b)), epsg);
  return result!;
}

const whole = (buildings: Source[], epsg = 25832) => Buffer.from(encodeFootprints(collectFootprints(buildings.length, (i) => buildings[i], epsg)));

describe('footprints.bin written building by building', () => {
  it('is byte for byte what the whole-set encoder writes (sections far larger than the write buffers)', async () => {
    const buildings = makeBuildings(3000);
    const bytes = await streamed(buildings);
    expect(Buffer.from(bytes).equals(whole(buildings))).toBe(true);
    const set = decodeFootprints(bytes);
    expect(set.ids[7]).toBe('Gebäude_7_🏠');
    expect(set.functions![4]).toBe('Wohngebäude_ü');
    expect(set.planned![5]).toBe(1);
  });

  it('holds only small buffers while reading, and writes each section at its offset through them', async () => {
    const buildings = makeBuildings(5000, 2);
    let spooled = 0;
    let largestPut = 0;
    const memory = new MemorySpool();
    const spool: ByteSpool = {
      put: (b) => {
        spooled += b.byteLength;
        largestPut = Math.max(largestPut, b.byteLength);
        return memory.put(b);
      },
      take: (h) => memory.take(h),
    };
    const sections = sectionsOf(buildings, spool);
    const size = footprintLayout(sections.tally).totalBytes;
    expect(size).toBeGreaterThan(1_000_000);
    // all but the last partial buffer of each of the 13 sections went to the spool as the buildings came
    expect(spooled).toBeGreaterThan(size - 13 * 64 * 1024);
    expect(largestPut).toBeLessThanOrEqual(64 * 1024);
    const out = new Uint8Array(size);
    let largest = 0;
    const file: PositionalFile = {
      writeAt(offset, b) {
        largest = Math.max(largest, b.byteLength);
        out.set(b, offset);
      },
      close() {},
    };
    await sections.writeTo(file, 25832);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.from(out).equals(whole(buildings))).toBe(true);
  });

  it('an empty and a one-building set match the encoder too', async () => {
    for (const buildings of [[], makeBuildings(1, 3)]) expect(Buffer.from(await streamed(buildings, 4326)).equals(whole(buildings, 4326))).toBe(true);
  });

  it('waits in the spill file between the buildings, and reads back the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinby-fp-spill-'));
    try {
      const buildings = makeBuildings(4000, 7);
      const store = new SpillStore(new DiskSpillFile(join(dir, 'spill.bin')));
      const sections = new FootprintSections(store.spool);
      // building records and footprint chunks share the file, in turn
      const mesh = { id: 'x', lod: 2, attributes: { generic: {} }, anchor: new Float64Array(3), bbox: new Float64Array(6), groundHeight: 0, footprint: [], positions: new Float32Array(9), normals: new Float32Array(9), colors: new Uint8Array(12), indices: new Uint32Array([0, 1, 2]), surfaces: [] };
      for (const b of buildings) {
        sections.add(b);
        store.store(mesh as never, new Float64Array(27), b.footprint);
      }
      let got: Uint8Array | undefined;
      await sections.writeTo(bufferFile(footprintLayout(sections.tally).totalBytes, (b) => void (got = b)), 25832);
      expect(Buffer.from(got!).equals(whole(buildings))).toBe(true);
      expect(store.view(3999).mesh.footprint).toEqual(buildings[3999].footprint);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets the event loop run while it writes, and stops when the pause throws, aborting the file', async () => {
    const buildings = makeBuildings(2000, 5);
    let pauses = 0;
    const pause = async () => {
      if (++pauses === 2) throw new Error('cancelled');
    };
    const sections = sectionsOf(buildings);
    let aborted = false;
    const file = { ...bufferFile(footprintLayout(sections.tally).totalBytes, () => {}), abort: () => void (aborted = true) };
    await expect(sections.writeTo(file, 25832, pause)).rejects.toThrow('cancelled');
    expect(pauses).toBe(2);
    expect(aborted).toBe(true);
  });

  it("the CLI's folder sink writes it with positional writes and removes it on abort", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinby-fp-'));
    try {
      const buildings = makeBuildings(2000, 6);
      let counted = 0;
      const sink = directorySink(dir, (n) => (counted += n));
      const sections = sectionsOf(buildings);
      const size = footprintLayout(sections.tally).totalBytes;
      await sections.writeTo(await sink.open!('sub/footprints.bin', size), 25832);
      expect((await readFile(join(dir, 'sub/footprints.bin'))).equals(whole(buildings))).toBe(true);
      expect(counted).toBe(size);

      const failing = sectionsOf(buildings);
      await expect(failing.writeTo(await sink.open!('bad/footprints.bin', size), 25832, async () => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
      expect(await readdir(join(dir, 'bad'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
