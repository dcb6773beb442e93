import { describe, expect, it } from 'vitest';
import { StringPool } from '../../../workers/lib/convert/string-pool';

describe('StringPool', () => {
  it('keeps one entry per distinct short value and hands back equal text', () => {
    const pool = new StringPool();
    const chunk = `${'x'.repeat(50)}urn:adv:uom:m urn:adv:uom:m 31001_1000`;
    expect(pool.intern(chunk.slice(50, 63))).toBe('urn:adv:uom:m');
    expect(pool.intern(chunk.slice(64, 77))).toBe('urn:adv:uom:m');
    expect(pool.intern(chunk.slice(78))).toBe('31001_1000');
    expect(pool.size).toBe(2);
  });

  it('does not pool long values, and stops growing at its bound', () => {
    const pool = new StringPool();
    expect(pool.intern('a'.repeat(65))).toBe('a'.repeat(65));
    expect(pool.size).toBe(0);
    for (let i = 0; i < 50_010; i++) pool.intern(`value ${i}`);
    expect(pool.size).toBe(50_000);
    expect(pool.intern('value 50009')).toBe('value 50009');
  });
});
