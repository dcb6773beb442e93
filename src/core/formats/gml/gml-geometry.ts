/**
 * GML 3.1.1 / 3.2 (and GML 2 leftovers) geometry elements → {@link Geometry}, in the CRS and axis
 * order of the file. {@link readGmlGeometry} is the entry point; axis order and reprojection are
 * applied afterwards (see gml-crs.ts).
 */
import type { XmlElement } from '../xml/xml-tree';
import { ElementError } from '../xml/xml-error';
import type { Dim, Geometry, PolygonGeometry } from '../geometry';
import { readCurve, readDirectPositions, readRing, type CurveContext } from './curves';
import type { PositionList } from './positions';
import { parseSrsName } from '../../geo/crs';

export const GML_NAMESPACES = ['http://www.opengis.net/gml/3.2', 'http://www.opengis.net/gml'];

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
  onWarning?: (message: string, el: XmlElement) => void;
}

/** 3 for a CRS with heights (compound, geographic 3D), 2 for a plain one, undefined when unknown. */
function crsDimension(srsName: string | undefined): 2 | 3 | undefined {
  const crs = srsName ? parseSrsName(srsName) : null;
  if (!crs) return undefined;
  return crs.verticalDatum === 'unknown' ? 2 : 3;
}

export interface GmlGeometry {
  geometry: Geometry;
  /** srsName of the geometry element, else the one given in the options. */
  srsName: string | undefined;
}

export function readGmlGeometry(el: XmlElement, options: GmlGeometryOptions = {}): GmlGeometry {
  const srsName = el.attrs.srsName ?? options.srsName;
  const ctx: CurveContext = { arcTolerance: options.arcTolerance ?? 0.01, crsDimension: crsDimension(srsName), onWarning: options.onWarning };
  return { geometry: readGeometry(el, ctx), srsName };
}

function withDim(el: XmlElement, ctx: CurveContext): CurveContext {
  const d = el.attrs.srsDimension;
  return d === undefined ? ctx : { ...ctx, srsDimension: Number(d) };
}

/** Members of a multi-geometry: the singular member elements and the plural ones (pointMembers, …). */
function members(el: XmlElement, single: string, plural: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.name === single) {
      const g = c.children[0];
      if (!g) throw new ElementError(`gml:${single} without an inline geometry (links are not followed)`, c);
      out.push(g);
    } else if (c.name === plural) out.push(...c.children);
  }
  return out;
}

function arrays(lists: PositionList[]): { dim: Dim; arrays: Float64Array[] } {
  const dim: Dim = lists.every((l) => l.dim === 3) ? 3 : 2;
  return { dim, arrays: lists.map((l) => toArray(l, dim)) };
}

function toArray(list: PositionList, dim: Dim): Float64Array {
  if (list.dim === dim) return list.coords instanceof Float64Array ? list.coords : Float64Array.from(list.coords);
  const n = list.coords.length / list.dim;
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    out[i * dim] = list.coords[i * list.dim];
    out[i * dim + 1] = list.coords[i * list.dim + 1];
  }
  return out;
}

function readPolygonRings(el: XmlElement, ctx: CurveContext): PositionList[] {
  const rings: PositionList[] = [];
  for (const c of el.children) {
    const isExterior = c.name === 'exterior' || c.name === 'outerBoundaryIs';
    if (!isExterior && c.name !== 'interior' && c.name !== 'innerBoundaryIs') continue;
    const ring = c.children[0];
    if (!ring) throw new ElementError(`gml:${c.name} without a ring`, c);
    const list = readRing(ring, ctx);
    if (isExterior) rings.unshift(list);
    else rings.push(list);
  }
  if (!rings.length) throw new ElementError(`gml:${el.name} has no exterior ring`, el);
  return rings;
}

/** Polygons of any surface element, each as its list of rings. */
function readSurfaces(el: XmlElement, ctx: CurveContext): PositionList[][] {
  const c = withDim(el, ctx);
  switch (el.name) {
    case 'Polygon':
    case 'PolygonPatch':
      return [readPolygonRings(el, c)];
    case 'Surface': {
      const patches = el.children.find((ch) => ch.name === 'patches' || ch.name === 'polygonPatches');
      const out: PositionList[][] = [];
      for (const p of patches?.children ?? []) {
        if (p.name !== 'PolygonPatch') throw new ElementError(`gml:${p.name} is not a supported surface patch`, p);
        out.push(readPolygonRings(p, withDim(p, c)));
      }
      if (!out.length) throw new ElementError('gml:Surface has no patches', el);
      return out;
    }
    case 'MultiSurface':
    case 'CompositeSurface':
    case 'MultiPolygon': {
      const single = el.name === 'MultiPolygon' ? 'polygonMember' : 'surfaceMember';
      return members(el, single, 'surfaceMembers').flatMap((m) => readSurfaces(m, c));
    }
    default:
      throw new ElementError(`gml:${el.name} is not a surface`, el);
  }
}

function polygonGeometry(polys: PositionList[][]): Geometry {
  const all = arrays(polys.flat());
  let k = 0;
  const polygons = polys.map((p) => p.map(() => all.arrays[k++]));
  if (polygons.length === 1) return { type: 'Polygon', dim: all.dim, rings: polygons[0] } satisfies PolygonGeometry;
  return { type: 'MultiPolygon', dim: all.dim, polygons };
}

function readGeometry(el: XmlElement, ctx: CurveContext): Geometry {
  if (!isGmlNamespace(el.ns)) throw new ElementError(`<${el.name}> is not a GML geometry`, el);
  const c = withDim(el, ctx);
  switch (el.name) {
    case 'Point': {
      const list = readDirectPositions(el, c);
      if (list.coords.length !== list.dim) throw new ElementError('gml:Point needs exactly one position', el);
      const { dim, arrays: [coords] } = arrays([list]);
      return { type: 'Point', dim, coords };
    }
    case 'MultiPoint': {
      const lists = members(el, 'pointMember', 'pointMembers').map((p) => {
        if (p.name !== 'Point') throw new ElementError(`gml:${p.name} in a gml:MultiPoint`, p);
        return readDirectPositions(p, withDim(p, c));
      });
      const dim: Dim = lists.length > 0 && lists.every((l) => l.dim === 3) ? 3 : 2;
      const coords: number[] = [];
      for (const l of lists) for (let i = 0; i < l.coords.length; i += l.dim) {
        coords.push(l.coords[i], l.coords[i + 1]);
        if (dim === 3) coords.push(l.coords[i + 2]);
      }
      return { type: 'MultiPoint', dim, coords: Float64Array.from(coords) };
    }
    case 'MultiCurve':
    case 'MultiLineString': {
      const single = el.name === 'MultiCurve' ? 'curveMember' : 'lineStringMember';
      const lines = arrays(members(el, single, 'curveMembers').map((m) => readCurve(m, withDim(m, c))));
      return { type: 'MultiLineString', dim: lines.dim, lines: lines.arrays };
    }
    case 'Polygon':
    case 'PolygonPatch':
    case 'Surface':
    case 'MultiSurface':
    case 'CompositeSurface':
    case 'MultiPolygon':
      return polygonGeometry(readSurfaces(el, c));
    case 'LinearRing':
    case 'Ring':
      return polygonGeometry([[readRing(el, c)]]);
    case 'MultiGeometry':
      return { type: 'GeometryCollection', geometries: members(el, 'geometryMember', 'geometryMembers').map((m) => readGeometry(m, c)) };
    default: {
      if (!GEOMETRY_NAMES.has(el.name)) throw new ElementError(`gml:${el.name} is not a supported geometry`, el);
      const line = arrays([readCurve(el, c)]);
      return { type: 'LineString', dim: line.dim, coords: line.arrays[0] };
    }
  }
}
