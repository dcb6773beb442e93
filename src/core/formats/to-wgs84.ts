/**
 * Geometry in a named CRS → WGS84 lon/lat, applying the axis-order rules of GML. Two conventions:
 *
 * - 'wfs' (GetFeature responses): geographic CRSs (EPSG:4326, 4258, …) are latitude/longitude in
 *   every form a WFS writes — `urn:ogc:def:crs:EPSG::4326`, `http://www.opengis.net/def/crs/EPSG/0/4326`
 *   and also the short `EPSG:4326`, which MapServer 8 writes in WFS 1.1.0 GML while sending latitude
 *   first (measured in tests/integration). Only the old `…/gml/srs/epsg.xml#4326` is lon/lat.
 * - 'file' (plan files, CityGML): the geo core's rule — the short `EPSG:4326` is lon/lat, as files
 *   that use it write it; URN/URI forms are lat/lon.
 * In both, Gauß-Krüger (EPSG:31466–31469) is northing/easting in the URN/URI forms only (EPSG's
 * order; XPlanGML's `EPSG:31467` keeps easting first), and UTM and Web Mercator are easting/northing.
 * GeoJSON is always x/longitude first ('xy'). Heights (a third value) are left as they are.
 */
import proj4 from 'proj4';
import { PROJ_DEFINITIONS, isGeographic, isLatLonAxisOrder, parseSrsName, toWgs84, type CrsInfo, type ToWgs84 } from '../geo';
import type { Geometry } from './geometry';
import { forEachCoordArray } from './geometry';

const NORTHING_FIRST = new Set([31466, 31467, 31468, 31469]);
const URN_OR_URI = /^(urn:|https?:\/\/www\.opengis\.net\/def\/)/i;

export type AxisConvention = 'wfs' | 'file' | 'xy';

/** True when the first value of a position in `srsName` is latitude or northing. */
export function isAxisSwapped(srsName: string, crs: CrsInfo, convention: AxisConvention = 'wfs'): boolean {
  if (convention === 'xy') return false;
  if (isLatLonAxisOrder(srsName, crs)) return true;
  if (convention === 'wfs' && isGeographic(crs.epsg) && !/epsg\.xml#/i.test(srsName)) return true;
  return NORTHING_FIRST.has(crs.epsg) && URN_OR_URI.test(srsName.trim());
}

const DEG = 180 / Math.PI;

/**
 * For ETRS89 projections (datum shift all zero) the projection's own inverse gives exactly what
 * toWgs84() gives, without proj4's per-point datum bookkeeping: about twice as fast, and GML
 * reading spends much of its time here. Other CRSs (Gauß-Krüger with its Helmert shift) use toWgs84().
 */
function fastInverse(epsg: number): ToWgs84 | null {
  const def = PROJ_DEFINITIONS[epsg];
  if (!def || /\+proj=longlat/.test(def) || !/\+towgs84=0,0,0,0,0,0,0(\s|$)/.test(def)) return null;
  const proj = new (proj4 as unknown as { Proj: new (d: string) => { inverse(p: { x: number; y: number }): { x: number; y: number } } }).Proj(def);
  const p = { x: 0, y: 0 };
  return (x, y, target = [0, 0]) => {
    p.x = x;
    p.y = y;
    const r = proj.inverse(p);
    target[0] = r.x * DEG;
    target[1] = r.y * DEG;
    return target;
  };
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
 * `'xy'` is for GeoJSON, which is always easting/longitude first whatever its crs says.
 */
export function crsTransform(srsName: string, convention: AxisConvention = 'wfs'): CrsTransform {
  const key = `${convention} ${srsName}`;
  let t = cache.get(key);
  if (t) return t;
  const crs = parseSrsName(srsName);
  if (!crs) throw new CrsError(`unsupported CRS "${srsName}" (known: EPSG 25832, 25833, 31466–31469, 4326, 4258, 3857 and others)`);
  const swapped = isAxisSwapped(srsName, crs, convention);
  const project = fastInverse(crs.epsg) ?? toWgs84(crs.epsg);
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
