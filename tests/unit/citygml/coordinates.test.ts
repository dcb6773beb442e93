// The fast number scanner must agree with Number() on every decimal it accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberBuffer, parseCoordinatesText, parseNumberList, parseToken } from '../../../src/core/formats/gml/number-scan';

const parse = (s: string) => parseToken(s, 0, s.length);

describe('parseToken', () => {
  it('equals Number() for doubles written the ways GML writers write them', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 17 }), (v, digits) => {
        for (const s of [String(v), v.toFixed(Math.min(digits, 12)), v.toExponential(Math.min(digits, 16)), v.toPrecision(Math.max(1, digits))]) {
          if (!Number.isFinite(Number(s))) continue;
          expect(parse(s)).toBe(Number(s));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('equals Number() on UTM-like coordinates with long fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.stringMatching(/^[0-9]{0,19}$/), fc.boolean(), (int, frac, neg) => {
        const s = `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
        expect(parse(s)).toBe(Number(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns NaN for anything that is not a plain decimal', () => {
    for (const s of ['', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '1,5', 'NaN', 'Infinity', '-INF', '0x10', '1_000', '12abc', '--1']) {
      expect(parse(s), s).toBeNaN();
    }
    expect(parse('+1.5')).toBe(1.5);
    expect(parse('1.')).toBe(1);
    expect(parse('.5')).toBe(0.5);
    expect(parse('-0')).toBe(-0);
  });

  it('never accepts what Number() rejects, for arbitrary short strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-+0-9.eE]{1,12}$/), (s) => {
        const v = parse(s);
        if (!Number.isNaN(v)) expect(v).toBe(Number(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseNumberList and parseCoordinatesText', () => {
  it('splits on any XML whitespace and flags bad tokens', () => {
    const out = new NumberBuffer(2);
    const r = parseNumberList(' 1 2\t3\n4\r\n5  ', out, { count: 0, bad: false });
    expect(r).toEqual({ count: 5, bad: false });
    expect([...out.data.subarray(0, out.length)]).toEqual([1, 2, 3, 4, 5]);
    expect(parseNumberList('1 x 3', new NumberBuffer(), { count: 0, bad: false })).toEqual({ count: 3, bad: true });
  });

  it('reads gml:coordinates with custom separators and decimal mark', () => {
    const out = new NumberBuffer();
    const r = { count: 0, bad: false };
    expect(parseCoordinatesText('1;2;3|4;5;6', ';', '|', '.', out, r)).toBe(3);
    expect([...out.data.subarray(0, out.length)]).toEqual([1, 2, 3, 4, 5, 6]);
    out.clear();
    expect(parseCoordinatesText(' 1,5 2,5\n 3,5 4,5 ', ' ', '\n', ',', out, r)).toBe(2);
    expect([...out.data.subarray(0, out.length)]).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(r.bad).toBe(false);
    out.clear();
    parseCoordinatesText('1,2,3 4,5', ',', ' ', '.', out, r);
    expect(r.bad).toBe(true);
  });
});
