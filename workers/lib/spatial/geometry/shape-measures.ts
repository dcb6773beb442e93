/** Bounding box, area and centroid of a Shape in one pass over its vertices. */
import type { Shape } from './shape';
export type { Bbox } from '../../../types/spatial';

/** Writes the shape's bbox into target[at..at+3]; an empty shape gets an inverted (empty) box. */
export function shapeBbox(shape: Shape, target: Float64Array | number[], at = 0): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
  const v0 = vo[ro[shape.polygonStart]];
  const v1 = vo[ro[shape.polygonEnd]];
  for (let v = v0; v < v1; v++) {
    const x = coords[v * 2];
    const y = coords[v * 2 + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  target[at] = minX;
  target[at + 1] = minY;
  target[at + 2] = maxX;
  target[at + 3] = maxY;
}

/**
 * Area (m²) and area-weighted centroid. The first ring of each polygon adds, later rings (holes)
 * subtract, whatever their orientation. Sums run relative to the shape's first vertex so that
 * projected coordinates in the millions do not cancel digits.
 * Writes [area, cx, cy] into target[at..at+2]; a shape of zero area gets the mean of its vertices.
 */
export function shapeAreaCentroid(shape: Shape, target: Float64Array | number[], at = 0): void {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
  const first = vo[ro[shape.polygonStart]];
  const last = vo[ro[shape.polygonEnd]];
  if (last <= first) {
    target[at] = 0;
    target[at + 1] = NaN;
    target[at + 2] = NaN;
    return;
  }
  const ox = coords[first * 2];
  const oy = coords[first * 2 + 1];
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
    for (let r = ro[p]; r < ro[p + 1]; r++) {
      const v0 = vo[r];
      const v1 = vo[r + 1];
      let a = 0;
      let cx = 0;
      let cy = 0;
      for (let i = v0, j = v1 - 1; i < v1; j = i++) {
        const xj = coords[j * 2] - ox;
        const yj = coords[j * 2 + 1] - oy;
        const xi = coords[i * 2] - ox;
        const yi = coords[i * 2 + 1] - oy;
        const cross = xj * yi - xi * yj;
        a += cross;
        cx += (xj + xi) * cross;
        cy += (yj + yi) * cross;
      }
      // Exterior adds, holes subtract: flip each ring to the sign its role needs.
      const sign = (r === ro[p]) === a >= 0 ? 1 : -1;
      area += (sign * a) / 2;
      sx += (sign * cx) / 6;
      sy += (sign * cy) / 6;
    }
  }
  if (Math.abs(area) > 0) {
    target[at] = area;
    target[at + 1] = ox + sx / area;
    target[at + 2] = oy + sy / area;
    return;
  }
  let mx = 0;
  let my = 0;
  for (let v = first; v < last; v++) {
    mx += coords[v * 2] - ox;
    my += coords[v * 2 + 1] - oy;
  }
  target[at] = 0;
  target[at + 1] = ox + mx / (last - first);
  target[at + 2] = oy + my / (last - first);
}

export function shapeArea(shape: Shape): number {
  const out = [0, 0, 0];
  shapeAreaCentroid(shape, out);
  return out[0];
}
