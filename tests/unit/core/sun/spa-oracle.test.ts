import { describe, expect, it } from 'vitest';
import { fromLocal, spa } from '../../../../src/core/sun/index.js';

/**
 * An independent solar position for cross-checking: the NOAA solar calculator's algorithm (Meeus,
 * "Astronomical Algorithms", ch. 25, low precision; ~0.01° over 1800–2100), geocentric, no refraction.
 */
function noaa(ms: number, lat: number, lon: number): { elevation: number; azimuth: number } {
  const rad = Math.PI / 180;
  const jd = 2440587.5 + ms / 86_400_000;
  const t = (jd - 2451545) / 36525;
  const l0 = (((280.46646 + t * (36000.76983 + t * 0.0003032)) % 360) + 360) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const c = Math.sin(m * rad) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m * rad) * (0.019993 - 0.000101 * t) + Math.sin(3 * m * rad) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * rad);
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const eps = eps0 + 0.00256 * Math.cos(omega * rad);
  const decl = Math.asin(Math.sin(eps * rad) * Math.sin(lambda * rad));
  const y = Math.tan((eps / 2) * rad) ** 2;
  const eot =
    (4 / rad) *
    (y * Math.sin(2 * l0 * rad) - 2 * e * Math.sin(m * rad) + 4 * e * y * Math.sin(m * rad) * Math.cos(2 * l0 * rad) - 0.5 * y * y * Math.sin(4 * l0 * rad) - 1.25 * e * e * Math.sin(2 * m * rad));
  const minutes = (((ms / 60_000) % 1440) + 1440) % 1440;
  const h = ((minutes + eot + 4 * lon) / 4 - 180) * rad;
  const phi = lat * rad;
  const elevation = Math.asin(Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.cos(h)) / rad;
  const azimuth = ((Math.atan2(Math.sin(h), Math.cos(h) * Math.sin(phi) - Math.tan(decl) * Math.cos(phi)) / rad + 180) % 360 + 360) % 360;
  return { elevation, azimuth };
}

const places = {
  landshut: { lat: 48.5372, lon: 12.1522 },
  garmisch: { lat: 47.4917, lon: 11.0955 },
  hof: { lat: 50.3135, lon: 11.9128 },
};

// solstices, equinoxes and the DST days of 2025 and 2026
const days = ['2025-03-20', '2025-03-30', '2025-06-21', '2025-09-22', '2025-10-26', '2025-12-21', '2026-03-29', '2026-10-25'];

describe('SPA against an independent algorithm (NOAA / Meeus) for Bavarian places', () => {
  it('agrees within 0.03° in elevation and azimuth every hour of daylight (Europe/Berlin local time)', () => {
    let checked = 0;
    let worst = 0;
    for (const place of Object.values(places)) {
      for (const day of days) {
        const [year, month, d] = day.split('-').map(Number);
        for (let hour = 0; hour < 24; hour++) {
          for (const minute of [0, 30]) {
            const ms = fromLocal({ year, month, day: d, hour, minute });
            const ours = spa({ ...place, date: ms });
            if (ours.trueElevation < 2) continue; // near the horizon the two refraction-free models still agree, but azimuth moves fast
            const ref = noaa(ms, place.lat, place.lon);
            const dEl = Math.abs(ours.trueElevation - ref.elevation);
            const dAz = Math.abs(((ours.azimuth - ref.azimuth + 540) % 360) - 180);
            worst = Math.max(worst, dEl, dAz);
            expect(dEl, `${day} ${hour}:${minute} elevation`).toBeLessThan(0.03);
            expect(dAz, `${day} ${hour}:${minute} azimuth`).toBeLessThan(0.03);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
    expect(worst).toBeGreaterThan(0); // two different algorithms: they do differ, a little
  });

  it('local noon shifts by one clock hour across the DST change (the oracle and SPA both see it)', () => {
    const before = spa({ ...places.landshut, date: fromLocal({ year: 2026, month: 3, day: 28, hour: 13 }) });
    const after = spa({ ...places.landshut, date: fromLocal({ year: 2026, month: 3, day: 29, hour: 14 }) });
    // 13:00 CET and 14:00 CEST are the same solar time a day apart: the azimuths differ by a day's drift only
    expect(Math.abs(before.azimuth - after.azimuth)).toBeLessThan(0.5);
    const ref = noaa(fromLocal({ year: 2026, month: 3, day: 29, hour: 14 }), places.landshut.lat, places.landshut.lon);
    expect(Math.abs(after.azimuth - ref.azimuth)).toBeLessThan(0.03);
  });
});
