import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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
  it('gives the file’s bytes in order, the chunks in two buffers used in turn', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 700 }), async (content, chunkBytes) => {
        const path = join(dir, `f${n++}.bin`);
        writeFileSync(path, content);
        const got = await readAll(path, chunkBytes);
        expect(Buffer.compare(got.bytes, Buffer.from(content))).toBe(0);
        expect(got.chunks).toBe(Math.ceil(content.length / chunkBytes));
        expect(got.buffers).toBeLessThanOrEqual(2);
      }),
      { numRuns: 60 },
    );
  });

  it('closes the file when the consumer stops early, a read still under way', async () => {
    const path = join(dir, 'early.bin');
    writeFileSync(path, Buffer.alloc(10_000, 7));
    const open = () => (process.platform === 'linux' ? readdirSync('/proc/self/fd').length : 0);
    const before = open();
    const chunks = fileChunks(path, 1000);
    expect((await chunks.next()).value).toHaveLength(1000);
    if (process.platform === 'linux') expect(open()).toBe(before + 1);
    await chunks.return(undefined);
    expect(await chunks.next()).toEqual({ done: true, value: undefined });
    expect(open()).toBe(before);
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
