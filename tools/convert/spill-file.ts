/**
 * A SpillFile on disk: appends are gathered in a 1 MiB buffer and written with writeSync; reads go
 * through the page cache with readSync and a read-ahead window. The file is removed on close (and by
 * the CLI's staging cleanup).
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { SpillFile } from '../../workers/lib/convert/building-store';

const BUFFER_BYTES = 1 << 20;
/**
 * Records are ~1.5 kB and mostly read in the order they were written (footprints.bin in file order, a tile's
 * buildings in runs): one readSync per record (~10 µs each) was ~90 ms of the 40 MB town's writing phase. The window
 * doubles while reads move forward and falls back to one small read after a jump, so random reads cost no more.
 */
const MIN_AHEAD = 4 << 10;
const MAX_AHEAD = 256 << 10;

export class DiskSpillFile implements SpillFile {
  private fd: number;
  private buffer = new Uint8Array(BUFFER_BYTES);
  private fill = 0;
  /** Bytes already on disk. */
  private written = 0;
  private window = new Uint8Array(MAX_AHEAD);
  /** File offsets the window holds: [windowStart, windowEnd). */
  private windowStart = 0;
  private windowEnd = 0;
  private ahead = MIN_AHEAD;
  /** readSync calls so far (diagnostics and tests). */
  diskReads = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  append(bytes: Uint8Array): void {
    if (this.fill + bytes.byteLength > this.buffer.byteLength) this.flush();
    if (bytes.byteLength > this.buffer.byteLength) {
      this.writeAll(bytes);
      return;
    }
    this.buffer.set(bytes, this.fill);
    this.fill += bytes.byteLength;
  }

  read(offset: number, length: number): Uint8Array {
    if (offset + length > this.written) this.flush();
    if (offset < 0 || offset + length > this.written) {
      throw new Error(`${this.path}: spill file ends at ${this.written}, ${offset + length - this.written} bytes short`);
    }
    if (offset < this.windowStart || offset + length > this.windowEnd) {
      const forward = offset >= this.windowStart && offset < this.windowEnd + this.ahead;
      this.ahead = forward ? Math.min(2 * this.ahead, MAX_AHEAD) : MIN_AHEAD;
      const size = Math.min(Math.max(length, this.ahead), this.written - offset);
      if (size > this.window.byteLength) return this.readInto(new Uint8Array(length), offset);
      this.readInto(this.window.subarray(0, size), offset);
      this.windowStart = offset;
      this.windowEnd = offset + size;
    }
    return this.window.slice(offset - this.windowStart, offset - this.windowStart + length);
  }

  bufferedBytes(): number {
    return this.buffer.byteLength;
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    rmSync(this.path, { force: true });
  }

  private readInto(out: Uint8Array, offset: number): Uint8Array {
    let done = 0;
    while (done < out.byteLength) {
      this.diskReads++;
      const n = readSync(this.fd, out, done, out.byteLength - done, offset + done);
      if (n === 0) throw new Error(`${this.path}: spill file ends at ${offset + done}, ${out.byteLength - done} bytes short`);
      done += n;
    }
    return out;
  }

  private flush(): void {
    if (this.fill === 0) return;
    this.writeAll(this.buffer.subarray(0, this.fill));
    this.fill = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.byteLength) done += writeSync(this.fd, bytes, done, bytes.byteLength - done, this.written + done);
    this.written += bytes.byteLength;
  }
}
