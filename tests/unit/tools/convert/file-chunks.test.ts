import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../../../tools/convert/file-chunks';

const dir = mkdtempSync(join(tmpdir(), 'twinby-file-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, chunkBytes: number) {
  const pieces: Uint8Array[] = [];
  const buffers = new Set<ArrayBufferLike>();
  for await (const chunk of fileChunks(path, chunkBytes)) {
    buffers.add(chunk.buffer);
    pieces.push(chunk.slice());
  }
  return { bytes: Buffer.concat(pieces), buffers: buffers.size, chunks: pieces.length };
}

describe('fileChunks', () => {
  it('gives the file’s bytes in order, every chunk in the same buffer', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 700 }), async (content, chunkBytes) => {
        const path = join(dir, `f${n++}.bin`);
        writeFileSync(path, content);
        const got = await readAll(path, chunkBytes);
        expect(Buffer.compare(got.bytes, Buffer.from(content))).toBe(0);
        expect(got.chunks).toBe(Math.ceil(content.length / chunkBytes));
        expect(got.buffers).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it.runIf(process.platform !== 'win32')('reads a pipe to its end', async () => {
    const fifo = join(dir, 'pipe.gml');
    execFileSync('mkfifo', [fifo]);
    const reading = readAll(fifo, 1024);
    const fd = openSync(fifo, 'w');
    for (let i = 0; i < 10; i++) writeSync(fd, Buffer.alloc(500, 65 + i));
    closeSync(fd);
    const got = await reading;
    expect(got.bytes.length).toBe(5000);
    expect(got.bytes[4999]).toBe(65 + 9);
  });
});
