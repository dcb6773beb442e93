import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskSpillFile } from '../../../tools/convert/spill-file';

const dir = mkdtempSync(join(tmpdir(), 'twinby-spill-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 7) & 255);

describe('DiskSpillFile', () => {
  it('reads back exactly what was appended, whatever the order of appends and reads', () => {
    let run = 0;
    const step = fc.oneof(
      fc.record({ append: fc.integer({ min: 1, max: 6000 }) }),
      fc.record({ append: fc.constant(300_000) }), // longer than the read-ahead window and the write buffer
      fc.record({ read: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 9000 })) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const file = new DiskSpillFile(join(dir, `model-${run++}.bin`));
        let model = new Uint8Array(0);
        try {
          for (const s of steps) {
            if ('append' in s) {
              const bytes = bytesOf(s.append, model.length);
              file.append(bytes);
              const grown = new Uint8Array(model.length + bytes.length);
              grown.set(model);
              grown.set(bytes, model.length);
              model = grown;
            } else if (model.length > 0) {
              const offset = Math.floor(s.read[0] * (model.length - 1));
              const length = Math.min(s.read[1], model.length - offset);
              expect(Buffer.compare(file.read(offset, length), model.subarray(offset, offset + length))).toBe(0);
            }
          }
        } finally {
          file.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads records in the order they were written with a few large reads, and a jump with one small one', () => {
    const file = new DiskSpillFile(join(dir, 'ahead.bin'));
    const record = 1500;
    for (let i = 0; i < 2000; i++) file.append(bytesOf(record, i));
    const before = file.diskReads;
    for (let i = 0; i < 2000; i++) expect(file.read(i * record, record)[0]).toBe(bytesOf(1, i)[0]);
    // 3 MB in windows growing to 256 KB: ~20 reads, not 2,000
    expect(file.diskReads - before).toBeLessThan(40);
    // a returned record is a copy: the next reads do not change it
    const kept = file.read(10 * record, record);
    file.read(1900 * record, record);
    expect(Array.from(kept)).toEqual(Array.from(bytesOf(record, 10)));
    // a read past the end is an error, not fewer bytes
    expect(() => file.read(1999 * record, record + 1)).toThrow(/spill file ends at 3000000, 1 bytes short/);
    file.close();
  });
});
