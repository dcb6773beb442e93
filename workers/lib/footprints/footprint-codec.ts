/**
 * The footprint sidecar (`footprints.bin`): a FootprintSet as one little-endian buffer.
 *
 * Layout (version 1), every number little-endian:
 *   0  "TBFP"            magic
 *   4  u32 version       = 1
 *   8  u32 epsg
 *  12  u32 footprints    n
 *  16  u32 polygons      p
 *  20  u32 rings         r
 *  24  u32 vertices      v
 *  28  u32 sectionCount  s
 *  32  s × 16 bytes      section table: tag (4 ASCII), u32 byteOffset, u32 byteLength, u32 0
 *  …   sections, each starting at a multiple of 8 from the file start
 * Sections: IDOF u32[n+1] + IDST utf-8 (ids), GRND f64[n], HGHT f32[n], STOR i16[n],
 * POLO u32[n+1], RNGO u32[p+1], VTXO u32[r+1], CORD f64[2v]; optional FNOF u32[n+1] + FNST utf-8
 * (function codes), YEAR i16[n], PLAN u8[n]. Readers skip tags they do not know, so adding an
 * optional section needs no version bump.
 * Decoding returns views into the input where the alignment allows (no copy).
 */
import type { FootprintSet } from './footprint-set';
import { decodeStrings, encodeStrings } from './string-table';

export const FOOTPRINT_MAGIC = 'TBFP';
export const FOOTPRINT_VERSION = 1;
const HEADER_BYTES = 32;
const ENTRY_BYTES = 16;

type Typed = Float64Array | Float32Array | Uint32Array | Int16Array | Uint8Array;
type TypedCtor = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): Typed; new (length: number): Typed; BYTES_PER_ELEMENT: number; name: string };

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A bad sidecar: the message names the source and the byte offset. */
export class FootprintFormatError extends Error {
  constructor(source: string, byteOffset: number, message: string) {
    super(`${source}: byte ${byteOffset}: ${message}`);
    this.name = 'FootprintFormatError';
  }
}

export function encodeFootprints(set: FootprintSet): Uint8Array<ArrayBuffer> {
  const n = set.ids.length;
  const p = set.ringOffsets.length - 1;
  const r = set.vertexOffsets.length - 1;
  const v = set.coords.length / 2;
  checkSet(set, n);
  const ids = encodeStrings(set.ids);
  const sections: [string, Typed][] = [
    ['IDOF', ids.offsets],
    ['IDST', ids.bytes],
    ['GRND', set.groundHeights],
    ['HGHT', set.heights],
    ['STOR', set.storeys],
    ['POLO', set.polygonOffsets],
    ['RNGO', set.ringOffsets],
    ['VTXO', set.vertexOffsets],
    ['CORD', set.coords],
  ];
  if (set.functions) {
    const fn = encodeStrings(set.functions);
    sections.push(['FNOF', fn.offsets], ['FNST', fn.bytes]);
  }
  if (set.yearsOfConstruction) sections.push(['YEAR', set.yearsOfConstruction]);
  if (set.planned) sections.push(['PLAN', set.planned]);

  let at = align8(HEADER_BYTES + sections.length * ENTRY_BYTES);
  const placed = sections.map(([tag, data]) => {
    const entry = { tag, data, offset: at };
    at = align8(at + data.byteLength);
    return entry;
  });
  if (at > 0xffffffff) throw new RangeError(`encodeFootprints: ${at} bytes exceed the 4 GiB limit of format version 1`);
  const out = new Uint8Array(at);
  const view = new DataView(out.buffer);
  writeTag(out, 0, FOOTPRINT_MAGIC);
  [FOOTPRINT_VERSION, set.epsg, n, p, r, v, sections.length].forEach((value, i) => view.setUint32(4 + i * 4, value, true));
  placed.forEach(({ tag, data, offset }, i) => {
    const e = HEADER_BYTES + i * ENTRY_BYTES;
    writeTag(out, e, tag);
    view.setUint32(e + 4, offset, true);
    view.setUint32(e + 8, data.byteLength, true);
    writeSection(out, offset, data);
  });
  return out;
}

export interface DecodeOptions {
  /** Named in error messages, e.g. the sidecar's URL. */
  source?: string;
}

export function decodeFootprints(input: Uint8Array | ArrayBuffer, options: DecodeOptions = {}): FootprintSet {
  const source = options.source ?? 'footprints.bin';
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length < HEADER_BYTES) throw new FootprintFormatError(source, 0, `${bytes.length} bytes is too short for a footprint file`);
  const magic = readTag(bytes, 0);
  if (magic !== FOOTPRINT_MAGIC) throw new FootprintFormatError(source, 0, `not a TwinBy footprint file (magic "${magic}", expected "TBFP")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const version = u32(4);
  if (version !== FOOTPRINT_VERSION) throw new FootprintFormatError(source, 4, `unsupported version ${version} (this reader knows ${FOOTPRINT_VERSION})`);
  const [epsg, n, p, r, v, count] = [u32(8), u32(12), u32(16), u32(20), u32(24), u32(28)];
  if (HEADER_BYTES + count * ENTRY_BYTES > bytes.length) throw new FootprintFormatError(source, 28, `section table of ${count} entries runs past the end`);

  const table = new Map<string, { offset: number; length: number; entry: number }>();
  for (let i = 0; i < count; i++) {
    const e = HEADER_BYTES + i * ENTRY_BYTES;
    const offset = u32(e + 4);
    const length = u32(e + 8);
    if (offset + length > bytes.length) throw new FootprintFormatError(source, e, `section ${readTag(bytes, e)} (${offset}+${length}) runs past the end (${bytes.length})`);
    table.set(readTag(bytes, e), { offset, length, entry: e });
  }
  const section = <T extends Typed>(tag: string, ctor: TypedCtor, expected: number | null, optional = false): T | undefined => {
    const s = table.get(tag);
    if (!s) {
      if (optional) return undefined;
      throw new FootprintFormatError(source, HEADER_BYTES, `required section ${tag} is missing`);
    }
    const size = ctor.BYTES_PER_ELEMENT;
    if (s.length % size !== 0 || (expected !== null && s.length !== expected * size)) {
      throw new FootprintFormatError(source, s.entry, `section ${tag} has ${s.length} bytes, expected ${expected === null ? `a multiple of ${size}` : expected * size}`);
    }
    return readSection(bytes, s.offset, s.length / size, ctor) as T;
  };

  const idOffsets = section<Uint32Array>('IDOF', Uint32Array, n + 1)!;
  const idBytes = section<Uint8Array>('IDST', Uint8Array, null)!;
  const polygonOffsets = section<Uint32Array>('POLO', Uint32Array, n + 1)!;
  const ringOffsets = section<Uint32Array>('RNGO', Uint32Array, p + 1)!;
  const vertexOffsets = section<Uint32Array>('VTXO', Uint32Array, r + 1)!;
  checkOffsets(source, table.get('IDOF')!.offset, 'IDOF', idOffsets, idBytes.length);
  checkOffsets(source, table.get('POLO')!.offset, 'POLO', polygonOffsets, p);
  checkOffsets(source, table.get('RNGO')!.offset, 'RNGO', ringOffsets, r);
  checkOffsets(source, table.get('VTXO')!.offset, 'VTXO', vertexOffsets, v);

  const set: FootprintSet = {
    epsg,
    ids: strings(source, table.get('IDST')!.offset, idOffsets, idBytes),
    groundHeights: section<Float64Array>('GRND', Float64Array, n)!,
    heights: section<Float32Array>('HGHT', Float32Array, n)!,
    storeys: section<Int16Array>('STOR', Int16Array, n)!,
    polygonOffsets,
    ringOffsets,
    vertexOffsets,
    coords: section<Float64Array>('CORD', Float64Array, 2 * v)!,
  };
  const fnOffsets = section<Uint32Array>('FNOF', Uint32Array, n + 1, true);
  if (fnOffsets) {
    const fnBytes = section<Uint8Array>('FNST', Uint8Array, null)!;
    checkOffsets(source, table.get('FNOF')!.offset, 'FNOF', fnOffsets, fnBytes.length);
    set.functions = strings(source, table.get('FNST')!.offset, fnOffsets, fnBytes);
  }
  const years = section<Int16Array>('YEAR', Int16Array, n, true);
  if (years) set.yearsOfConstruction = years;
  const planned = section<Uint8Array>('PLAN', Uint8Array, n, true);
  if (planned) set.planned = planned;
  return set;
}

function checkSet(set: FootprintSet, n: number): void {
  const want = (name: string, actual: number, expected: number) => {
    if (actual !== expected) throw new RangeError(`encodeFootprints: ${name} has length ${actual}, expected ${expected}`);
  };
  want('groundHeights', set.groundHeights.length, n);
  want('heights', set.heights.length, n);
  want('storeys', set.storeys.length, n);
  want('polygonOffsets', set.polygonOffsets.length, n + 1);
  if (set.coords.length % 2 !== 0) throw new RangeError('encodeFootprints: coords has an odd length');
  if (set.functions) want('functions', set.functions.length, n);
  if (set.yearsOfConstruction) want('yearsOfConstruction', set.yearsOfConstruction.length, n);
  if (set.planned) want('planned', set.planned.length, n);
}

function checkOffsets(source: string, at: number, tag: string, offsets: Uint32Array, end: number): void {
  if (offsets[0] !== 0) throw new FootprintFormatError(source, at, `${tag} must start at 0, found ${offsets[0]}`);
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i] < offsets[i - 1]) throw new FootprintFormatError(source, at + i * 4, `${tag}[${i}] = ${offsets[i]} is smaller than the entry before`);
  }
  const last = offsets[offsets.length - 1];
  if (last !== end) throw new FootprintFormatError(source, at + (offsets.length - 1) * 4, `${tag} ends at ${last}, expected ${end}`);
}

function strings(source: string, at: number, offsets: Uint32Array, bytes: Uint8Array): string[] {
  try {
    return decodeStrings({ offsets, bytes });
  } catch (error) {
    throw new FootprintFormatError(source, at, `invalid UTF-8 in string section (${(error as Error).message})`);
  }
}

function readSection(bytes: Uint8Array, offset: number, length: number, ctor: TypedCtor): Typed {
  const size = ctor.BYTES_PER_ELEMENT;
  const start = bytes.byteOffset + offset;
  if (littleEndianHost && start % size === 0) return new ctor(bytes.buffer, start, length);
  const copy = bytes.slice(offset, offset + length * size);
  if (!littleEndianHost) swapBytes(copy, size);
  return new ctor(copy.buffer, 0, length);
}

function writeSection(out: Uint8Array, offset: number, data: Typed): void {
  const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  out.set(raw, offset);
  if (!littleEndianHost) swapBytes(out.subarray(offset, offset + raw.length), data.BYTES_PER_ELEMENT);
}

/** Only on big-endian hosts: reverse each element's bytes in place. */
function swapBytes(bytes: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
}

function align8(x: number): number {
  return Math.ceil(x / 8) * 8;
}

function writeTag(out: Uint8Array, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) out[at + i] = tag.charCodeAt(i);
}

function readTag(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}
