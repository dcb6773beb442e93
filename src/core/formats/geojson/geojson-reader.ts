/**
 * GeoJSON (RFC 7946, and the 2008 draft's named `crs` that MapServer/OGR write for other CRSs)
 * → features in WGS84 lon/lat. GeoJSON is always x/easting/longitude first.
 */
import type { Feature, FeatureCollection, PropertyObject } from '../feature';
import type { Dim, Geometry } from '../geometry';
import { crsTransform, CrsError } from '../to-wgs84';
import { XmlReadError } from '../xml/xml-error';
import { jsonErrorOffset } from './json-error-position';

export interface GeoJsonReadOptions {
  source?: string;
  /** Feature type for every feature, e.g. the WFS type name asked for. */
  typeName?: string;
}

/** A JSON syntax error with line and column. */
function jsonError(text: string, source: string, err: unknown): XmlReadError {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = Math.max(0, jsonErrorOffset(text));
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return new XmlReadError(`${source}:${line}:${column}: invalid JSON: ${msg}`, source, line, column);
}

class GeoJsonError extends Error {
  override name = 'GeoJsonError';
}

/** Deepest array nesting read: a MultiPolygon needs 4, a GeometryCollection adds a few. */
const MAX_NESTING = 64;

/** 3 when any position of a (nested) coordinate array has a height. */
function dimOf(c: unknown, depth = 0): Dim {
  if (!Array.isArray(c)) return 2;
  if (depth > MAX_NESTING) throw new GeoJsonError(`coordinates nested deeper than ${MAX_NESTING} levels`);
  if (typeof c[0] === 'number') return c.length >= 3 ? 3 : 2;
  return c.some((x) => dimOf(x, depth + 1) === 3) ? 3 : 2;
}

function positions(list: unknown, dim: Dim, where: string): Float64Array {
  if (!Array.isArray(list)) throw new GeoJsonError(`${where}: coordinates must be an array`);
  const coords = new Float64Array(list.length * dim);
  list.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
      throw new GeoJsonError(`${where}: position ${i} is not [x, y]`);
    }
    // JSON has no Infinity, but 1e999 parses to it
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || (p.length > 2 && !Number.isFinite(p[2]))) {
      throw new GeoJsonError(`${where}: position ${i} holds a number that is not finite`);
    }
    coords[i * dim] = p[0];
    coords[i * dim + 1] = p[1];
    if (dim === 3) coords[i * dim + 2] = typeof p[2] === 'number' ? p[2] : 0;
  });
  return coords;
}

function nested(c: unknown, where: string): unknown[] {
  if (!Array.isArray(c)) throw new GeoJsonError(`${where}: coordinates must be an array`);
  return c;
}

function readGeometry(g: any, where: string, depth = 0): Geometry {
  if (depth > MAX_NESTING) throw new GeoJsonError(`${where}: geometry collections nested deeper than ${MAX_NESTING} levels`);
  let dim: Dim;
  try {
    dim = dimOf(g?.coordinates);
  } catch (err) {
    throw new GeoJsonError(`${where}: ${(err as Error).message}`);
  }
  switch (g?.type) {
    case 'Point':
      return { type: 'Point', dim, coords: positions([g.coordinates], dim, where) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, dim, coords: positions(g.coordinates, dim, where) };
    case 'MultiLineString':
      return { type: 'MultiLineString', dim, lines: nested(g.coordinates, where).map((l) => positions(l, dim, where)) };
    case 'Polygon':
      return { type: 'Polygon', dim, rings: nested(g.coordinates, where).map((r) => positions(r, dim, where)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', dim, polygons: nested(g.coordinates, where).map((p) => nested(p, where).map((r) => positions(r, dim, where))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: nested(g.geometries, where).map((c) => readGeometry(c, where, depth + 1)) };
    default:
      throw new GeoJsonError(`${where}: unknown geometry type ${JSON.stringify(g?.type)}`);
  }
}

function crsName(obj: any): string | null {
  const name = obj?.crs?.properties?.name;
  return typeof name === 'string' ? name : null;
}

export function readGeoJson(text: string, options: GeoJsonReadOptions = {}): FeatureCollection {
  const source = options.source ?? 'GeoJSON';
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw jsonError(text, source, err);
  }
  const list: any[] = doc?.type === 'FeatureCollection' ? (doc.features === undefined ? [] : doc.features) : doc?.type === 'Feature' ? [doc] : undefined!;
  if (list === undefined) throw new GeoJsonError(`${source}: not a GeoJSON FeatureCollection or Feature (type ${JSON.stringify(doc?.type)?.slice(0, 60)})`);
  if (!Array.isArray(list)) {
    throw new GeoJsonError(`${source}: "features" of the FeatureCollection is ${list === null ? 'null' : typeof list}, not an array`);
  }
  const srs = crsName(doc) ?? 'EPSG:4326';
  let transform;
  try {
    transform = crsTransform(srs, 'xy');
  } catch (err) {
    throw err instanceof CrsError ? new GeoJsonError(`${source}: ${err.message}`) : err;
  }
  const warnings: string[] = [];
  const features: Feature[] = list.map((f, i): Feature | null => {
    if (f === null || typeof f !== 'object' || Array.isArray(f)) {
      warnings.push(`${source}: feature ${i} is not an object; it is left out`);
      return null;
    }
    // MapServer's GeoJSON has no ids; its gml_featureid item is then a property
    const rawId = f?.id ?? f?.properties?.gml_id ?? null;
    const id = rawId === null || rawId === undefined ? null : String(rawId);
    const feature: Feature = {
      id,
      type: options.typeName ?? (typeof doc.name === 'string' ? doc.name : id?.includes('.') ? id.slice(0, id.lastIndexOf('.')) : 'Feature'),
      ns: null,
      properties: (f.properties !== null && typeof f.properties === 'object' && !Array.isArray(f.properties) ? f.properties : {}) as PropertyObject,
      geometry: null,
      geometryName: null,
    };
    if (f?.geometry) {
      try {
        feature.geometry = transform.apply(readGeometry(f.geometry, `${source}: feature ${i}${id ? ` (${id})` : ''}`));
        feature.geometryName = 'geometry';
      } catch (err) {
        warnings.push(err instanceof Error ? err.message : String(err));
      }
    }
    return feature;
  }).filter((f): f is Feature => f !== null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  const nextLink = Array.isArray(doc.links) ? doc.links.find((l: any) => l?.rel === 'next')?.href : undefined;
  return {
    features,
    numberMatched: num(doc.numberMatched) ?? num(doc.totalFeatures),
    numberReturned: num(doc.numberReturned) ?? (doc.type === 'FeatureCollection' ? features.length : null),
    next: typeof doc.next === 'string' ? doc.next : typeof nextLink === 'string' ? nextLink : null,
    sourceEpsg: transform.epsg,
    warnings,
  };
}
