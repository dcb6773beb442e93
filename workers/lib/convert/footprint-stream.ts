/**
 * footprints.bin written building by building, in bounded memory: the same bytes as
 * encodeFootprints(collectFootprints(…)) (format: footprints/footprint-codec.ts), without ever holding the
 * whole set. The reading phase tallies the sizes (FootprintTally), so the layout is known before the first
 * building is read back; then one pass appends each building to every section through small buffers that
 * are written at their section's offset. A million buildings needed ~600 MB the whole-set way.
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

/** One section's bytes, gathered in a small buffer and written at the section's running offset. */
class SectionWriter {
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private readonly view = new DataView(this.buffer.buffer);
  private fill = 0;
  private at: number;
  constructor(
    private readonly file: PositionalFile,
    start: number,
    private readonly end: number,
    private readonly tag: string,
  ) {
    this.at = start;
  }
  private room(bytes: number): DataView {
    if (this.fill + bytes > BUFFER_BYTES) this.flush();
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
      this.flush();
      this.put(b);
      return;
    }
    this.room(b.byteLength);
    this.buffer.set(b, this.fill);
    this.fill += b.byteLength;
  }
  /** Flushes and pads with zeros up to the next section; throws when the tally and the data disagree. */
  finish(paddedEnd: number): void {
    this.flush();
    if (this.at !== this.end) throw new Error(`footprints.bin: section ${this.tag} ends at byte ${this.at}, the tally said ${this.end}`);
    if (paddedEnd > this.end) this.file.writeAt(this.end, new Uint8Array(paddedEnd - this.end));
  }
  private flush(): void {
    if (this.fill === 0) return;
    this.put(this.buffer.subarray(0, this.fill));
    this.fill = 0;
  }
  private put(b: Uint8Array): void {
    // a tally that disagrees with the data must not overwrite the next section
    if (this.at + b.byteLength > this.end) throw new Error(`footprints.bin: section ${this.tag} runs past its tallied end (byte ${this.end})`);
    this.file.writeAt(this.at, b);
    this.at += b.byteLength;
  }
}

/**
 * Writes footprints.bin for buildings 0…count-1 (`get(i)`, footprints in CRS `epsg`) into `file`.
 * `tally` must have seen the same buildings in the same order. Memory: the section buffers and one building.
 */
export async function writeFootprintsStreamed(
  tally: FootprintTally,
  get: (i: number) => FootprintSource,
  epsg: number,
  file: PositionalFile,
  /** Awaited every few thousand buildings: lets the event loop run (a worker hears cancel); may throw to stop. */
  pause?: () => Promise<unknown>,
): Promise<number> {
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
    const w = {} as Record<Tag, SectionWriter>;
    for (const tag of TAGS) w[tag] = new SectionWriter(file, layout.offsets[tag], layout.offsets[tag] + layout.lengths[tag], tag);
    const encoder = new TextEncoder();
    let idAt = 0;
    let fnAt = 0;
    let p = 0;
    let k = 0;
    let v = 0;
    for (const tag of ['IDOF', 'FNOF', 'POLO', 'RNGO', 'VTXO'] as const) w[tag].u32(0);
    for (let i = 0; i < tally.count; i++) {
      if ((i & 4095) === 4095) await pause?.();
      const r = get(i);
      const id = encoder.encode(r.id);
      const fn = encoder.encode(r.attributes.function ?? '');
      idAt += id.byteLength;
      fnAt += fn.byteLength;
      w.IDST.bytes(id);
      w.IDOF.u32(idAt);
      w.FNST.bytes(fn);
      w.FNOF.u32(fnAt);
      w.GRND.f64(r.groundHeight);
      w.HGHT.f32(footprintHeight(r));
      w.STOR.i16(footprintInt16(r.attributes.storeysAboveGround));
      w.YEAR.i16(footprintInt16(r.attributes.yearOfConstruction));
      w.PLAN.u8(isPlannedBuilding(r.attributes.generic) ? 1 : 0);
      for (const poly of r.footprint) {
        for (const ring of poly) {
          for (let j = 0; j < ring.length; j++) w.CORD.f64(ring[j]);
          v += ring.length / 2;
          w.VTXO.u32(v);
          k++;
        }
        w.RNGO.u32(k);
        p++;
      }
      w.POLO.u32(p);
    }
    for (let t = 0; t < TAGS.length; t++) {
      const next = t + 1 < TAGS.length ? layout.offsets[TAGS[t + 1]] : layout.totalBytes;
      w[TAGS[t]].finish(next);
    }
  } catch (err) {
    file.abort?.();
    throw err;
  }
  await file.close();
  return layout.totalBytes;
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
