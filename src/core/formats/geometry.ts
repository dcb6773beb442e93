/**
 * Format-neutral vector geometry, as read from GML or GeoJSON.
 * Coordinates are interleaved in a Float64Array with `dim` values per position, x (east/longitude)
 * first: readers normalise the axis order. Typed arrays so that results can be transferred from a worker.
 */
export type Dim = 2 | 3;

export interface PointGeometry {
  type: 'Point';
  dim: Dim;
  coords: Float64Array;
}
export interface MultiPointGeometry {
  type: 'MultiPoint';
  dim: Dim;
  /** All points, interleaved. */
  coords: Float64Array;
}
export interface LineStringGeometry {
  type: 'LineString';
  dim: Dim;
  coords: Float64Array;
}
export interface MultiLineStringGeometry {
  type: 'MultiLineString';
  dim: Dim;
  lines: Float64Array[];
}
export interface PolygonGeometry {
  type: 'Polygon';
  dim: Dim;
  /** Exterior ring first, then holes; closed (last position = first). */
  rings: Float64Array[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  dim: Dim;
  polygons: Float64Array[][];
}
export interface GeometryCollection {
  type: 'GeometryCollection';
  geometries: Geometry[];
}

export type Geometry =
  | PointGeometry
  | MultiPointGeometry
  | LineStringGeometry
  | MultiLineStringGeometry
  | PolygonGeometry
  | MultiPolygonGeometry
  | GeometryCollection;

/** Calls fn for every coordinate array of a geometry (rings, lines, point lists). */
export function forEachCoordArray(g: Geometry, fn: (coords: Float64Array, dim: Dim) => void): void {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
      fn(g.coords, g.dim);
      break;
    case 'MultiLineString':
      for (const l of g.lines) fn(l, g.dim);
      break;
    case 'Polygon':
      for (const r of g.rings) fn(r, g.dim);
      break;
    case 'MultiPolygon':
      for (const p of g.polygons) for (const r of p) fn(r, g.dim);
      break;
    case 'GeometryCollection':
      for (const c of g.geometries) forEachCoordArray(c, fn);
      break;
  }
}

/** The ArrayBuffers of a geometry, for a worker's transfer list. */
export function geometryBuffers(g: Geometry, out: Set<ArrayBuffer> = new Set()): Set<ArrayBuffer> {
  forEachCoordArray(g, (c) => out.add(c.buffer as ArrayBuffer));
  return out;
}
