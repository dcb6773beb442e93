/**
 * The sun over a date range in fixed steps: the middle of every step of each local day (Europe/Berlin by
 * default) with the sun above the horizon, as unit vectors in the local ENU frame. A sample stands for
 * `stepMinutes` of sunshine, so a day's hours are exact to within one step.
 */
import { localDayRange, spa, sunDirectionEnu, type Place } from '../../../src/core/sun';

export interface SunSamples {
  /** x, y, z (east, north, up) per sample. */
  directions: Float64Array;
  /** Apparent elevation per sample, degrees. */
  elevations: Float64Array;
  /** Epoch ms of each sample. */
  times: Float64Array;
  stepMinutes: number;
  days: number;
}

export interface DayRange {
  /** Local calendar dates as 'YYYY-MM-DD'; `to` defaults to `from`. */
  from: string;
  to?: string;
}

export function parseDay(day: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): "${day}"`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCMonth() !== date.month - 1) throw new RangeError(`No such day: "${day}"`);
  return date;
}

export function sunSamples(range: DayRange, place: Place, stepMinutes = 10, timeZone = 'Europe/Berlin'): SunSamples {
  if (!(stepMinutes >= 1 && stepMinutes <= 120)) throw new RangeError(`stepMinutes ${stepMinutes} outside 1–120`);
  const from = parseDay(range.from);
  const to = parseDay(range.to ?? range.from);
  const first = Date.UTC(from.year, from.month - 1, from.day);
  const last = Date.UTC(to.year, to.month - 1, to.day);
  if (last < first) throw new RangeError(`The range ends (${range.to}) before it starts (${range.from})`);
  const days = Math.round((last - first) / 86_400_000) + 1;
  if (days > 366) throw new RangeError(`A range of ${days} days is longer than a year`);
  const dirs: number[] = [];
  const elevations: number[] = [];
  const times: number[] = [];
  const step = stepMinutes * 60_000;
  const v = { x: 0, y: 0, z: 0 };
  for (let d = 0; d < days; d++) {
    const date = new Date(first + d * 86_400_000);
    const { start, end } = localDayRange(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeZone);
    for (let t = start + step / 2; t < end; t += step) {
      const s = spa({ ...place, date: t });
      if (s.elevation <= 0) continue;
      sunDirectionEnu(s.azimuth, s.elevation, v);
      dirs.push(v.x, v.y, v.z);
      elevations.push(s.elevation);
      times.push(t);
    }
  }
  return { directions: new Float64Array(dirs), elevations: new Float64Array(elevations), times: new Float64Array(times), stepMinutes, days };
}
