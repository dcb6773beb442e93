/**
 * Parsed buildings as a byte stream, from a reading process to the conversion process that builds their tiles
 * (read-job.ts, convert-pipeline.ts). One frame holds a batch: the buildings without their rings, the reader
 * warnings that came before each, as JSON (exact for every string and key; -0 is marked), the bytes read so far, and,
 * in the last frame, the end or the reader's error; then the polygons' shapes as one Uint32Array and the ring
 * coordinates as one Float64Array, of which the decoded rings are views. The buildings, warnings and error that come out are those the reader gave.
 */
import type { ConvertWarning, ParsedBuilding, SurfacePolygon, SurfaceType } from '../../workers/lib/citygml/building';
import { CityGMLError } from '../../workers/lib/citygml/citygml-error';
import type { ConvertSummary } from '../../workers/types/convert';

/** "TWBF": a frame that does not start with it is a broken stream, not a batch. */
const MAGIC = 0x46425754;
/** magic, frame length, JSON text length, coordinate count, shape length, padding */
const HEAD_BYTES = 24;
/** Largest frame accepted: a reader never writes one near it (batches are small), so bigger is a broken stream. */
export const MAX_FRAME_BYTES = 1 << 30;

const SURFACE_TYPES: SurfaceType[] = ['RoofSurface', 'WallSurface', 'GroundSurface', 'ClosureSurface', 'OuterCeilingSurface', 'OuterFloorSurface', 'Unclassified'];
const SURFACE_INDEX = new Map(SURFACE_TYPES.map((t, i) => [t, i]));

/** The reader's error with its place (CityGMLError's fields), as the summary will show it. */
export type ReadError = NonNullable<ConvertSummary['error']>;

/** A building with the reader warnings that came before it; the last item of a stream may have warnings only. */
export interface FrameItem {
  warnings: ConvertWarning[];
  building?: ParsedBuilding;
}

export interface Frame {
  items: FrameItem[];
  /** Bytes of the input read so far. */
  bytes: number;
  /** The last frame of the stream. */
  end: boolean;
  error?: ReadError;
}

/**
 * Builds frames one item at a time: each building's head becomes JSON text and its rings are copied as it comes, so
 * the reader holds no parsed building past its turn (a held batch outlived the young generation: 12 % more reading
 * time, as did V8's serializer, which keeps every object it wrote until it is done).
 */
export class FrameWriter {
  private json: string[] = [];
  /** Per item: 0 warnings only, 1 a building, 2 a building whose JSON marks its -0 values; per building then its
   * polygon count, and per polygon its surface type, ring count and ring lengths. */
  private shape: number[] = [];
  private coords = new Float64Array(1 << 16);
  private coordinates = 0;

  /** Items so far in this frame. */
  get items(): number {
    return this.json.length;
  }

  /** Coordinates so far in this frame. */
  get coordinateCount(): number {
    return this.coordinates;
  }

  add(item: FrameItem): void {
    const { warnings, building } = item;
    const { shape } = this;
    if (!building) {
      this.json.push(JSON.stringify([warnings]));
      shape.push(0);
      return;
    }
    const { polygons, ...head } = building;
    // JSON has no -0 (a "-0" height or year in the file): the rare building with one keeps it by a marker
    const negativeZero = hasNegativeZero(head.attributes);
    this.json.push(negativeZero ? JSON.stringify([warnings, head], markNegativeZero) : JSON.stringify([warnings, head]));
    shape.push(negativeZero ? 2 : 1, polygons.length);
    for (const p of polygons) {
      shape.push(SURFACE_INDEX.get(p.type) ?? SURFACE_TYPES.length - 1, p.rings.length);
      for (const ring of p.rings) {
        shape.push(ring.length);
        this.reserve(ring.length);
        this.coords.set(ring, this.coordinates);
        this.coordinates += ring.length;
      }
    }
  }

  /** The frame of the items added since the last one, which it closes. */
  finish(bytes: number, end: boolean, error?: ReadError): Uint8Array {
    const text = ENCODER.encode(`[${this.json.join(',')}]\n${JSON.stringify({ bytes, end, error })}`);
    const shapeAt = align8(HEAD_BYTES + text.length);
    const coordsAt = shapeAt + align8(this.shape.length * 4);
    const out = new Uint8Array(coordsAt + this.coordinates * 8);
    const view = new DataView(out.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, out.length, true);
    view.setUint32(8, text.length, true);
    view.setUint32(12, this.coordinates, true);
    view.setUint32(16, this.shape.length, true);
    out.set(text, HEAD_BYTES);
    new Uint32Array(out.buffer, shapeAt, this.shape.length).set(this.shape);
    new Float64Array(out.buffer, coordsAt, this.coordinates).set(this.coords.subarray(0, this.coordinates));
    this.json = [];
    this.shape = [];
    this.coordinates = 0;
    return out;
  }

  private reserve(n: number): void {
    if (this.coordinates + n <= this.coords.length) return;
    const grown = new Float64Array(Math.max(this.coords.length * 2, this.coordinates + n));
    grown.set(this.coords.subarray(0, this.coordinates));
    this.coords = grown;
  }
}

/** One frame of `frame`'s items (tests, and a reader with one batch). */
export function encodeFrame(frame: Frame): Uint8Array {
  const writer = new FrameWriter();
  for (const item of frame.items) writer.add(item);
  return writer.finish(frame.bytes, frame.end, frame.error);
}

/** `bytes` is one whole frame, starting at offset 0 of its own buffer (as FrameSplitter gives them). */
export function decodeFrame(bytes: Uint8Array, file?: string): Frame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const textLength = view.getUint32(8, true);
  const coordinates = view.getUint32(12, true);
  const shapeLength = view.getUint32(16, true);
  const shapeAt = align8(HEAD_BYTES + textLength);
  const coordsAt = shapeAt + align8(shapeLength * 4);
  if (bytes.byteOffset % 8 !== 0 || coordsAt + coordinates * 8 !== bytes.length) throw broken(file, 'its sizes do not add up');
  const text = DECODER.decode(bytes.subarray(HEAD_BYTES, HEAD_BYTES + textLength));
  const cut = text.lastIndexOf('\n');
  const heads = JSON.parse(text.slice(0, cut)) as unknown[];
  const tail = JSON.parse(text.slice(cut + 1)) as { bytes: number; end: boolean; error?: ReadError };
  const shape = new Uint32Array(bytes.buffer, bytes.byteOffset + shapeAt, shapeLength);
  const coords = new Float64Array(bytes.buffer, bytes.byteOffset + coordsAt, coordinates);
  let s = 0;
  let at = 0;
  const items = heads.map((parsed): FrameItem => {
    const kind = shape[s++];
    const [warnings, head] = (kind === 2 ? reviveNegativeZero(parsed) : parsed) as [ConvertWarning[], Omit<ParsedBuilding, 'polygons'>?];
    if (kind === 0) return { warnings };
    const polygons: SurfacePolygon[] = new Array(shape[s++]);
    for (let p = 0; p < polygons.length; p++) {
      const type = SURFACE_TYPES[shape[s++]];
      const rings: Float64Array[] = new Array(shape[s++]);
      for (let r = 0; r < rings.length; r++) {
        const length = shape[s++];
        rings[r] = coords.subarray(at, at + length);
        at += length;
      }
      polygons[p] = { type, rings };
    }
    return { warnings, building: { ...head!, polygons } };
  });
  if (s !== shape.length || at !== coordinates) throw broken(file, 'its rings do not match its coordinates');
  return { items, bytes: tail.bytes, end: tail.end, error: tail.error };
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
/** Stands for -0 in a building's JSON; a string the reader cannot produce (it starts with a NUL). */
const NEGATIVE_ZERO = '\u0000-0';

function hasNegativeZero(attributes: ParsedBuilding['attributes']): boolean {
  const { measuredHeight, storeysAboveGround, yearOfConstruction, generic, parts } = attributes;
  if (Object.is(measuredHeight, -0) || Object.is(storeysAboveGround, -0) || Object.is(yearOfConstruction, -0)) return true;
  for (const key in generic) if (Object.is(generic[key], -0)) return true;
  return parts?.some((p) => Object.is(p.measuredHeight, -0) || Object.is(p.storeysAboveGround, -0)) ?? false;
}

function markNegativeZero(this: unknown, _key: string, value: unknown): unknown {
  return Object.is(value, -0) ? NEGATIVE_ZERO : value;
}

function reviveNegativeZero(value: unknown): unknown {
  if (value === NEGATIVE_ZERO) return -0;
  if (Array.isArray(value)) return value.map(reviveNegativeZero);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: reviveNegativeZero(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Cuts a byte stream into whole frames, each copied into a buffer of its own (so its coordinates are aligned). */
export class FrameSplitter {
  private frame: Uint8Array | undefined;
  private filled = 0;
  private readonly head = new Uint8Array(HEAD_BYTES);
  private headFilled = 0;

  constructor(private readonly file?: string) {}

  /** The frames this chunk completes. */
  push(chunk: Uint8Array): Uint8Array[] {
    const done: Uint8Array[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (!this.frame) {
        const take = Math.min(HEAD_BYTES - this.headFilled, chunk.length - i);
        this.head.set(chunk.subarray(i, i + take), this.headFilled);
        this.headFilled += take;
        i += take;
        if (this.headFilled < HEAD_BYTES) break;
        const view = new DataView(this.head.buffer);
        const length = view.getUint32(4, true);
        if (view.getUint32(0, true) !== MAGIC || length < HEAD_BYTES || length > MAX_FRAME_BYTES) throw broken(this.file, 'it does not start a frame');
        this.frame = new Uint8Array(length);
        this.frame.set(this.head);
        this.filled = HEAD_BYTES;
        this.headFilled = 0;
      }
      const take = Math.min(this.frame.length - this.filled, chunk.length - i);
      this.frame.set(chunk.subarray(i, i + take), this.filled);
      this.filled += take;
      i += take;
      if (this.filled === this.frame.length) {
        done.push(this.frame);
        this.frame = undefined;
      }
    }
    return done;
  }

  /** Whether part of a frame is waiting for more bytes. */
  get partial(): boolean {
    return this.frame !== undefined || this.headFilled > 0;
  }
}

export interface FrameHooks {
  file?: string;
  onWarning: (w: ConvertWarning) => void;
  onBytes: (n: number) => void;
}

/**
 * The buildings of a frame stream, with their warnings and progress told through `hooks` as the reader told them;
 * the reader's error is thrown as it was thrown there. A stream that ends before its last frame is an error: the
 * reading process stopped (code 'reader-lost').
 */
export async function* buildingsFromFrames(stream: AsyncIterable<Uint8Array>, hooks: FrameHooks): AsyncGenerator<ParsedBuilding> {
  const splitter = new FrameSplitter(hooks.file);
  for await (const chunk of stream) {
    for (const bytes of splitter.push(chunk)) {
      const frame = decodeFrame(bytes, hooks.file);
      hooks.onBytes(frame.bytes);
      for (const item of frame.items) {
        for (const w of item.warnings) hooks.onWarning(w);
        if (item.building) yield item.building;
      }
      if (frame.error) throw readError(frame.error);
      if (frame.end) return;
    }
  }
  const where = splitter.partial ? 'in the middle of a batch' : 'before the end of the file';
  throw Object.assign(new Error(`${hooks.file ?? 'The input'}: the reading process stopped ${where}`), { code: 'reader-lost', file: hooks.file });
}

/** The reader's error as the reader threw it: CityGMLError keeps its class, others their fields. */
function readError(e: ReadError): Error {
  const place = { file: e.file, line: e.line, column: e.column };
  const error = e.name === 'CityGMLError' ? new CityGMLError(e.code ?? 'invalid-xml', '', place) : Object.assign(new Error(''), place, { code: e.code });
  error.name = e.name;
  error.message = e.message;
  return error;
}

function broken(file: string | undefined, why: string): Error {
  return Object.assign(new Error(`${file ?? 'The input'}: the reading process sent a broken batch (${why})`), { code: 'reader-broken', file });
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
