/**
 * Bounding box, area and centroid of every footprint of a set in one pass over the coordinates:
 * the same results as shapeBbox + shapeAreaCentroid per footprint, without per-footprint objects
 * (the 1M-footprint index build spends its time here and in Flatbush).
 * Returns how many footprints have at least one vertex.
 */
import type { FootprintSet } from '../footprints/footprint-set';

export function measureFootprints(set: FootprintSet, bboxes: Float64Array, areas: Float64Array, centroids: Float64Array): number {
  const { coords, vertexOffsets: vo, ringOffsets: ro, polygonOffsets: po } = set;
  const n = set.ids.length;
  let withGeometry = 0;
  for (let f = 0; f < n; f++) {
    const first = vo[ro[po[f]]];
    const last = vo[ro[po[f + 1]]];
    if (last <= first) {
      bboxes[f * 4] = Infinity;
      bboxes[f * 4 + 1] = Infinity;
      bboxes[f * 4 + 2] = -Infinity;
      bboxes[f * 4 + 3] = -Infinity;
      areas[f] = 0;
      centroids[f * 2] = NaN;
      centroids[f * 2 + 1] = NaN;
      continue;
    }
    withGeometry++;
    // Sums relative to the first vertex keep digits at UTM magnitudes.
    const ox = coords[first * 2];
    const oy = coords[first * 2 + 1];
    let minX = ox, minY = oy, maxX = ox, maxY = oy;
    let area = 0, sx = 0, sy = 0, mx = 0, my = 0;
    for (let p = po[f]; p < po[f + 1]; p++) {
      for (let r = ro[p]; r < ro[p + 1]; r++) {
        const v0 = vo[r];
        const v1 = vo[r + 1];
        if (v1 === v0) continue;
        let a = 0, cx = 0, cy = 0;
        let xj = coords[(v1 - 1) * 2] - ox;
        let yj = coords[(v1 - 1) * 2 + 1] - oy;
        for (let i = v0; i < v1; i++) {
          const X = coords[i * 2];
          const Y = coords[i * 2 + 1];
          if (X < minX) minX = X;
          else if (X > maxX) maxX = X;
          if (Y < minY) minY = Y;
          else if (Y > maxY) maxY = Y;
          const xi = X - ox;
          const yi = Y - oy;
          mx += xi;
          my += yi;
          const cross = xj * yi - xi * yj;
          a += cross;
          cx += (xj + xi) * cross;
          cy += (yj + yi) * cross;
          xj = xi;
          yj = yi;
        }
        const sign = (r === ro[p]) === a >= 0 ? 1 : -1;
        area += (sign * a) / 2;
        sx += (sign * cx) / 6;
        sy += (sign * cy) / 6;
      }
    }
    bboxes[f * 4] = minX;
    bboxes[f * 4 + 1] = minY;
    bboxes[f * 4 + 2] = maxX;
    bboxes[f * 4 + 3] = maxY;
    areas[f] = Math.abs(area);
    if (area !== 0) {
      centroids[f * 2] = ox + sx / area;
      centroids[f * 2 + 1] = oy + sy / area;
    } else {
      centroids[f * 2] = ox + mx / (last - first);
      centroids[f * 2 + 1] = oy + my / (last - first);
    }
  }
  return withGeometry;
}
