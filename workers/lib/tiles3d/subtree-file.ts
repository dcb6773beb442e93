/**
 * 3D Tiles 1.1 implicit tiling: the availability of one quadtree subtree, and its binary `.subtree` file.
 * Bits are in Morton (Z-order) order per level, levels one after the other (level l starts at (4^l − 1) / 3);
 * an all-0 or all-1 bitstream is written as a constant, as the spec recommends.
 */

/** Morton index of (x, y): the bits of x and y interleaved, x first. */
export function morton2(x: number, y: number): number {
  let m = 0;
  for (let b = 0; b < 16; b++) m += (((x >> b) & 1) + 2 * ((y >> b) & 1)) * 4 ** b;
  return m;
}

/** Index of a tile (local level l, local x, y) in a subtree's tile and content bitstreams. */
export function subtreeBit(level: number, x: number, y: number): number {
  return (4 ** level - 1) / 3 + morton2(x, y);
}

export interface SubtreeAvailability {
  /** One entry per tile of the subtree's levels: (4^levels − 1) / 3. */
  tiles: Uint8Array;
  content: Uint8Array;
  /** One entry per child subtree root: 4^levels. */
  childSubtrees: Uint8Array;
}

export function emptyAvailability(subtreeLevels: number): SubtreeAvailability {
  const tiles = (4 ** subtreeLevels - 1) / 3;
  return { tiles: new Uint8Array(tiles), content: new Uint8Array(tiles), childSubtrees: new Uint8Array(4 ** subtreeLevels) };
}

const SUBTREE_MAGIC = 0x74627573; // "subt"

/** The `.subtree` file: 24-byte header, JSON padded with spaces to 8 bytes, one buffer of bitstreams each 8-byte aligned. */
export function encodeSubtree(a: SubtreeAvailability): Uint8Array {
  const views: { buffer: 0; byteOffset: number; byteLength: number }[] = [];
  const chunks: Uint8Array[] = [];
  let length = 0;
  const field = (bits: Uint8Array) => {
    let count = 0;
    for (const b of bits) count += b ? 1 : 0;
    if (count === 0 || count === bits.length) return { constant: count === 0 ? 0 : 1 };
    const bytes = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => {
      if (bit) bytes[i >> 3] |= 1 << (i & 7);
    });
    views.push({ buffer: 0, byteOffset: length, byteLength: bytes.byteLength });
    chunks.push(bytes);
    length = align8(length + bytes.byteLength);
    return { bitstream: views.length - 1, availableCount: count };
  };
  const json: Record<string, unknown> = {
    tileAvailability: field(a.tiles),
    contentAvailability: [field(a.content)],
    childSubtreeAvailability: field(a.childSubtrees),
  };
  if (views.length) Object.assign(json, { buffers: [{ byteLength: length }], bufferViews: views });
  const raw = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = align8(raw.byteLength);
  const out = new Uint8Array(24 + jsonLength + length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, SUBTREE_MAGIC, true);
  dv.setUint32(4, 1, true);
  dv.setBigUint64(8, BigInt(jsonLength), true);
  dv.setBigUint64(16, BigInt(length), true);
  out.fill(0x20, 24, 24 + jsonLength);
  out.set(raw, 24);
  views.forEach((v, i) => out.set(chunks[i], 24 + jsonLength + v.byteOffset));
  return out;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
