/**
 * The test base map's raster (served by MapProxy in the basemap tests): red west of one EPSG:25832 easting, blue
 * east of it, so a pixel probe tells whether a tile landed where its CRS puts it.
 */
import { expect } from 'vitest';
import { fromWgs84 } from '../../src/core/geo/index.js';
import { offset, type Rgba } from './helpers.js';

export const RED: Rgba = [220, 40, 40, 255];
export const BLUE: Rgba = [40, 60, 220, 255];
const SPLIT_EASTING = 732667;

/** The raster's colour at a point east/north of the town origin, from its true EPSG:25832 easting. */
export async function rasterColour(east: number, north = 0): Promise<Rgba> {
  const p = await offset(east, north);
  const [x] = fromWgs84(25832)(p.lon, p.lat);
  expect(Math.abs(x - SPLIT_EASTING), 'a probe point too near the colour split').toBeGreaterThan(100);
  return x < SPLIT_EASTING ? RED : BLUE;
}
