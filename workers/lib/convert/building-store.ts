/**
 * Where converted buildings wait for their tile. Two kinds:
 * - ArenaStore keeps them in memory (GeometryArena): right for a browser worker and files of a district.
 * - SpillStore writes each building to an append-only SpillFile as one record and keeps 12 bytes per
 *   building in memory, so what the converter holds follows the tile being written, not the input.
 */
import type { BuildingMesh } from '../mesh/building-mesh';
import { GeometryArena, type BuildingView, type StoredBuilding } from './geometry-arena';
import { decodeBuilding, decodeFeature, encodeBuilding, FEATURE_HEAD_BYTES, featureJsonBytes, type BuildingFeature } from './building-record';
import { MemorySpool, type ByteSpool } from './footprint-stream';

export interface BuildingStore {
  readonly count: number;
  store(mesh: BuildingMesh, model: Float64Array, footprint: Float64Array[][]): void;
  /** Building i as views; valid until the next view() call on a spilling store. */
  view(i: number): BuildingView;
  /** Building i's feature record and model without its geometry (a parent's LoD1 block needs no more). */
  feature(i: number): BuildingFeature;
  /** Bytes of building data held in memory (geometry, attributes, record index), for diagnostics and tests. */
  heldBytes(): number;
  /** Where footprints.bin's sections wait while the buildings are read: where the buildings wait. */
  readonly spool: ByteSpool;
  close?(): void | Promise<void>;
}

/** Append-only byte storage outside the JS heap (a temporary file in Node). */
export interface SpillFile {
  append(bytes: Uint8Array): void;
  /** Bytes [offset, offset + length) of what was appended, in a fresh buffer. */
  read(offset: number, length: number): Uint8Array;
  /** Bytes held in memory (a write buffer). */
  bufferedBytes(): number;
  close(): void | Promise<void>;
}

export class ArenaStore implements BuildingStore {
  private readonly records: StoredBuilding[] = [];
  private readonly arena = new GeometryArena();
  readonly spool: ByteSpool = new MemorySpool();
  get count(): number {
    return this.records.length;
  }
  store(mesh: BuildingMesh, model: Float64Array, footprint: Float64Array[][]): void {
    this.records.push(this.arena.store(mesh, model, footprint));
  }
  view(i: number): BuildingView {
    return this.arena.view(this.records[i]);
  }
  feature(i: number): BuildingFeature {
    const { mesh, model } = this.view(i);
    return { id: mesh.id, lod: mesh.lod, attributes: mesh.attributes, model };
  }
  heldBytes(): number {
    // records: about 200 bytes of object and attributes each (a floor, not a measure)
    return this.arena.usedBytes() + this.records.length * 200;
  }
}

export class SpillStore implements BuildingStore {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private n = 0;
  private end = 0;
  /** Offsets and lengths of the spooled chunks, which share the file with the buildings. */
  private readonly chunks: number[] = [];
  readonly spool: ByteSpool = {
    put: (bytes) => {
      this.file.append(bytes);
      this.chunks.push(this.end, bytes.byteLength);
      this.end += bytes.byteLength;
      return this.chunks.length / 2 - 1;
    },
    take: (handle) => this.file.read(this.chunks[2 * handle], this.chunks[2 * handle + 1]),
  };
  constructor(private readonly file: SpillFile) {}
  get count(): number {
    return this.n;
  }
  store(mesh: BuildingMesh, model: Float64Array, footprint: Float64Array[][]): void {
    const bytes = encodeBuilding(mesh, model, footprint);
    if (this.n === this.offsets.length) {
      this.offsets = grow(this.offsets, new Float64Array(this.n * 2));
      this.lengths = grow(this.lengths, new Uint32Array(this.n * 2));
    }
    this.file.append(bytes);
    this.offsets[this.n] = this.end;
    this.lengths[this.n++] = bytes.byteLength;
    this.end += bytes.byteLength;
  }
  view(i: number): BuildingView {
    if (i < 0 || i >= this.n) throw new RangeError(`no building ${i} in the spill file`);
    return decodeBuilding(this.file.read(this.offsets[i], this.lengths[i]));
  }
  /** Two small reads (head and JSON tail) instead of the whole record with its geometry. */
  feature(i: number): BuildingFeature {
    if (i < 0 || i >= this.n) throw new RangeError(`no building ${i} in the spill file`);
    const head = this.file.read(this.offsets[i], FEATURE_HEAD_BYTES);
    const json = featureJsonBytes(head);
    return decodeFeature(head, this.file.read(this.offsets[i] + this.lengths[i] - json, json));
  }
  heldBytes(): number {
    return this.offsets.byteLength + this.lengths.byteLength + this.chunks.length * 8 + this.file.bufferedBytes();
  }
  close(): void | Promise<void> {
    return this.file.close();
  }
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
