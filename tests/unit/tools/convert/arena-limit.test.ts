import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ARENA_LIMIT_FROM_BYTES, wantsArenaLimit } from '../../../../tools/convert/arena-limit';
import { thousands } from '../../../../tools/convert/summary';

const file = (bytes: number, regular = true) => ({ path: `/in/${bytes}.gml`, name: String(bytes), bytes, regular });

describe('when twinby-convert limits malloc arenas', () => {
  it('only for runs of 512 MB of input or more, counted over all files', () => {
    expect(wantsArenaLimit([file(40e6)])).toBe(false);
    expect(wantsArenaLimit([file(ARENA_LIMIT_FROM_BYTES - 1)])).toBe(false);
    expect(wantsArenaLimit([file(ARENA_LIMIT_FROM_BYTES)])).toBe(true);
    expect(wantsArenaLimit([file(300e6), file(300e6)])).toBe(true);
  });

  it('and for a pipe, whose size says nothing', () => {
    expect(wantsArenaLimit([file(0, false)])).toBe(true);
    expect(wantsArenaLimit([file(10e6), file(0, false)])).toBe(true);
  });
});

describe('thousands', () => {
  it('groups digits as toLocaleString("en") does, without loading ICU', () => {
    expect(thousands(0)).toBe('0');
    expect(thousands(999)).toBe('999');
    expect(thousands(1000)).toBe('1,000');
    expect(thousands(1234567)).toBe('1,234,567');
    fc.assert(fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => thousands(n) === n.toLocaleString('en')));
  });
});
