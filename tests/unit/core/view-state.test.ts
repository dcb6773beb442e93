import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatView, headingDelta, parseView, ViewParseError } from '../../../src/core/index.js';

describe('view state', () => {
  it('reads all five values', () => {
    expect(parseView('12.1508,48.5369,650,30,-35')).toEqual({ lon: 12.1508, lat: 48.5369, height: 650, heading: 30, pitch: -35 });
  });

  it('fills heading 0 and pitch -45 when only the position is given, and allows spaces', () => {
    expect(parseView(' 11.5, 48.1 , 500 ')).toEqual({ lon: 11.5, lat: 48.1, height: 500, heading: 0, pitch: -45 });
  });

  it('normalises the heading into [0, 360)', () => {
    expect(parseView('11,48,500,-90,-30').heading).toBe(270);
    expect(parseView('11,48,500,720,-30').heading).toBe(0);
  });

  it('names the value and column that is not a number', () => {
    try {
      parseView('11.5,abc,500');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ViewParseError);
      expect((error as ViewParseError).message).toContain('lat at column 6');
      expect((error as ViewParseError).column).toBe(6);
    }
  });

  it('rejects too few or too many values and out-of-range angles', () => {
    expect(() => parseView('11,48')).toThrow(/3 to 5/);
    expect(() => parseView('1,2,3,4,5,6')).toThrow(/found 6/);
    expect(() => parseView('200,48,500')).toThrow(/lon 200/);
    expect(() => parseView('11,95,500')).toThrow(/lat 95/);
    expect(() => parseView('11,48,500,0,-100')).toThrow(/pitch -100/);
    expect(() => parseView('11,48,')).toThrow(/height at column 7/);
  });

  it('formats with centimetre precision and reads back the same view', () => {
    expect(formatView({ lon: 12.15081234567, lat: 48.5, height: 650.456, heading: 359.999, pitch: -35 })).toBe('12.1508123,48.5,650.46,0,-35');
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -500, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 359.99, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        (lon, lat, height, heading, pitch) => {
          const back = parseView(formatView({ lon, lat, height, heading, pitch }));
          expect(back.lon).toBeCloseTo(lon, 6);
          expect(back.lat).toBeCloseTo(lat, 6);
          expect(back.height).toBeCloseTo(height, 1);
          expect(Math.abs(headingDelta(back.heading, heading))).toBeLessThan(0.006);
          expect(back.pitch).toBeCloseTo(pitch, 1);
        },
      ),
    );
  });

  it('finds the shortest heading difference across north', () => {
    expect(headingDelta(350, 10)).toBe(20);
    expect(headingDelta(10, 350)).toBe(-20);
    expect(headingDelta(0, 180)).toBe(180);
  });
});
