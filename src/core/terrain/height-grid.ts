/**
 * A terrain model as a regular grid of heights in its source CRS (e.g. a DGM1 GeoTIFF in EPSG:25832), as
 * the terrain worker hands it over: one Float32Array, transferred, never copied.
 */
export interface HeightGrid {
  /** Where it came from (a file name or URL), for messages. */
  source: string;
  /** EPSG code of the grid's x/y (easting/northing, or lon/lat degrees for geographic CRSs). */
  epsg: number;
  columns: number;
  rows: number;
  /** x/y of the first sample (column 0, row 0: the north-west corner sample, at its point, not a pixel edge). */
  originX: number;
  originY: number;
  /** Distance between samples in x, and in y going south (both positive). */
  stepX: number;
  stepY: number;
  /** Ellipsoidal heights in metres, row by row from the north; NaN where the model has no data. */
  heights: Float32Array;
  /** Lowest and highest height with data. */
  min: number;
  max: number;
  /** How source heights became ellipsoidal, e.g. "EGM96 geoid". */
  heightNote: string;
}

/** The grid's height at x/y in its CRS, bilinear between the four samples around it; NaN outside or on no data. */
export function sampleHeight(grid: HeightGrid, x: number, y: number): number {
  const u = (x - grid.originX) / grid.stepX;
  const v = (grid.originY - y) / grid.stepY;
  if (!(u >= 0 && v >= 0 && u <= grid.columns - 1 && v <= grid.rows - 1)) return NaN;
  const i = Math.min(Math.floor(u), grid.columns - 2);
  const j = Math.min(Math.floor(v), grid.rows - 2);
  if (i < 0 || j < 0) return grid.heights[0]; // a one-sample grid
  const fu = u - i;
  const fv = v - j;
  const h = grid.heights;
  const a = j * grid.columns + i;
  const top = h[a] + (h[a + 1] - h[a]) * fu;
  const bottom = h[a + grid.columns] + (h[a + grid.columns + 1] - h[a + grid.columns]) * fu;
  return top + (bottom - top) * fv;
}

/** The grid's extent in its CRS, sample points to sample points: [minX, minY, maxX, maxY]. */
export function gridExtent(grid: HeightGrid): [number, number, number, number] {
  return [grid.originX, grid.originY - (grid.rows - 1) * grid.stepY, grid.originX + (grid.columns - 1) * grid.stepX, grid.originY];
}
