/**
 * GML 3.1.1 / 3.2 (and GML 2 leftovers) geometry elements → {@link Geometry}, in the CRS and axis
 * order of the file. {@link readGmlGeometry} is the entry point: it replays the element as the events
 * of the one GML geometry parser (./geometry-parser.ts, which CityGML streams) and shapes what that
 * reads into the element's type. Axis order and reprojection are applied afterwards (see gml-reader.ts).
 */
import type { XmlElement } from '../xml/xml-tree';
import { ElementError, type Place } from '../xml/xml-error';
import type { Dim, Geometry } from '../geometry';
import { GeometryParser } from './geometry-parser';
import { withDimension, type GeometrySink, type Positions } from './geometry-sink';
import { parseSrsName } from '../../geo/crs';

const GML_NAMESPACES = ['http://www.opengis.net/gml/3.2', 'http://www.opengis.net/gml'];

const GEOMETRY_NAMES = new Set([
  'Point', 'MultiPoint', 'LineString', 'Curve', 'CompositeCurve', 'OrientableCurve', 'MultiCurve', 'MultiLineString',
  'Polygon', 'Surface', 'PolygonPatch', 'CompositeSurface', 'MultiSurface', 'MultiPolygon', 'MultiGeometry', 'LinearRing',
  'Ring', 'Arc', 'ArcString', 'Circle', 'CircleByCenterPoint', 'ArcByCenterPoint',
]);

export function isGmlNamespace(ns: string): boolean {
  return ns === GML_NAMESPACES[0] || ns === GML_NAMESPACES[1];
}

/** True for a GML geometry element this reader understands. */
export function isGmlGeometry(el: XmlElement): boolean {
  return isGmlNamespace(el.ns) && GEOMETRY_NAMES.has(el.name);
}

export interface GmlGeometryOptions {
  /** CRS when the element does not name one, e.g. from the enclosing feature collection. */
  srsName?: string;
  /** Chord tolerance for arcs in CRS units; default 0.01 (1 cm in metric CRS). */
  arcTolerance?: number;
  /** Notes that did not stop the reading, with the element they are about. */
  onWarning?: (message: string, at: Place) => void;
}

/** 3 for a CRS with heights (compound, geographic 3D), 2 for a plain one, undefined when unknown. */
function crsDimension(srsName: string | undefined): 2 | 3 | undefined {
  const crs = srsName ? parseSrsName(srsName) : null;
  if (!crs) return undefined;
  return crs.verticalDatum === 'unknown' ? 2 : 3;
}

/** The geometry, with the srsName of its element, else the one given in the options. */
export function readGmlGeometry(el: XmlElement, options: GmlGeometryOptions = {}): { geometry: Geometry; srsName: string | undefined } {
  const srsName = el.attrs.srsName ?? options.srsName;
  return { geometry: readGeometry(el, options, crsDimension(srsName)), srsName };
}

/** A lone LinearRing or Ring comes as a curve, as written: it is closed when the file left it open. */
function closeRing(el: XmlElement, { dim, coords }: Positions): Positions {
  const n = coords.length;
  let closed = true;
  for (let k = 0; k < dim; k++) closed &&= coords[k] === coords[n - dim + k];
  const ring = closed ? coords : new Float64Array(n + dim);
  if (!closed) {
    ring.set(coords);
    ring.set(coords.subarray(0, dim), n);
  }
  if (ring.length / dim < 4) throw new ElementError(`gml:${el.name} has ${n / dim} positions; a ring needs at least 4`, el);
  return { dim, coords: ring };
}

const parser = new GeometryParser();

/** Feeds the parser the element's subtree as the tokenizer would. */
function replay(el: XmlElement): void {
  if (parser.open(el.name, el.attrs, el.line, el.column)) parser.text(el.text);
  for (const c of el.children) replay(c);
  parser.close(el.name);
}

/** Members of a gml:MultiGeometry: the inline geometries of geometryMember and geometryMembers. */
function members(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => {
    if (c.name === 'geometryMembers') return c.children;
    if (c.name !== 'geometryMember') return [];
    if (!c.children[0]) throw new ElementError('gml:geometryMember without an inline geometry (links are not followed)', c);
    return [c.children[0]];
  });
}

/** Float64Arrays of one dimension for all lists: 3 when every list is 3D, else 2. */
function arrays(lists: Positions[]): { dim: Dim; arrays: Float64Array[] } {
  const dim: Dim = lists.length > 0 && lists.every((l) => l.dim === 3) ? 3 : 2;
  return { dim, arrays: lists.map((l) => withDimension(l.coords, l.dim, dim)) };
}

function readGeometry(el: XmlElement, options: GmlGeometryOptions, crsDim: 2 | 3 | undefined): Geometry {
  if (!isGmlNamespace(el.ns)) throw new ElementError(`<${el.name}> is not a GML geometry`, el);
  if (!GEOMETRY_NAMES.has(el.name)) throw new ElementError(`gml:${el.name} is not a supported geometry`, el);
  if (el.name === 'MultiGeometry') {
    return { type: 'GeometryCollection', geometries: members(el).map((m) => readGeometry(m, options, crsDim)) };
  }
  const points: Positions[] = [];
  const curves: Positions[] = [];
  const polygons: Positions[][] = [];
  // the parser's results for this element; a problem is thrown, located
  const sink: GeometrySink = {
    polygon: (rings) => polygons.push(rings),
    curve: (name, positions) => (name === 'Point' ? points : curves).push(positions),
    reference: (_href, _flip, line, column) => {
      throw new ElementError('a geometry given by xlink:href (links are not followed)', { line, column });
    },
    problem: (_code, message, line, column) => {
      throw new ElementError(message, { line, column });
    },
    warn: (_code, message, line, column) => options.onWarning?.(message, { line, column }),
    srsName: () => {},
  };
  parser.reset(sink, { arcTolerance: options.arcTolerance ?? 0.01, crsDimension: crsDim, closedRings: true });
  replay(el);
  const none = () => new ElementError(`gml:${el.name} contains no geometry`, el);
  if (el.name === 'LinearRing' || el.name === 'Ring') {
    // a lone ring is a polygon
    if (curves.length !== 1) throw none();
    polygons.push([closeRing(el, curves[0])]);
  }
  switch (el.name) {
    case 'Point':
      if (points.length !== 1) throw none();
      return { type: 'Point', dim: points[0].dim, coords: points[0].coords };
    case 'MultiPoint': {
      const all = arrays(points);
      return { type: 'MultiPoint', dim: all.dim, coords: Float64Array.from(all.arrays.flatMap((a) => [...a])) };
    }
    case 'MultiCurve':
    case 'MultiLineString': {
      const lines = arrays(curves);
      return { type: 'MultiLineString', dim: lines.dim, lines: lines.arrays };
    }
    case 'LinearRing':
    case 'Ring':
    case 'Polygon':
    case 'PolygonPatch':
    case 'Surface':
    case 'MultiSurface':
    case 'CompositeSurface':
    case 'MultiPolygon': {
      if (polygons.length === 0) throw none();
      const dim: Dim = polygons.every((p) => p.every((r) => r.dim === 3)) ? 3 : 2;
      const rings = polygons.map((p) => p.map((r) => withDimension(r.coords, r.dim, dim)));
      if (rings.length === 1) return { type: 'Polygon', dim, rings: rings[0] };
      return { type: 'MultiPolygon', dim, polygons: rings };
    }
    default:
      if (curves.length !== 1) throw none();
      return { type: 'LineString', dim: curves[0].dim, coords: curves[0].coords };
  }
}
