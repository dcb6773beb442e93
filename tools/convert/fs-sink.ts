/** A TilesetSink that writes into a folder, creating sub-folders on the way. */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { TilesetSink } from '../../workers/lib/convert/convert-citygml';

export function directorySink(root: string, onBytes?: (n: number) => void): TilesetSink {
  const made = new Set<string>();
  const place = async (path: string) => {
    const target = resolve(root, path);
    const rel = relative(root, target);
    if (rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`tileset path leaves the output folder: ${path}`);
    const dir = dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    return target;
  };
  return {
    async write(path, bytes) {
      await writeFile(await place(path), bytes);
      onBytes?.(bytes.byteLength);
    },
    // footprints.bin, written section by section at offsets (pwrite): never whole in memory
    async open(path, size) {
      const target = await place(path);
      let fd = openSync(target, 'w');
      return {
        writeAt(offset, bytes) {
          let done = 0;
          while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, offset + done);
        },
        close() {
          closeSync(fd);
          fd = -1;
          onBytes?.(size);
        },
        abort() {
          if (fd >= 0) closeSync(fd);
          fd = -1;
          rmSync(target, { force: true });
        },
      };
    },
  };
}
