/**
 * A file read in chunks into two buffers that are filled again in turn. createReadStream allocated a fresh buffer per
 * chunk, touching new memory each time; and one buffer read only when asked for left the converter waiting on every
 * read (~40 ms idle on the 40 MB town): the next chunk is read while the consumer works on this one. A chunk is valid
 * until the next one is asked for; the CityGML reader decodes each chunk to text before it asks (xml-bytes.ts copies
 * what it keeps).
 */
import { open } from 'node:fs/promises';

/** 1 MiB: large enough for the XML tokenizer to run at full speed, small enough to stay streaming. */
export const CHUNK_BYTES = 1 << 20;

export async function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  const buffers = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)];
  // null: from the current position, so a pipe (FIFO) reads as a file does
  const read = (buffer: Uint8Array) => file.read(buffer, 0, chunkBytes, null);
  let pending: ReturnType<typeof read> | undefined = read(buffers[0]);
  try {
    for (let turn = 0; ; turn ^= 1) {
      const { bytesRead } = await pending!;
      pending = undefined;
      if (bytesRead === 0) return;
      pending = read(buffers[turn ^ 1]);
      yield buffers[turn].subarray(0, bytesRead);
    }
  } finally {
    // a read still under way must end before the file closes
    await pending?.catch(() => undefined);
    await file.close();
  }
}
