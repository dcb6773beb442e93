/** Distance from a point to a raw shape: 0 inside (even-odd), else to the nearest edge. */
import { pointInShape } from './point-in-shape';
import { pointSegmentDistance2 } from './segments';
import type { Shape } from './shape';

export function distanceToShape(shape: Shape, x: number, y: number): number {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
  if (vo[ro[shape.polygonEnd]] === vo[ro[shape.polygonStart]]) return Infinity;
  if (pointInShape(shape, x, y)) return 0;
  let best = Infinity;
  for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
    for (let r = ro[p]; r < ro[p + 1]; r++) {
      const v0 = vo[r];
      const v1 = vo[r + 1];
      for (let i = v0, j = v1 - 1; i < v1; j = i++) {
        const d = pointSegmentDistance2(x, y, coords[j * 2], coords[j * 2 + 1], coords[i * 2], coords[i * 2 + 1]);
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}

/** Distance from a point to the nearest edge of the shape, inside or out. */
export function distanceToBoundary(shape: Shape, x: number, y: number): number {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
  let best = Infinity;
  for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
    for (let r = ro[p]; r < ro[p + 1]; r++) {
      for (let i = vo[r], j = vo[r + 1] - 1; i < vo[r + 1]; j = i++) {
        const d = pointSegmentDistance2(x, y, coords[j * 2], coords[j * 2 + 1], coords[i * 2], coords[i * 2 + 1]);
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}
