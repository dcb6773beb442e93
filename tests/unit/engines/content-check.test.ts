import { describe, expect, it } from 'vitest';
import { contentProblem } from '../../../src/engines/three/content-check.js';

function header(magic: string, length: number, declared: number, tables: number[] = []): ArrayBuffer {
  const buffer = new ArrayBuffer(length);
  const dv = new DataView(buffer);
  for (let i = 0; i < 4; i++) dv.setUint8(i, magic.charCodeAt(i));
  dv.setUint32(4, 1, true);
  dv.setUint32(8, declared, true);
  tables.forEach((t, i) => dv.setUint32(12 + 4 * i, t, true));
  return buffer;
}

describe('contentProblem', () => {
  it('passes sound headers of every kind', () => {
    expect(contentProblem(header('b3dm', 64, 64, [8, 0, 8, 0]), 'b3dm')).toBeNull();
    expect(contentProblem(header('i3dm', 64, 64, [8, 8, 0, 0, 1]), 'i3dm')).toBeNull();
    expect(contentProblem(header('pnts', 40, 40, [8, 0, 0, 0]), 'pnts')).toBeNull();
    expect(contentProblem(header('cmpt', 16, 16), 'cmpt')).toBeNull();
    expect(contentProblem(header('glTF', 20, 20), 'glb')).toBeNull();
  });

  it('names truncated files, tables past the end and unknown magics', () => {
    expect(contentProblem(header('b3dm', 40, 80), 'b3dm')).toMatch(/truncated b3dm: the header declares 80 bytes, the file has 40/);
    expect(contentProblem(header('pnts', 40, 40, [100, 0, 0, 0]), 'pnts')).toMatch(/truncated pnts: its tables need 128 bytes/);
    expect(contentProblem(header('i3dm', 20, 20), 'i3dm')).toMatch(/shorter than its 32-byte header/);
    expect(contentProblem(header('abcd', 40, 40), 'b3dm')).toMatch(/unknown tile content: the file starts with "abcd"/);
    // another plugin's format (here a subtree) is not this check's business
    expect(contentProblem(header('subt', 40, 40), 'subtree')).toBeNull();
  });
});
