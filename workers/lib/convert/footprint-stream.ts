/**
 * footprints.bin written building by building, in bounded memory: the same bytes as
 * encodeFootprints(collectFootprints(…)) (format: footprints/footprint-codec.ts), without ever holding the
 * whole set. Each building goes into every section as it is read (FootprintSections), through small buffers
 * that are put aside in a spool (the spill file) as they fill; once the tally is complete the layout is known and
 * each section is written at its offset. A million buildings needed ~600 MB the whole-set way; reading every
 * building back for a pass of its own cost ~45 ms of the 40 MB town's writing phase.
 */
import type { BuildingMesh } from '../mesh/building-mesh';
import { FOOTPRINT_MAGIC, FOOTPRINT_VERSION } from '../footprints/footprint-codec';
import { footprintHeight, footprintInt16, isPlannedBuilding } from './footprint-sidecar';
import { utf8Length } from '../tiles3d/utf8-strings';

type FootprintSource = Pick<BuildingMesh, 'id' | 'attributes' | 'groundHeight' | 'bbox' | 'footprint'>;

/** A file written at given offsets (pwrite in Node, a buffer elsewhere). */
export interface PositionalFile {
  /** Synchronous: the converter runs in a worker thread, and a write per buffer is cheaper than a promise per number. The bytes may be reused after the call. */
  writeAt(offset: number, bytes: Uint8Array): void;
  close(): void | Promise<void>;
  /** The write failed: release the file (and remove what was written). */
  abort?(): void;
}

const HEADER_BYTES = 32;
const ENTRY_BYTES = 16;
/** Per-section write buffer: 13 of them, so about 0.8 MB in all. */
const BUFFER_BYTES = 64 * 1024;

/** Counts what the sidecar's sections will hold, one building at a time. */
export class FootprintTally {
  count = 0;
  polygons = 0;
  rings = 0;
  vertices = 0;
  idBytes = 0;
  functionBytes = 0;

  add(id: string, fn: string | undefined, footprint: readonly (readonly Float64Array[])[]): void {
    this.count++;
    this.idBytes += utf8Length(id);
    this.functionBytes += utf8Length(fn ?? '');
    this.polygons += footprint.length;
    for (const poly of footprint) {
      this.rings += poly.length;
      for (const ring of poly) this.vertices += ring.length / 2;
    }
  }
}

const TAGS = ['IDOF', 'IDST', 'GRND', 'HGHT', 'STOR', 'POLO', 'RNGO', 'VTXO', 'CORD', 'FNOF', 'FNST', 'YEAR', 'PLAN'] as const;
type Tag = (typeof TAGS)[number];

/** Byte length of every section, in the order encodeFootprints writes them. */
function sectionLengths(t: FootprintTally): Record<Tag, number> {
  const n = t.count;
  return {
    IDOF: 4 * (n + 1),
    IDST: t.idBytes,
    GRND: 8 * n,
    HGHT: 4 * n,
    STOR: 2 * n,
    POLO: 4 * (n + 1),
    RNGO: 4 * (t.polygons + 1),
    VTXO: 4 * (t.rings + 1),
    CORD: 16 * t.vertices,
    FNOF: 4 * (n + 1),
    FNST: t.functionBytes,
    YEAR: 2 * n,
    PLAN: n,
  };
}

export interface FootprintLayout {
  totalBytes: number;
  offsets: Record<Tag, number>;
  lengths: Record<Tag, number>;
}

export function footprintLayout(tally: FootprintTally): FootprintLayout {
  const lengths = sectionLengths(tally);
  const offsets = {} as Record<Tag, number>;
  let at = align8(HEADER_BYTES + TAGS.length * ENTRY_BYTES);
  for (const tag of TAGS) {
    offsets[tag] = at;
    at = align8(at + lengths[tag]);
  }
  if (at > 0xffffffff) throw new RangeError(`footprints.bin: ${at} bytes exceed the 4 GiB limit of format version 1`);
  return { totalBytes: at, offsets, lengths };
}

/**
 * Bytes put aside while reading and read back once, in order (footprints.bin's sections): beside the buildings in
 * the spill file when they spill, in memory otherwise (BuildingStore.spool).
 */
export interface ByteSpool {
  /** Keeps a copy of `bytes` (which may be reused after the call); returns its handle. */
  put(bytes: Uint8Array): number;
  /** The bytes put under `handle`; each is taken once. */
  take(handle: number): Uint8Array;
}

/** One section's bytes: a small buffer that goes to the spool each time it fills. */
class SectionBuffer {
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private readonly view = new DataView(this.buffer.buffer);
  private fill = 0;
  /** Spool handles of the full buffers, in order. */
  readonly chunks: number[] = [];
  /** Bytes so far, spooled and buffered. */
  length = 0;

  constructor(private readonly spool: ByteSpool) {}

  private room(bytes: number): DataView {
    if (this.fill + bytes > BUFFER_BYTES) this.spill();
    this.length += bytes;
    return this.view;
  }
  u32(v: number): void {
    this.room(4).setUint32(this.fill, v, true);
    this.fill += 4;
  }
  f64(v: number): void {
    this.room(8).setFloat64(this.fill, v, true);
    this.fill += 8;
  }
  f32(v: number): void {
    this.room(4).setFloat32(this.fill, v, true);
    this.fill += 4;
  }
  i16(v: number): void {
    this.room(2).setInt16(this.fill, v, true);
    this.fill += 2;
  }
  u8(v: number): void {
    this.room(1).setUint8(this.fill, v);
    this.fill += 1;
  }
  bytes(b: Uint8Array): void {
    if (b.byteLength > BUFFER_BYTES) {
      this.spill();
      this.chunks.push(this.spool.put(b));
      this.length += b.byteLength;
      return;
    }
    this.room(b.byteLength);
    this.buffer.set(b, this.fill);
    this.fill += b.byteLength;
  }
  /** Writes the section at `start`, checks it ends where the tally said, and pads with zeros up to `paddedEnd`. */
  writeTo(file: PositionalFile, start: number, end: number, paddedEnd: number, tag: string): void {
    let at = start;
    const put = (b: Uint8Array) => {
      // a tally that disagrees with the data must not overwrite the next section
      if (at + b.byteLength > end) throw new Error(`footprints.bin: section ${tag} runs past its tallied end (byte ${end})`);
      file.writeAt(at, b);
      at += b.byteLength;
    };
    for (const handle of this.chunks) put(this.spool.take(handle));
    put(this.buffer.subarray(0, this.fill));
    if (at !== end) throw new Error(`footprints.bin: section ${tag} ends at byte ${at}, the tally said ${end}`);
    if (paddedEnd > end) file.writeAt(end, new Uint8Array(paddedEnd - end));
  }
  private spill(): void {
    if (this.fill === 0) return;
    this.chunks.push(this.spool.put(this.buffer.subarray(0, this.fill)));
    this.fill = 0;
  }
}

/**
 * footprints.bin gathered building by building while the buildings are read (add), so writing it at the end (writeTo)
 * reads nothing back but its own sections. `tally` counts what the sections hold for the header and the layout.
 * Memory: 13 small buffers; the rest waits in the spool. Same bytes as encodeFootprints(collectFootprints(…)).
 */
export class FootprintSections {
  readonly tally = new FootprintTally();
  private readonly w = {} as Record<Tag, SectionBuffer>;
  private readonly encoder = new TextEncoder();
  private idAt = 0;
  private fnAt = 0;
  private polygons = 0;
  private rings = 0;
  private vertices = 0;

  constructor(spool: ByteSpool) {
    for (const tag of TAGS) this.w[tag] = new SectionBuffer(spool);
    for (const tag of ['IDOF', 'FNOF', 'POLO', 'RNGO', 'VTXO'] as const) this.w[tag].u32(0);
  }

  get count(): number {
    return this.tally.count;
  }

  add(r: FootprintSource): void {
    const { w } = this;
    this.tally.add(r.id, r.attributes.function, r.footprint);
    const id = this.encoder.encode(r.id);
    const fn = this.encoder.encode(r.attributes.function ?? '');
    this.idAt += id.byteLength;
    this.fnAt += fn.byteLength;
    w.IDST.bytes(id);
    w.IDOF.u32(this.idAt);
    w.FNST.bytes(fn);
    w.FNOF.u32(this.fnAt);
    w.GRND.f64(r.groundHeight);
    w.HGHT.f32(footprintHeight(r));
    w.STOR.i16(footprintInt16(r.attributes.storeysAboveGround));
    w.YEAR.i16(footprintInt16(r.attributes.yearOfConstruction));
    w.PLAN.u8(isPlannedBuilding(r.attributes.generic) ? 1 : 0);
    for (const poly of r.footprint) {
      for (const ring of poly) {
        for (let j = 0; j < ring.length; j++) w.CORD.f64(ring[j]);
        this.vertices += ring.length / 2;
        w.VTXO.u32(this.vertices);
        this.rings++;
      }
      w.RNGO.u32(this.rings);
      this.polygons++;
    }
    w.POLO.u32(this.polygons);
  }

  /** Writes footprints.bin (footprints in CRS `epsg`) into `file` and closes it; returns its size. Once only. */
  async writeTo(file: PositionalFile, epsg: number, pause?: () => Promise<unknown>): Promise<number> {
    const { tally } = this;
    const layout = footprintLayout(tally);
    const header = new Uint8Array(layout.offsets.IDOF);
    const hv = new DataView(header.buffer);
    writeTag(header, 0, FOOTPRINT_MAGIC);
    [FOOTPRINT_VERSION, epsg, tally.count, tally.polygons, tally.rings, tally.vertices, TAGS.length].forEach((v, i) => hv.setUint32(4 + i * 4, v, true));
    TAGS.forEach((tag, i) => {
      const e = HEADER_BYTES + i * ENTRY_BYTES;
      writeTag(header, e, tag);
      hv.setUint32(e + 4, layout.offsets[tag], true);
      hv.setUint32(e + 8, layout.lengths[tag], true);
    });
    try {
      file.writeAt(0, header);
      for (let t = 0; t < TAGS.length; t++) {
        const tag = TAGS[t];
        const next = t + 1 < TAGS.length ? layout.offsets[TAGS[t + 1]] : layout.totalBytes;
        this.w[tag].writeTo(file, layout.offsets[tag], layout.offsets[tag] + layout.lengths[tag], next, tag);
        await pause?.();
      }
    } catch (err) {
      file.abort?.();
      throw err;
    }
    await file.close();
    return layout.totalBytes;
  }
}

/** An in-memory spool (a dataset that does not spill: the browser's converter, tests). */
export class MemorySpool implements ByteSpool {
  private readonly chunks: (Uint8Array | undefined)[] = [];
  put(bytes: Uint8Array): number {
    this.chunks.push(bytes.slice());
    return this.chunks.length - 1;
  }
  take(handle: number): Uint8Array {
    const bytes = this.chunks[handle];
    if (!bytes) throw new RangeError(`no spooled chunk ${handle}`);
    this.chunks[handle] = undefined;
    return bytes;
  }
}

/** A PositionalFile over one buffer of the final size: for sinks that take whole files (the browser worker). */
export function bufferFile(size: number, done: (bytes: Uint8Array<ArrayBuffer>) => void | Promise<void>): PositionalFile {
  const out = new Uint8Array(size);
  return {
    writeAt(offset, bytes) {
      if (offset + bytes.byteLength > size) throw new RangeError(`footprints.bin: write at ${offset}+${bytes.byteLength} past ${size}`);
      out.set(bytes, offset);
    },
    close: () => done(out),
  };
}

function writeTag(out: Uint8Array, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) out[at + i] = tag.charCodeAt(i);
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
