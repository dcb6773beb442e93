/**
 * proj4 definitions for the CRSs that parseSrsName knows, and a fast forward
 * function to WGS 84 longitude/latitude.
 *
 * Datum notes (what the numbers below buy you):
 * - ETRS89 is taken as equal to WGS 84 (towgs84 all zero). The two drift apart by
 *   ~2.5 cm a year (about 0.8 m in 2025); web globes and their terrain make the same
 *   assumption, so buildings and terrain stay registered to each other.
 * - DHDN (Gauß-Krüger, 31466–31469) uses the 7-parameter Helmert shift commonly used for
 *   all of Germany (EPSG transformation 1777 "DHDN to WGS 84 (2)"). It is good to about
 *   1 m (up to ~3 m at the borders); centimetre accuracy needs the BeTA2007 grid, which we
 *   do not ship. Prefer ETRS89/UTM source data where it exists.
 */
import proj4 from 'proj4';

const UTM = (zone: number, falseEasting = 500000) =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 6 - 183} +k=0.9996 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
const GK = (zone: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1000000 + 500000} +y_0=0 +ellps=bessel ` +
  '+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs';

export const WGS84_PROJ = '+proj=longlat +datum=WGS84 +no_defs';

/** proj4 strings by EPSG code. */
export const PROJ_DEFINITIONS: Readonly<Record<number, string>> = {
  25832: UTM(32),
  25833: UTM(33),
  4647: UTM(32, 32500000),
  5650: UTM(33, 33500000),
  31466: GK(2),
  31467: GK(3),
  31468: GK(4),
  31469: GK(5),
  4326: WGS84_PROJ,
  4979: WGS84_PROJ,
  4258: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  4937: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  28992:
    '+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel ' +
    '+towgs84=565.4171,50.3319,465.5524,1.9342,-1.6677,9.1019,4.0725 +units=m +no_defs',
  21781:
    '+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=600000 +y_0=200000 +ellps=bessel ' +
    '+towgs84=674.374,15.056,405.346,0,0,0,0 +units=m +no_defs',
  3946: '+proj=lcc +lat_0=46 +lon_0=3 +lat_1=45.25 +lat_2=46.75 +x_0=1700000 +y_0=5200000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** Writes [lon, lat] in degrees into target (allocated when omitted) and returns it. */
export type ToWgs84 = (x: number, y: number, target?: number[]) => number[];

const IDENTITY = new Set([4326, 4979, 4258, 4937]);
const cache = new Map<number, ToWgs84>();

export function hasProjection(epsg: number): boolean {
  return epsg in PROJ_DEFINITIONS;
}

/** x/y (easting/northing, or lon/lat for geographic CRSs) → WGS 84 lon/lat degrees. Throws for unknown codes. */
export function toWgs84(epsg: number): ToWgs84 {
  let fn = cache.get(epsg);
  if (fn) return fn;
  const def = PROJ_DEFINITIONS[epsg];
  if (!def) throw new Error(`No projection known for EPSG:${epsg}`);
  if (IDENTITY.has(epsg)) {
    fn = (x, y, target = [0, 0]) => {
      target[0] = x;
      target[1] = y;
      return target;
    };
  } else {
    const converter = proj4(def, WGS84_PROJ);
    const point = { x: 0, y: 0 };
    fn = (x, y, target = [0, 0]) => {
      point.x = x;
      point.y = y;
      const r = converter.forward(point);
      target[0] = r.x;
      target[1] = r.y;
      return target;
    };
  }
  cache.set(epsg, fn);
  return fn;
}

/** WGS 84 lon/lat degrees → x/y in the CRS (the inverse of toWgs84). */
export function fromWgs84(epsg: number): ToWgs84 {
  const def = PROJ_DEFINITIONS[epsg];
  if (!def) throw new Error(`No projection known for EPSG:${epsg}`);
  if (IDENTITY.has(epsg)) return toWgs84(epsg);
  const converter = proj4(WGS84_PROJ, def);
  const point = { x: 0, y: 0 };
  return (lon, lat, target = [0, 0]) => {
    point.x = lon;
    point.y = lat;
    const r = converter.forward(point);
    target[0] = r.x;
    target[1] = r.y;
    return target;
  };
}
