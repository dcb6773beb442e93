/**
 * A file read in chunks into one buffer that is filled again for each chunk. createReadStream allocates a fresh
 * buffer per chunk, and the kernel's copy into it touched every page anew: a fifth of a conversion's page faults
 * (40 MB town: ~6,000), which cost ~10 µs each on a virtual machine. A chunk is valid until the next one is asked
 * for: the CityGML reader decodes each chunk to text before it asks (xml-bytes.ts copies what it keeps).
 */
import { open } from 'node:fs/promises';

/** 1 MiB: large enough for the XML tokenizer to run at full speed, small enough to stay streaming. */
export const CHUNK_BYTES = 1 << 20;

export async function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(chunkBytes);
    for (;;) {
      // null: from the current position, so a pipe (FIFO) reads as a file does
      const { bytesRead } = await file.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
