/** A TilesetSink that writes into a folder, creating sub-folders on the way. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { TilesetSink } from '../../workers/lib/convert/convert-citygml';

export function directorySink(root: string, onBytes?: (n: number) => void): TilesetSink {
  const made = new Set<string>();
  return {
    async write(path, bytes) {
      const target = resolve(root, path);
      const rel = relative(root, target);
      if (rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`tileset path leaves the output folder: ${path}`);
      const dir = dirname(target);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(target, bytes);
      onBytes?.(bytes.byteLength);
    },
  };
}
