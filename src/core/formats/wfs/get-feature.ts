/**
 * GetFeature as a KVP GET URL, for WFS 2.0.0 (TYPENAMES, COUNT, STARTINDEX) and 1.1.0
 * (TYPENAME, MAXFEATURES, and STARTINDEX, which MapServer and GeoServer accept there too).
 * The BBOX is written in the layer's native CRS with that CRS as a suffix, in the CRS's axis order.
 */
import { parseSrsName } from '../../geo';
import { isAxisSwapped } from '../to-wgs84';
import type { WfsVersion } from './capabilities';

export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** The CRS of the numbers (easting/longitude first), e.g. "urn:ogc:def:crs:EPSG::25832". */
  crs: string;
}

export interface GetFeatureParams {
  /** Service endpoint; existing query parameters (e.g. a map= or an API key) are kept. */
  url: string;
  version: WfsVersion;
  typeNames: string[];
  /** Output CRS; default: the server's default CRS of the type. */
  srsName?: string;
  bbox?: Bbox;
  /** Page size: COUNT (2.0.0) or MAXFEATURES (1.1.0). */
  count?: number;
  /** 0-based index of the first feature. */
  startIndex?: number;
  resultType?: 'results' | 'hits';
  outputFormat?: string;
}

function formatNumber(v: number): string {
  // enough digits for millimetres in projected CRSs and 1e-9° in geographic ones, no exponent
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(9)));
}

/** "minx,miny,maxx,maxy,crs" with the axes swapped when the CRS is latitude/northing first. */
export function bboxParam(b: Bbox): string {
  const crs = parseSrsName(b.crs);
  const swap = crs !== null && isAxisSwapped(b.crs, crs);
  const nums = swap ? [b.minY, b.minX, b.maxY, b.maxX] : [b.minX, b.minY, b.maxX, b.maxY];
  return `${nums.map(formatNumber).join(',')},${b.crs}`;
}

export function getFeatureUrl(p: GetFeatureParams): string {
  const url = new URL(p.url);
  const set = (key: string, value: string | number | undefined) => {
    if (value === undefined) return;
    // replace whatever case the caller used, so a template URL cannot send a parameter twice
    for (const k of [...url.searchParams.keys()]) if (k.toLowerCase() === key.toLowerCase()) url.searchParams.delete(k);
    url.searchParams.set(key, String(value));
  };
  const v2 = p.version === '2.0.0';
  set('SERVICE', 'WFS');
  set('VERSION', p.version);
  set('REQUEST', 'GetFeature');
  set(v2 ? 'TYPENAMES' : 'TYPENAME', p.typeNames.join(','));
  set('SRSNAME', p.srsName);
  set('BBOX', p.bbox ? bboxParam(p.bbox) : undefined);
  set(v2 ? 'COUNT' : 'MAXFEATURES', p.count);
  set('STARTINDEX', p.startIndex);
  set('RESULTTYPE', p.resultType);
  set('OUTPUTFORMAT', p.outputFormat);
  return url.href;
}

export function getCapabilitiesUrl(base: string, version: WfsVersion): string {
  const url = new URL(base);
  for (const k of [...url.searchParams.keys()]) if (['service', 'request', 'version', 'acceptversions'].includes(k.toLowerCase())) url.searchParams.delete(k);
  url.searchParams.set('SERVICE', 'WFS');
  url.searchParams.set('REQUEST', 'GetCapabilities');
  // VERSION is what most servers read; 2.0.0 names ACCEPTVERSIONS for GetCapabilities
  url.searchParams.set('VERSION', version);
  if (version === '2.0.0') url.searchParams.set('ACCEPTVERSIONS', version);
  return url.href;
}
