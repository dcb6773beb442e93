/** Even-odd point-in-polygon over all rings of a Shape (holes and multipolygons included). */
import type { Shape } from './shape';

/**
 * True when (x, y) is inside. Uses the half-open crossing rule, so a point exactly on an edge
 * is inside for some edges and outside for others: callers that need closed semantics test
 * the boundary separately.
 */
export function pointInShape(shape: Shape, x: number, y: number): boolean {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
  let inside = false;
  for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
    for (let r = ro[p]; r < ro[p + 1]; r++) {
      const v0 = vo[r];
      const v1 = vo[r + 1];
      for (let i = v0, j = v1 - 1; i < v1; j = i++) {
        const yi = coords[i * 2 + 1];
        const yj = coords[j * 2 + 1];
        if (yi > y !== yj > y) {
          const xi = coords[i * 2];
          const xj = coords[j * 2];
          if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
  }
  return inside;
}
