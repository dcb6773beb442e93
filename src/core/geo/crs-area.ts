/**
 * Where coordinates of each supported CRS can be at all: a generous box around EPSG's area of use, in the
 * CRS's own x (east/longitude) and y (north/latitude) units, plus a height range for every CRS. A
 * coordinate outside is a data error (1e9 m in UTM, a swapped or scaled value): it would give NaN or
 * wildly wrong positions after projection, so readers drop what holds one, with a located warning.
 */
export interface CrsArea {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Heights of real buildings, in metres: below the deepest trench, above the highest mountain, with room. */
export const HEIGHT_RANGE = { min: -12_000, max: 12_000 } as const;

const UTM: CrsArea = { minX: -1_500_000, maxX: 2_500_000, minY: -1_000_000, maxY: 10_000_000 };
const GEOGRAPHIC: CrsArea = { minX: -180, maxX: 180, minY: -90, maxY: 90 };
/** Gauss-Krüger and zE-N: the zone number sits in front of the easting. */
const prefixed = (zone: number): CrsArea => ({ minX: zone * 1e6 - 1_000_000, maxX: zone * 1e6 + 2_000_000, minY: -1_000_000, maxY: 10_000_000 });

const AREAS: Readonly<Record<number, CrsArea>> = {
  25832: UTM,
  25833: UTM,
  4647: prefixed(32),
  5650: prefixed(33),
  31466: prefixed(2),
  31467: prefixed(3),
  31468: prefixed(4),
  31469: prefixed(5),
  4326: GEOGRAPHIC,
  4979: GEOGRAPHIC,
  4258: GEOGRAPHIC,
  4937: GEOGRAPHIC,
  3857: { minX: -20_037_509, maxX: 20_037_509, minY: -20_048_967, maxY: 20_048_967 },
  28992: { minX: -1_000_000, maxX: 1_300_000, minY: -700_000, maxY: 1_700_000 },
  21781: { minX: -500_000, maxX: 1_500_000, minY: -700_000, maxY: 1_300_000 },
  3946: { minX: 0, maxX: 3_500_000, minY: 3_500_000, maxY: 7_500_000 },
};

export function crsArea(epsg: number): CrsArea | undefined {
  return AREAS[epsg];
}

/**
 * Why (x, y[, z]) cannot be a position in the CRS, or null when it can. z is checked when given.
 */
export function outsideCrsArea(epsg: number, x: number, y: number, z?: number): string | null {
  if (!Number.isFinite(x) || !Number.isFinite(y) || (z !== undefined && !Number.isFinite(z))) return 'a coordinate is not a finite number';
  const a = AREAS[epsg];
  if (a && (x < a.minX || x > a.maxX || y < a.minY || y > a.maxY)) {
    return `position ${x}, ${y} lies outside the area of EPSG:${epsg} (x ${a.minX} … ${a.maxX}, y ${a.minY} … ${a.maxY})`;
  }
  if (z !== undefined && (z < HEIGHT_RANGE.min || z > HEIGHT_RANGE.max)) {
    return `height ${z} lies outside ${HEIGHT_RANGE.min} … ${HEIGHT_RANGE.max} m`;
  }
  return null;
}
