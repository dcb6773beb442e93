import { describe, expect, it } from 'vitest';
import { L_TERMS, R_TERMS, NUTATION_TERMS } from '../../../../src/core/sun/spa-tables.js';
import { spa, sunTimes, fromLocal, toLocal, zoneOffsetMs, localDayRange, sunDirectionEnu, en17037Level } from '../../../../src/core/sun/index.js';

// the paper's test case (Reda & Andreas 2004, table A5.1): 2003-10-17 12:30:30 local, UTC−7
const golden = {
  date: Date.UTC(2003, 9, 17, 19, 30, 30),
  lat: 39.742476,
  lon: -105.1786,
  elevation: 1830.14,
  pressure: 820,
  temperature: 11,
  deltaT: 67,
  deltaUt1: 0,
};
// Bavarian place: Landshut
const landshut = { lat: 48.5372, lon: 12.1522, elevation: 393 };

describe('NREL SPA', () => {
  it('has the paper\'s table sizes', () => {
    expect(L_TERMS.map((t) => t.length / 3)).toEqual([64, 34, 20, 7, 3, 1]);
    expect(R_TERMS.map((t) => t.length / 3)).toEqual([40, 10, 6, 2, 1]);
    expect(NUTATION_TERMS.length / 9).toBe(63);
  });

  it('matches the published test case within 0.01° (in fact 0.0001°)', () => {
    const r = spa(golden);
    expect(r.jd).toBeCloseTo(2452930.312847, 6);
    expect(Math.abs(r.zenith - 50.11162)).toBeLessThan(1e-4);
    expect(Math.abs(r.azimuth - 194.34024)).toBeLessThan(1e-4);
  });

  it('gives sunrise, transit and sunset within a minute of the paper (06:12:43, 11:46:04, 17:20:19 local)', () => {
    // The paper's appendix A.2 works in the UT day and wraps the results to local hours: for Golden (UTC−7)
    // its transit and sunset are those of the previous local day (16 Oct), its sunrise that of 17 Oct.
    // sunTimes answers per local calendar day, so each published figure is checked against its own day.
    const zone = 'America/Phoenix'; // UTC−7 all year, as in the paper
    const oct17 = sunTimes(2003, 10, 17, { ...golden }, zone);
    const oct16 = sunTimes(2003, 10, 16, { ...golden }, zone);
    const local = (ms: number) => {
      const l = toLocal(ms, zone);
      return l.hour * 3600 + l.minute * 60 + l.second;
    };
    expect(Math.abs(local(oct17.sunrise!) - (6 * 3600 + 12 * 60 + 43))).toBeLessThan(60);
    expect(Math.abs(local(oct16.transit) - (11 * 3600 + 46 * 60 + 4))).toBeLessThan(60);
    expect(Math.abs(local(oct16.sunset!) - (17 * 3600 + 20 * 60 + 19))).toBeLessThan(60);
    // and the local day itself: sunset about 1.5 min earlier than the day before, as in mid-October
    expect((oct16.sunset! + 86_400_000 - oct17.sunset!) / 1000).toBeGreaterThan(60);
    expect((oct16.sunset! + 86_400_000 - oct17.sunset!) / 1000).toBeLessThan(120);
  });

  it('refuses nonsense', () => {
    expect(() => spa({ ...golden, lat: 95 })).toThrow(/latitude/);
    expect(() => spa({ ...golden, date: Number.NaN })).toThrow(/date/);
  });

  it('has the solstice and equinox noon heights of a Bavarian place (90° − φ + δ)', () => {
    // declination at the 2025 June solstice +23.44°, December −23.44°, March equinox ≈ 0
    const noon = (y: number, m: number, d: number) => {
      const t = sunTimes(y, m, d, landshut);
      return spa({ ...landshut, date: t.transit });
    };
    expect(noon(2025, 6, 21).trueElevation).toBeCloseTo(90 - 48.5372 + 23.44, 1);
    expect(noon(2025, 12, 21).trueElevation).toBeCloseTo(90 - 48.5372 - 23.44, 1);
    expect(Math.abs(noon(2025, 3, 20).trueElevation - (90 - 48.5372))).toBeLessThan(0.25);
    expect(noon(2025, 6, 21).azimuth).toBeCloseTo(180, 1);
    // transit near 12:11 CET in winter (15° − 12.15° east = 11.4 min late, equation of time +2 min on 21 Dec)
    const dec = toLocal(sunTimes(2025, 12, 21, landshut).transit);
    expect(dec.hour * 60 + dec.minute).toBeGreaterThan(12 * 60 + 7);
    expect(dec.hour * 60 + dec.minute).toBeLessThan(12 * 60 + 13);
  });

  it('day length in Landshut: about 16 h 9 min at the June solstice, 8 h 17 min in December, 12 h 10 min at the equinox', () => {
    const length = (m: number, d: number) => {
      const t = sunTimes(2025, m, d, landshut);
      return (t.sunset! - t.sunrise!) / 60_000;
    };
    expect(Math.abs(length(6, 21) - (16 * 60 + 9))).toBeLessThan(6);
    expect(Math.abs(length(12, 21) - (8 * 60 + 17))).toBeLessThan(6);
    expect(Math.abs(length(3, 20) - (12 * 60 + 10))).toBeLessThan(6);
  });

  it('azimuth turns east → south → west and the ENU vector agrees', () => {
    const t = sunTimes(2025, 3, 21, landshut);
    const morning = spa({ ...landshut, date: t.sunrise! + 2 * 3600_000 });
    const evening = spa({ ...landshut, date: t.sunset! - 2 * 3600_000 });
    expect(morning.azimuth).toBeGreaterThan(90);
    expect(morning.azimuth).toBeLessThan(180);
    expect(evening.azimuth).toBeGreaterThan(180);
    const v = sunDirectionEnu(180, 30);
    expect(v.x).toBeCloseTo(0, 9);
    expect(v.y).toBeCloseTo(-Math.cos(Math.PI / 6), 9);
    expect(v.z).toBeCloseTo(0.5, 9);
  });

  it('EN 17037 levels', () => {
    expect([1.4, 1.5, 3, 4, 9].map(en17037Level)).toEqual(['none', 'minimum', 'medium', 'high', 'high']);
  });
});

describe('Europe/Berlin local time through Intl', () => {
  it('switches to summer time on 30 March 2025 at 02:00 and back on 26 October at 03:00', () => {
    expect(zoneOffsetMs(Date.UTC(2025, 2, 30, 0, 59))).toBe(3600_000);
    expect(zoneOffsetMs(Date.UTC(2025, 2, 30, 1, 0))).toBe(7200_000);
    expect(zoneOffsetMs(Date.UTC(2025, 9, 26, 0, 59))).toBe(7200_000);
    expect(zoneOffsetMs(Date.UTC(2025, 9, 26, 1, 0))).toBe(3600_000);
    expect(localDayRange(2025, 3, 30)).toEqual({ start: Date.UTC(2025, 2, 29, 23), end: Date.UTC(2025, 2, 30, 22) });
    const oct = localDayRange(2025, 10, 26);
    expect((oct.end - oct.start) / 3600_000).toBe(25);
  });

  it('converts wall-clock times both ways, the gap and the repeated hour included', () => {
    expect(fromLocal({ year: 2025, month: 3, day: 21, hour: 15 })).toBe(Date.UTC(2025, 2, 21, 14));
    expect(fromLocal({ year: 2025, month: 6, day: 21, hour: 15 })).toBe(Date.UTC(2025, 5, 21, 13));
    expect(fromLocal({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 })).toBe(Date.UTC(2025, 2, 30, 1, 30)); // = 03:30 CEST
    expect(fromLocal({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 })).toBe(Date.UTC(2025, 9, 26, 0, 30)); // first 02:30
    expect(toLocal(Date.UTC(2025, 2, 30, 1, 30))).toMatchObject({ hour: 3, minute: 30 });
    for (let h = 0; h < 24; h++) {
      const ms = fromLocal({ year: 2025, month: 7, day: 1, hour: h, minute: 17 });
      expect(toLocal(ms)).toEqual({ year: 2025, month: 7, day: 1, hour: h, minute: 17, second: 0 });
    }
  });

  it('moves sunrise one clock hour later across the spring change, but not the sun', () => {
    const before = sunTimes(2025, 3, 29, landshut);
    const after = sunTimes(2025, 3, 30, landshut);
    const clock = (ms: number) => {
      const l = toLocal(ms);
      return l.hour * 60 + l.minute + l.second / 60;
    };
    // sunrise moves ~2 min earlier per day in March: in clock time +60 − 2 minutes
    expect(clock(after.sunrise!) - clock(before.sunrise!)).toBeGreaterThan(56);
    expect(clock(after.sunrise!) - clock(before.sunrise!)).toBeLessThan(60);
    // the sun at local 15:00 on both days: hour angles differ by one hour (15°)
    const a = spa({ ...landshut, date: fromLocal({ year: 2025, month: 3, day: 29, hour: 15 }) });
    const b = spa({ ...landshut, date: fromLocal({ year: 2025, month: 3, day: 30, hour: 15 }) });
    expect(a.azimuth - b.azimuth).toBeGreaterThan(12);
    const autumnBefore = sunTimes(2025, 10, 25, landshut);
    const autumnAfter = sunTimes(2025, 10, 26, landshut);
    expect(clock(autumnBefore.sunset!) - clock(autumnAfter.sunset!)).toBeGreaterThan(60);
    expect(clock(autumnBefore.sunset!) - clock(autumnAfter.sunset!)).toBeLessThan(64);
  });
});
