/**
 * Geometry in a named CRS → WGS84 lon/lat, applying the axis-order rules of GML:
 *
 * - Geographic CRSs (EPSG:4326, 4258, …) are latitude/longitude in every form a WFS writes
 *   (`EPSG:4326`, `urn:ogc:def:crs:EPSG::4326`, `http://www.opengis.net/def/crs/EPSG/0/4326`);
 *   only the old `http://www.opengis.net/gml/srs/epsg.xml#4326` form is lon/lat. MapServer 8 does
 *   exactly this in GML (measured against it, see tests/integration), while its GeoJSON is lon/lat.
 * - Gauß-Krüger CRSs (EPSG:31466–31469) are northing/easting in EPSG; that order applies only to
 *   the URN/URI forms. Files that write the short `EPSG:31467` (XPlanGML does) keep easting first.
 * - Projected UTM and Web Mercator are easting/northing in all forms.
 *
 * Heights (a third value) are left as they are.
 */
import { isLatLonAxisOrder, parseSrsName, toWgs84, type CrsInfo } from '../geo';
import type { Geometry } from './geometry';
import { forEachCoordArray } from './geometry';

const NORTHING_FIRST = new Set([31466, 31467, 31468, 31469]);
const URN_OR_URI = /^(urn:|https?:\/\/www\.opengis\.net\/def\/)/i;

/** True when the first value of a position in `srsName` is latitude or northing. */
export function isAxisSwapped(srsName: string, crs: CrsInfo): boolean {
  if (isLatLonAxisOrder(srsName, crs)) return true;
  return NORTHING_FIRST.has(crs.epsg) && URN_OR_URI.test(srsName.trim());
}

export class CrsError extends Error {
  override name = 'CrsError';
}

export interface CrsTransform {
  epsg: number;
  swapped: boolean;
  /** Rewrites the geometry's coordinates in place to lon/lat and returns it. */
  apply(g: Geometry): Geometry;
}

const cache = new Map<string, CrsTransform>();

/**
 * The transform for a srsName; throws {@link CrsError} for a CRS that cannot be reprojected.
 * `axisOrder: 'xy'` is for GeoJSON, which is always easting/longitude first whatever its crs says.
 */
export function crsTransform(srsName: string, axisOrder: 'crs' | 'xy' = 'crs'): CrsTransform {
  const key = `${axisOrder} ${srsName}`;
  let t = cache.get(key);
  if (t) return t;
  const crs = parseSrsName(srsName);
  if (!crs) throw new CrsError(`unsupported CRS "${srsName}" (known: EPSG 25832, 25833, 31466–31469, 4326, 4258, 3857 and others)`);
  const swapped = axisOrder === 'crs' && isAxisSwapped(srsName, crs);
  const project = toWgs84(crs.epsg);
  const out = [0, 0];
  t = {
    epsg: crs.epsg,
    swapped,
    apply(g) {
      forEachCoordArray(g, (c, dim) => {
        for (let i = 0; i < c.length; i += dim) {
          const x = swapped ? c[i + 1] : c[i];
          const y = swapped ? c[i] : c[i + 1];
          project(x, y, out);
          c[i] = out[0];
          c[i + 1] = out[1];
        }
      });
      return g;
    },
  };
  cache.set(key, t);
  return t;
}
