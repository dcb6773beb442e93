/**
 * LoD1 blocks waiting for their parent, packed into one Float64Array per tile. As objects each block cost an
 * object, an anchor and a typed array per outline (four or five allocations), and as they outlive young-generation
 * collections every leaf's blocks went to V8's old space: with levels of detail the writing phase promoted twice the
 * bytes it did without, and the heap grew with them. A pack is one allocation; unpacking gives views on it.
 *
 * Layout per block: index, anchor x, y, z, bottom, top, area, size, roofError, outline count, then per outline
 * its number count and its x,y pairs. Doubles all: unpacked blocks are exactly the blocks packed.
 */
import type { Lod1Block } from './lod1-block';

const FIXED = 10;

export function packBlocks(blocks: readonly Lod1Block[]): Float64Array {
  let length = 0;
  for (const b of blocks) {
    length += FIXED;
    for (const o of b.outlines) length += 1 + o.length;
  }
  const pack = new Float64Array(length);
  let k = 0;
  for (const b of blocks) {
    pack[k++] = b.index;
    pack[k++] = b.anchor[0];
    pack[k++] = b.anchor[1];
    pack[k++] = b.anchor[2];
    pack[k++] = b.bottom;
    pack[k++] = b.top;
    pack[k++] = b.area;
    pack[k++] = b.size;
    pack[k++] = b.roofError;
    pack[k++] = b.outlines.length;
    for (const o of b.outlines) {
      pack[k++] = o.length;
      pack.set(o, k);
      k += o.length;
    }
  }
  return pack;
}

/** Appends the packed blocks to `into`, as views on the pack (which they keep alive). */
export function unpackBlocks(pack: Float64Array, into: Lod1Block[]): Lod1Block[] {
  let k = 0;
  while (k < pack.length) {
    const start = k;
    const outlines: Float64Array[] = [];
    const count = pack[start + 9];
    k += FIXED;
    for (let o = 0; o < count; o++) {
      const n = pack[k++];
      outlines.push(pack.subarray(k, k + n));
      k += n;
    }
    into.push({
      index: pack[start],
      anchor: pack.subarray(start + 1, start + 4),
      outlines,
      bottom: pack[start + 4],
      top: pack[start + 5],
      area: pack[start + 6],
      size: pack[start + 7],
      roofError: pack[start + 8],
    });
  }
  return into;
}

/** How many blocks a pack holds. */
export function packedCount(pack: Float64Array): number {
  let n = 0;
  for (let k = 0; k < pack.length; n++) {
    const count = pack[k + 9];
    k += FIXED;
    for (let o = 0; o < count; o++) k += 1 + pack[k];
  }
  return n;
}
