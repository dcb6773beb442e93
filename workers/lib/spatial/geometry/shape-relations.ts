/**
 * Exact relations between one raw shape (a footprint) and a prepared shape (a query area or zone).
 * Closed-set semantics: touching counts as intersecting, and a footprint whose boundary runs along
 * the area's boundary from inside is contained.
 */
import { EdgeList } from './edge-list';
import { pointInShape } from './point-in-shape';
import type { PreparedShape } from './prepared-shape';
import type { Shape } from './shape';
import { segmentsIntersect } from './segments';

/** Relative area tolerance of `contains` when boundaries touch: sub-µm² slivers from rounding are inside. */
const CONTAINS_TOLERANCE = 1e-9;

const scratchEdges = new EdgeList();

function boxesOverlap(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Whether any edge of the shape meets any of the prepared shape's edges listed in `near`. */
function boundariesMeet(q: PreparedShape, near: readonly number[], f: Shape): boolean {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = f;
  const e = q.edges;
  for (let p = f.polygonStart; p < f.polygonEnd; p++) {
    for (let r = ro[p]; r < ro[p + 1]; r++) {
      const v0 = vo[r];
      const v1 = vo[r + 1];
      for (let i = v0, j = v1 - 1; i < v1; j = i++) {
        const ax = coords[j * 2], ay = coords[j * 2 + 1], bx = coords[i * 2], by = coords[i * 2 + 1];
        for (let n = 0; n < near.length; n++) {
          const k = near[n] * 4;
          if (segmentsIntersect(ax, ay, bx, by, e[k], e[k + 1], e[k + 2], e[k + 3])) return true;
        }
      }
    }
  }
  return false;
}

/** Each ring of f tested by its first vertex: when boundaries do not meet, a ring is wholly in or out of q. */
function ringsInside(q: PreparedShape, f: Shape, mode: 'any' | 'all'): boolean {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = f;
  for (let p = f.polygonStart; p < f.polygonEnd; p++) {
    for (let r = ro[p]; r < ro[p + 1]; r++) {
      const v = vo[r];
      if (vo[r + 1] === v) continue;
      const inside = q.containsPoint(coords[v * 2], coords[v * 2 + 1]);
      if (mode === 'any' && inside) return true;
      if (mode === 'all' && !inside) return false;
    }
  }
  return mode === 'all';
}

/** Some ring of q has its first vertex inside f. */
function probesInside(q: PreparedShape, f: Shape, fBox: ArrayLike<number>): boolean {
  const probes = q.ringProbes;
  for (let i = 0; i < probes.length; i += 2) {
    const x = probes[i];
    const y = probes[i + 1];
    if (x < fBox[0] || x > fBox[2] || y < fBox[1] || y > fBox[3]) continue;
    if (pointInShape(f, x, y)) return true;
  }
  return false;
}

function firstVertexInside(q: PreparedShape, f: Shape): boolean {
  const v = f.vertexOffsets[f.ringOffsets[f.polygonStart]];
  return q.containsPoint(f.coords[v * 2], f.coords[v * 2 + 1]);
}

function isEmpty(f: Shape): boolean {
  return f.vertexOffsets[f.ringOffsets[f.polygonEnd]] === f.vertexOffsets[f.ringOffsets[f.polygonStart]];
}

/** f ∩ q ≠ ∅ (closed sets). */
export function shapeIntersects(q: PreparedShape, f: Shape, fBox: ArrayLike<number>): boolean {
  if (isEmpty(f) || !boxesOverlap(q.bbox, fBox)) return false;
  const near = q.edgesNear(fBox[0], fBox[1], fBox[2], fBox[3]);
  // No edge of q reaches f's box: the box, and f with it, is wholly inside or wholly outside q.
  if (near.length === 0) return firstVertexInside(q, f);
  if (boundariesMeet(q, near, f)) return true;
  // Boundaries apart: the shapes meet only if a ring of one lies inside the other.
  return ringsInside(q, f, 'any') || probesInside(q, f, fBox);
}

/** f ⊆ q (closed sets); `fArea` is f's area. */
export function shapeWithin(q: PreparedShape, f: Shape, fBox: ArrayLike<number>, fArea: number): boolean {
  if (isEmpty(f)) return false;
  if (fBox[0] < q.bbox[0] || fBox[1] < q.bbox[1] || fBox[2] > q.bbox[2] || fBox[3] > q.bbox[3]) return false;
  const near = q.edgesNear(fBox[0], fBox[1], fBox[2], fBox[3]);
  if (near.length === 0) return firstVertexInside(q, f);
  if (!boundariesMeet(q, near, f)) return ringsInside(q, f, 'all') && !probesInside(q, f, fBox);
  // Boundaries touch or cross: measure. A regular closed set lies within another iff nothing of its area is outside.
  return q.intersectionArea(f, fBox, scratchEdges) >= fArea * (1 - CONTAINS_TOLERANCE);
}

/** Area of f ∩ q, with the fast answers for f wholly inside or outside q. */
export function clippedArea(q: PreparedShape, f: Shape, fBox: ArrayLike<number>, fArea: number): number {
  if (isEmpty(f) || !boxesOverlap(q.bbox, fBox)) return 0;
  const near = q.edgesNear(fBox[0], fBox[1], fBox[2], fBox[3]);
  if (near.length === 0) return firstVertexInside(q, f) ? fArea : 0;
  return q.intersectionArea(f, fBox, scratchEdges);
}
