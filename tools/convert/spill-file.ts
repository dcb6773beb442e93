/**
 * A SpillFile on disk: appends are gathered in a 1 MiB buffer and written with writeSync; reads go
 * through the page cache with readSync. The file is removed on close (and by the CLI's staging cleanup).
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { SpillFile } from '../../workers/lib/convert/building-store';

const BUFFER_BYTES = 1 << 20;

export class DiskSpillFile implements SpillFile {
  private fd: number;
  private buffer = new Uint8Array(BUFFER_BYTES);
  private fill = 0;
  /** Bytes already on disk. */
  private written = 0;

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
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, offset + done);
      if (n === 0) throw new Error(`${this.path}: spill file ends at ${offset + done}, ${length - done} bytes short`);
      done += n;
    }
    return out;
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
