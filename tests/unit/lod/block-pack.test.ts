/**
 * What waits for a parent tile: LoD1 blocks packed into one array per tile (exactly the blocks packed), and the
 * buildings a parent's blocks stand for read back as feature records only, never their geometry again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lod1Block } from '../../../workers/lib/lod/lod1-block';
import { packBlocks, packedCount, unpackBlocks } from '../../../workers/lib/lod/block-pack';
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { FEATURE_HEAD_BYTES } from '../../../workers/lib/convert/building-record';
import { DiskSpillFile } from '../../../tools/convert/spill-file';
import { generateTown } from '../../../tools/make-demo/generate-town';

const dir = mkdtempSync(join(tmpdir(), 'twinby-block-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function block(index: number, outlines: number[][]): Lod1Block {
  return {
    index,
    anchor: Float64Array.of(691_234.125 + index, 5_334_567.5, 512.25),
    outlines: outlines.map((o) => Float64Array.from(o)),
    bottom: -0.1 * index,
    top: 9.75 + index / 3,
    area: 120.5 + index,
    size: Math.hypot(12, 10, 9.75 + index),
    roofError: index / 7,
  };
}

describe('packed LoD1 blocks', () => {
  it('unpack to exactly the blocks packed (several outlines, thirds and large coordinates), as views on one array', () => {
    const blocks = [block(0, [[0, 0, 10, 0, 10, 8, 0, 8]]), block(1, [[-1 / 3, 2 / 3, 4, 0, 4, 4], [10, 10, 12, 10, 11, 13]]), block(7, [])];
    const pack = packBlocks(blocks);
    expect(packedCount(pack)).toBe(3);
    const back = unpackBlocks(pack, []);
    expect(back.length).toBe(3);
    back.forEach((b, i) => {
      const a = blocks[i];
      expect({ ...b, anchor: Array.from(b.anchor), outlines: b.outlines.map((o) => Array.from(o)) }).toEqual({
        ...a,
        anchor: Array.from(a.anchor),
        outlines: a.outlines.map((o) => Array.from(o)),
      });
      // no copies: what waits is the one array
      expect(b.anchor.buffer).toBe(pack.buffer);
      for (const o of b.outlines) expect(o.buffer).toBe(pack.buffer);
    });
    // appended after what is there; an empty pack adds nothing
    expect(unpackBlocks(packBlocks([]), [blocks[0]]).length).toBe(1);
    expect(unpackBlocks(pack, [blocks[0]]).length).toBe(4);
  });
});

/** A spill file that notes every read (offset, length). */
class CountingSpill extends DiskSpillFile {
  reads: [number, number][] = [];
  /** Offset and length of everything appended: building records and footprints.bin's section buffers. */
  appends: [number, number][] = [];
  private end = 0;
  override append(bytes: Uint8Array): void {
    this.appends.push([this.end, bytes.byteLength]);
    this.end += bytes.byteLength;
    super.append(bytes);
  }
  override read(offset: number, length: number): Uint8Array {
    this.reads.push([offset, length]);
    return super.read(offset, length);
  }
}

async function convertTown(lod: boolean, spill?: DiskSpillFile) {
  const encoder = new TextEncoder();
  async function* town(): AsyncGenerator<Uint8Array> {
    for await (const piece of generateTown({ buildings: 900, seed: 5 })) yield encoder.encode(piece);
  }
  const files = new Map<string, Uint8Array>();
  const summary = await convertCityGML(town(), { write: (p, b) => void files.set(p, b) }, { file: 'town.gml', geoid: 'none', lod, spill, maxFeaturesPerTile: 60 });
  expect(summary.error).toBeUndefined();
  return files;
}

describe('parents read back feature records, not buildings', () => {
  it('reads a spilled building whole once, for its leaf: a parent block reads the record head and its JSON, footprints.bin only its own buffers', async () => {
    const spill = new CountingSpill(join(dir, 'count.bin'));
    const files = await convertTown(true, spill);
    expect([...files.keys()].filter((p) => !p.endsWith('-own.glb') && /tiles\/\d+-\d+-\d+\.glb$/.test(p)).length).toBeGreaterThan(3);
    const appended = new Map(spill.appends);
    const whole = new Map<number, number>();
    let heads = 0;
    for (const [offset, length] of spill.reads) {
      if (appended.get(offset) === length) whole.set(offset, (whole.get(offset) ?? 0) + 1);
      else if (appended.has(offset) && length === FEATURE_HEAD_BYTES) heads++;
    }
    // 900 building records, each read whole by its leaf, and footprints.bin's section buffers
    expect(whole.size).toBeGreaterThan(900);
    expect(heads).toBeGreaterThan(100); // the parents' blocks
    // never a second time: not for footprints.bin, not for a parent
    expect(Math.max(...whole.values())).toBe(1);
  }, 120_000);

  it('writes the same levels of detail, byte for byte, from the spill file as from memory', async () => {
    const inMemory = await convertTown(true);
    const spilled = await convertTown(true, new DiskSpillFile(join(dir, 'same.bin')));
    expect([...spilled.keys()].sort()).toEqual([...inMemory.keys()].sort());
    for (const [name, bytes] of inMemory) expect(Buffer.compare(spilled.get(name)!, bytes), name).toBe(0);
  }, 120_000);
});
