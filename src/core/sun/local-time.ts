/**
 * Local civil time in a named IANA zone (Europe/Berlin by default) through Intl, so DST follows the
 * runtime's time-zone database instead of a hand-written table.
 */
export const defaultTimeZone = 'Europe/Berlin';

export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in timeZone at an instant. */
export function toLocal(ms: number, timeZone = defaultTimeZone): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Offset of timeZone from UTC at an instant, in milliseconds (+1 h in Berlin winter, +2 h in summer). */
export function zoneOffsetMs(ms: number, timeZone = defaultTimeZone): number {
  const l = toLocal(Math.floor(ms / 1000) * 1000, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time. A time skipped by the spring change (02:30 on the last Sunday of
 * March) maps to the same distance past the change (03:30 CEST); a repeated autumn time takes its
 * first (summer-time) occurrence.
 */
export function fromLocal(local: Partial<LocalDateTime> & Pick<LocalDateTime, 'year' | 'month' | 'day'>, timeZone = defaultTimeZone): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  if (!Number.isFinite(naive)) throw new RangeError(`fromLocal: not a date: ${JSON.stringify(local)}`);
  const before = zoneOffsetMs(naive - 86_400_000, timeZone);
  const after = zoneOffsetMs(naive + 86_400_000, timeZone);
  // try the larger offset first, so an ambiguous time resolves to its earlier instant
  for (const offset of before >= after ? [before, after] : [after, before]) {
    if (zoneOffsetMs(naive - offset, timeZone) === offset) return naive - offset;
  }
  return naive - before; // in the gap: keep the pre-change offset, which lands past the change
}

/** Milliseconds of the local day that starts at local midnight of (year, month, day): 23 h, 24 h or 25 h. */
export function localDayRange(year: number, month: number, day: number, timeZone = defaultTimeZone): { start: number; end: number } {
  const start = fromLocal({ year, month, day }, timeZone);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const end = fromLocal({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, timeZone);
  return { start, end };
}
