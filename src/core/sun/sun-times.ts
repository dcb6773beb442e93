/**
 * Sunrise, transit and sunset for a local day: the instants where the sun's upper limb touches the
 * refracted horizon (topocentric centre elevation −0.8333°, the h0′ of the SPA paper's appendix A.2),
 * found with the full SPA by bracketing and bisection to a second.
 */
import { localDayRange, defaultTimeZone } from './local-time.js';
import { spa, type SpaInput } from './spa.js';

export const sunriseElevation = -0.8333;

export interface SunTimes {
  /** Epoch ms, or null when the sun does not rise or set that day (polar day/night). */
  sunrise: number | null;
  sunset: number | null;
  /** The instant of the highest sun. */
  transit: number;
}

export type Place = Omit<SpaInput, 'date'>;

function elevationAt(ms: number, place: Place): number {
  return spa({ ...place, date: ms }).trueElevation - sunriseElevation;
}

function bisect(a: number, b: number, place: Place): number {
  let fa = elevationAt(a, place);
  while (b - a > 500) {
    const m = (a + b) / 2;
    const fm = elevationAt(m, place);
    if (fa < 0 === fm < 0) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return Math.round((a + b) / 2);
}

/** Sun times of the local calendar day (year, month 1–12, day) in timeZone. */
export function sunTimes(year: number, month: number, day: number, place: Place, timeZone = defaultTimeZone): SunTimes {
  const { start, end } = localDayRange(year, month, day, timeZone);
  const step = 10 * 60_000;
  let sunrise: number | null = null;
  let sunset: number | null = null;
  let best = start;
  let bestValue = -Infinity;
  let prevT = start;
  let prev = elevationAt(start, place);
  for (let t = start + step; t <= end; t = Math.min(t + step, end)) {
    const v = elevationAt(t, place);
    if (v > bestValue) {
      bestValue = v;
      best = t;
    }
    if (prev < 0 && v >= 0 && sunrise === null) sunrise = bisect(prevT, t, place);
    if (prev >= 0 && v < 0) sunset = bisect(prevT, t, place);
    prevT = t;
    prev = v;
    if (t === end) break;
  }
  // transit: golden-section search around the best sample
  let a = best - step;
  let b = best + step;
  while (b - a > 500) {
    const m1 = a + (b - a) * 0.382;
    const m2 = a + (b - a) * 0.618;
    if (elevationAt(m1, place) < elevationAt(m2, place)) a = m1;
    else b = m2;
  }
  return { sunrise, sunset, transit: Math.round((a + b) / 2) };
}
