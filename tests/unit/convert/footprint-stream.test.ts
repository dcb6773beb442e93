import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFootprints } from '../../../workers/lib/convert/footprint-sidecar';
import { bufferFile, FootprintTally, footprintLayout, writeFootprintsStreamed, type PositionalFile } from '../../../workers/lib/convert/footprint-stream';
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

function tallyOf(buildings: Source[]): FootprintTally {
  const t = new FootprintTally();
  for (const b of buildings) t.add(b.id, b.attributes.function, b.footprint);
  return t;
}

async function streamed(buildings: Source[], tally = tallyOf(buildings)): Promise<Uint8Array> {
  let result: Uint8Array | undefined;
  const size = footprintLayout(tally).totalBytes;
  await writeFootprintsStreamed(tally, (i) => buildings[i], 25832, bufferFile(size, (b) => void (result = b)));
  return result!;
}

describe('footprints.bin written building by building', () => {
  it('is byte for byte what the whole-set encoder writes (sections far larger than the write buffers)', async () => {
    const buildings = makeBuildings(3000);
    const whole = encodeFootprints(collectFootprints(buildings.length, (i) => buildings[i], 25832));
    const bytes = await streamed(buildings);
    expect(bytes.byteLength).toBe(whole.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(whole))).toBe(true);
    const set = decodeFootprints(bytes);
    expect(set.ids[7]).toBe('Gebäude_7_🏠');
    expect(set.functions![4]).toBe('Wohngebäude_ü');
    expect(set.planned![5]).toBe(1);
  });

  it('writes each section at its offset through small buffers, never the whole file at once', async () => {
    const buildings = makeBuildings(5000, 2);
    const tally = tallyOf(buildings);
    const size = footprintLayout(tally).totalBytes;
    const out = new Uint8Array(size);
    let largest = 0;
    const file: PositionalFile = {
      writeAt(offset, b) {
        largest = Math.max(largest, b.byteLength);
        out.set(b, offset);
      },
      close() {},
    };
    await writeFootprintsStreamed(tally, (i) => buildings[i], 25832, file);
    expect(size).toBeGreaterThan(1_000_000);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.from(out).equals(Buffer.from(encodeFootprints(collectFootprints(buildings.length, (i) => buildings[i], 25832))))).toBe(true);
  });

  it('an empty and a one-building set match the encoder too', async () => {
    for (const buildings of [[], makeBuildings(1, 3)]) {
      const whole = encodeFootprints(collectFootprints(buildings.length, (i) => buildings[i], 4326));
      let got: Uint8Array | undefined;
      const tally = tallyOf(buildings);
      await writeFootprintsStreamed(tally, (i) => buildings[i], 4326, bufferFile(footprintLayout(tally).totalBytes, (b) => void (got = b)));
      expect(Buffer.from(got!).equals(Buffer.from(whole))).toBe(true);
    }
  });

  it('refuses data that disagrees with the tally, naming the section, and aborts the file', async () => {
    const buildings = makeBuildings(20, 4);
    const tally = tallyOf(buildings);
    buildings[3] = { ...buildings[3], footprint: [...buildings[3].footprint, [Float64Array.of(0, 0, 1, 0, 1, 1)]] };
    let aborted = false;
    const file = { ...bufferFile(footprintLayout(tally).totalBytes, () => {}), abort: () => void (aborted = true) };
    await expect(writeFootprintsStreamed(tally, (i) => buildings[i], 25832, file)).rejects.toThrow(/footprints\.bin: section (RNGO|VTXO|CORD)/);
    expect(aborted).toBe(true);
  });

  it('lets the event loop run while it writes, and stops when the pause throws', async () => {
    const buildings = makeBuildings(10_000, 5);
    let pauses = 0;
    const pause = async () => {
      if (++pauses === 2) throw new Error('cancelled');
    };
    await expect(writeFootprintsStreamed(tallyOf(buildings), (i) => buildings[i], 25832, bufferFile(footprintLayout(tallyOf(buildings)).totalBytes, () => {}), pause)).rejects.toThrow('cancelled');
    expect(pauses).toBe(2);
  });

  it("the CLI's folder sink writes it with positional writes and removes it on abort", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinby-fp-'));
    try {
      const buildings = makeBuildings(2000, 6);
      const tally = tallyOf(buildings);
      let counted = 0;
      const sink = directorySink(dir, (n) => (counted += n));
      const size = footprintLayout(tally).totalBytes;
      await writeFootprintsStreamed(tally, (i) => buildings[i], 25832, await sink.open!('sub/footprints.bin', size));
      const onDisk = await readFile(join(dir, 'sub/footprints.bin'));
      expect(onDisk.equals(Buffer.from(encodeFootprints(collectFootprints(buildings.length, (i) => buildings[i], 25832))))).toBe(true);
      expect(counted).toBe(size);

      const broken = [...buildings];
      broken[10] = { ...broken[10], id: `${broken[10].id}-longer` };
      await expect(writeFootprintsStreamed(tally, (i) => broken[i], 25832, await sink.open!('bad/footprints.bin', size))).rejects.toThrow(/section IDST/);
      expect(await readdir(join(dir, 'bad'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
