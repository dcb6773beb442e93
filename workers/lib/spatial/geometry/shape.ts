/**
 * A Shape is a view of polygons that share one coordinate buffer, laid out like a FootprintSet:
 * polygon p has rings ringOffsets[p]..ringOffsets[p+1], ring r has vertices
 * vertexOffsets[r]..vertexOffsets[r+1], vertex v is coords[2v], coords[2v+1].
 * Rings may or may not repeat their first vertex at the end; every function here treats them as closed.
 * Insides follow the even-odd rule, so ring orientation does not matter.
 */
import type { FootprintSet } from '../../footprints/footprint-set';
import type { MultiPolygonRings } from '../../../types/spatial';
export type { MultiPolygonRings } from '../../../types/spatial';

export interface Shape {
  coords: Float64Array;
  vertexOffsets: ArrayLike<number>;
  ringOffsets: ArrayLike<number>;
  polygonStart: number;
  polygonEnd: number;
}

/** A self-contained Shape copied from rings; a ring's dimension (2 or 3) is given by `dim`. */
export function shapeFromRings(polygons: MultiPolygonRings, dim: 2 | 3 = 2): Shape {
  let vertices = 0;
  let rings = 0;
  for (const poly of polygons) {
    rings += poly.length;
    for (const ring of poly) vertices += Math.floor(ring.length / dim);
  }
  const coords = new Float64Array(vertices * 2);
  const vertexOffsets = new Uint32Array(rings + 1);
  const ringOffsets = new Uint32Array(polygons.length + 1);
  let v = 0;
  let r = 0;
  polygons.forEach((poly, p) => {
    for (const ring of poly) {
      const count = Math.floor(ring.length / dim);
      for (let i = 0; i < count; i++) {
        coords[v * 2] = ring[i * dim];
        coords[v * 2 + 1] = ring[i * dim + 1];
        v++;
      }
      vertexOffsets[++r] = v;
    }
    ringOffsets[p + 1] = r;
  });
  return { coords, vertexOffsets, ringOffsets, polygonStart: 0, polygonEnd: polygons.length };
}

/** Points footprint i of a set into `target` (reused to avoid allocation in loops). */
export function footprintShape(set: FootprintSet, i: number, target?: Shape): Shape {
  const shape = target ?? { coords: set.coords, vertexOffsets: set.vertexOffsets, ringOffsets: set.ringOffsets, polygonStart: 0, polygonEnd: 0 };
  shape.coords = set.coords;
  shape.vertexOffsets = set.vertexOffsets;
  shape.ringOffsets = set.ringOffsets;
  shape.polygonStart = set.polygonOffsets[i];
  shape.polygonEnd = set.polygonOffsets[i + 1];
  return shape;
}

/** The shape's polygons back as ring arrays (x,y interleaved, not closed). */
export function shapeToRings(shape: Shape): Float64Array[][] {
  const out: Float64Array[][] = [];
  for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
    const poly: Float64Array[] = [];
    for (let r = shape.ringOffsets[p]; r < shape.ringOffsets[p + 1]; r++) {
      poly.push(shape.coords.slice(shape.vertexOffsets[r] * 2, shape.vertexOffsets[r + 1] * 2));
    }
    out.push(poly);
  }
  return out;
}
