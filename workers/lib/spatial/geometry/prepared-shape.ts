/**
 * A shape queried many times (a query area, a plan zone): its edges are kept in a flat list and,
 * past a few dozen edges, in a Flatbush of their own, so per-candidate tests touch only nearby edges.
 */
import Flatbush from 'flatbush';
import { EdgeList } from './edge-list';
import { intersectionAreaOfEdges } from './intersection-area';
import type { Shape } from './shape';
import { shapeAreaCentroid, shapeBbox } from './shape-measures';
import { pointBoxDistance2, pointSegmentDistance2, segmentsIntersect } from './segments';

const EDGE_INDEX_THRESHOLD = 32;

export class PreparedShape {
  readonly bbox = new Float64Array(4);
  readonly area: number;
  readonly centroid: [number, number];
  /** x1, y1, x2, y2 per edge. */
  readonly edges: Float64Array;
  readonly edgeCount: number;
  private readonly edgeIndex: Flatbush | null;
  /** One vertex per ring: enough to decide containment when no boundaries meet. */
  readonly ringProbes: Float64Array;
  private readonly hits: number[] = [];
  private readonly band = new EdgeList();

  constructor(readonly shape: Shape) {
    shapeBbox(shape, this.bbox);
    const ac = [0, 0, 0];
    shapeAreaCentroid(shape, ac);
    this.area = ac[0];
    this.centroid = [ac[1], ac[2]];
    const list = new EdgeList();
    const probes: number[] = [];
    const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
    for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
      for (let r = ro[p]; r < ro[p + 1]; r++) {
        const v0 = vo[r];
        const v1 = vo[r + 1];
        if (v1 > v0) probes.push(coords[v0 * 2], coords[v0 * 2 + 1]);
        for (let i = v0, j = v1 - 1; i < v1; j = i++) list.push(coords[j * 2], coords[j * 2 + 1], coords[i * 2], coords[i * 2 + 1]);
      }
    }
    this.edgeCount = list.count;
    this.edges = list.data.slice(0, list.count * 4);
    this.ringProbes = Float64Array.from(probes);
    if (this.edgeCount > EDGE_INDEX_THRESHOLD) {
      const index = new Flatbush(this.edgeCount);
      const e = this.edges;
      for (let i = 0; i < e.length; i += 4) index.add(Math.min(e[i], e[i + 2]), Math.min(e[i + 1], e[i + 3]), Math.max(e[i], e[i + 2]), Math.max(e[i + 1], e[i + 3]));
      index.finish();
      this.edgeIndex = index;
    } else {
      this.edgeIndex = null;
    }
  }

  /** Indices of edges whose bbox meets the box; the array is reused by the next call. */
  edgesNear(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const hits = this.hits;
    hits.length = 0;
    if (this.edgeIndex) {
      this.edgeIndex.search(minX, minY, maxX, maxY, (i) => {
        hits.push(i);
        return false;
      });
      return hits;
    }
    const e = this.edges;
    for (let i = 0; i < this.edgeCount; i++) {
      const k = i * 4;
      if (Math.max(e[k], e[k + 2]) < minX || Math.min(e[k], e[k + 2]) > maxX || Math.max(e[k + 1], e[k + 3]) < minY || Math.min(e[k + 1], e[k + 3]) > maxY) continue;
      hits.push(i);
    }
    return hits;
  }

  /**
   * Even-odd with the same answer as pointInShape, but casting the ray to the left so that the edge
   * index can skip everything right of the point (a line crosses the boundary an even number of times).
   */
  containsPoint(x: number, y: number): boolean {
    if (x < this.bbox[0] || x > this.bbox[2] || y < this.bbox[1] || y > this.bbox[3]) return false;
    const e = this.edges;
    let inside = false;
    for (const i of this.edgesNear(this.bbox[0], y, x, y)) {
      const k = i * 4;
      const x1 = e[k], y1 = e[k + 1], x2 = e[k + 2], y2 = e[k + 3];
      if (y1 > y !== y2 > y && ((x1 - x2) * (y - y2)) / (y1 - y2) + x2 <= x) inside = !inside;
    }
    return inside;
  }

  /** True when some edge meets the closed segment. */
  segmentTouchesBoundary(ax: number, ay: number, bx: number, by: number): boolean {
    const e = this.edges;
    for (const i of this.edgesNear(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      const k = i * 4;
      if (segmentsIntersect(ax, ay, bx, by, e[k], e[k + 1], e[k + 2], e[k + 3])) return true;
    }
    return false;
  }

  /** Area of (this ∩ other) for a raw shape with the given bbox. */
  intersectionArea(other: Shape, otherBbox: ArrayLike<number>, otherEdges: EdgeList): number {
    const y0 = Math.max(this.bbox[1], otherBbox[1]);
    const y1 = Math.min(this.bbox[3], otherBbox[3]);
    const x0 = Math.max(this.bbox[0], otherBbox[0]);
    const x1 = Math.min(this.bbox[2], otherBbox[2]);
    if (!(y1 > y0) || !(x1 > x0)) return 0;
    otherEdges.clear().addShapeEdges(other, y0, y1);
    const band = this.band.clear();
    const e = this.edges;
    for (const i of this.edgesNear(this.bbox[0], y0, x1, y1)) {
      const k = i * 4;
      const ya = e[k + 1];
      const yb = e[k + 3];
      if (ya === yb || (ya <= y0 && yb <= y0) || (ya >= y1 && yb >= y1)) continue;
      band.push(e[k], ya, e[k + 2], yb);
    }
    return intersectionAreaOfEdges(otherEdges, band, y0, y1);
  }

  /** Distance from a point to the shape: 0 inside, else to the nearest edge. */
  distanceTo(x: number, y: number): number {
    if (this.containsPoint(x, y)) return 0;
    let best = Infinity;
    const e = this.edges;
    for (let i = 0; i < this.edges.length; i += 4) {
      if (pointBoxDistance2(x, y, Math.min(e[i], e[i + 2]), Math.min(e[i + 1], e[i + 3]), Math.max(e[i], e[i + 2]), Math.max(e[i + 1], e[i + 3])) >= best) continue;
      const d = pointSegmentDistance2(x, y, e[i], e[i + 1], e[i + 2], e[i + 3]);
      if (d < best) best = d;
    }
    return Math.sqrt(best);
  }
}
