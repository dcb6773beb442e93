/**
 * A camera view as the page writes it: `lon,lat,height,heading,pitch`.
 * lon/lat in degrees (WGS84), height in metres above the ellipsoid, heading in degrees
 * clockwise from north, pitch in degrees (negative looks down), as in CesiumJS.
 */
export interface ViewState {
  lon: number;
  lat: number;
  height: number;
  heading: number;
  pitch: number;
}

/** Defaults for the optional trailing values of a view string. */
export const defaultHeading = 0;
export const defaultPitch = -45;

const names = ['lon', 'lat', 'height', 'heading', 'pitch'] as const;

/** A view string that cannot be read; `column` is 1-based into the string. */
export class ViewParseError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = 'ViewParseError';
    this.column = column;
  }
}

/**
 * Reads `lon,lat,height[,heading[,pitch]]`. Whitespace around values is allowed.
 * Throws ViewParseError naming the value and column that is wrong.
 */
export function parseView(text: string): ViewState {
  const parts = text.split(',');
  if (parts.length < 3 || parts.length > 5) {
    throw new ViewParseError(
      `view "${text}": expected 3 to 5 comma-separated numbers (lon,lat,height[,heading[,pitch]]), found ${parts.length}`,
      1,
    );
  }
  const values: number[] = [];
  let column = 1;
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i];
    const trimmed = raw.trim();
    const valueColumn = column + (raw.length - raw.trimStart().length);
    const value = trimmed === '' ? NaN : Number(trimmed);
    if (!Number.isFinite(value)) {
      throw new ViewParseError(`view "${text}": ${names[i]} at column ${valueColumn} is not a number ("${trimmed}")`, valueColumn);
    }
    values.push(value);
    column += raw.length + 1;
  }
  const view: ViewState = {
    lon: values[0],
    lat: values[1],
    height: values[2],
    heading: values[3] ?? defaultHeading,
    pitch: values[4] ?? defaultPitch,
  };
  const problem = checkView(view);
  if (problem) throw new ViewParseError(`view "${text}": ${problem}`, 1);
  return normaliseView(view);
}

/** Returns a description of what is out of range, or null. */
export function checkView(view: ViewState): string | null {
  for (const name of names) {
    if (!Number.isFinite(view[name])) return `${name} is not a finite number`;
  }
  if (view.lon < -180 || view.lon > 180) return `lon ${view.lon} is outside -180…180`;
  if (view.lat < -90 || view.lat > 90) return `lat ${view.lat} is outside -90…90`;
  if (view.pitch < -90 || view.pitch > 90) return `pitch ${view.pitch} is outside -90…90`;
  return null;
}

/** Heading into [0, 360). */
export function normaliseView(view: ViewState): ViewState {
  return { ...view, heading: normaliseHeading(view.heading) };
}

export function normaliseHeading(heading: number): number {
  const h = heading % 360;
  return h < 0 ? h + 360 : h === 360 ? 0 : h + 0; // + 0 turns -0 into 0
}

/** Writes a view string: 7 decimals for degrees (~1 cm), 2 for metres and angles. */
export function formatView(view: ViewState): string {
  const v = normaliseView(view);
  // round before wrapping, so 359.999 reads 0 and not 360
  const heading = normaliseHeading(Number(round(v.heading, 2)));
  return [round(v.lon, 7), round(v.lat, 7), round(v.height, 2), String(heading), round(v.pitch, 2)].join(',');
}

function round(value: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Shortest signed angle from a to b in degrees, in (-180, 180]. */
export function headingDelta(a: number, b: number): number {
  let d = (b - a) % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d;
}
