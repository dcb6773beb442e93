/**
 * Sun hours of points: for every sun sample, a shadow ray from each point (nudged off its surface) towards
 * the sun. Facade points count sun only in front of their wall. Hours are per day (averaged over the range);
 * `minAltitude` hours count only sun at or above that elevation (DIN EN 17037, see src/core/sun/sun-vector.ts).
 */
import type { Task } from '../spatial/task';
import type { SunSamples } from './sun-samples';
import type { TriangleGrid } from './triangle-grid';

export interface SamplePoints {
  /** x, y, z per point, local ENU metres. */
  positions: Float64Array;
  /** Outward unit normal per point (facades); absent for ground points (any sun above the horizon counts). */
  normals?: Float64Array;
}

export interface SunHours {
  /** Sun hours per day, sun above the horizon. */
  hours: Float32Array;
  /** Sun hours per day with the sun at or above minAltitude. */
  hoursAboveMin: Float32Array;
}

/** Lift off the surface, so a point is not shadowed by the face it lies on. */
const NUDGE = 0.05;

export function* sunHoursTask(grid: TriangleGrid, points: SamplePoints, sun: SunSamples, minAltitude: number): Task<SunHours> {
  const n = points.positions.length / 3;
  const hours = new Float32Array(n);
  const above = new Float32Array(n);
  const samples = sun.elevations.length;
  const perSample = sun.stepMinutes / 60 / sun.days;
  const p = points.positions;
  const normals = points.normals;
  const d = sun.directions;
  let work = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(p[i * 3 + 2])) {
      hours[i] = above[i] = Number.NaN;
      continue;
    }
    let nx = 0, ny = 0, nz = 1;
    if (normals) {
      nx = normals[i * 3];
      ny = normals[i * 3 + 1];
      nz = normals[i * 3 + 2];
    }
    const ox = p[i * 3] + nx * NUDGE, oy = p[i * 3 + 1] + ny * NUDGE, oz = p[i * 3 + 2] + nz * NUDGE;
    let h = 0, a = 0;
    for (let s = 0; s < samples; s++) {
      const dx = d[s * 3], dy = d[s * 3 + 1], dz = d[s * 3 + 2];
      if (normals && dx * nx + dy * ny + dz * nz <= 0) continue;
      if (grid.occluded(ox, oy, oz, dx, dy, dz)) continue;
      h += perSample;
      if (sun.elevations[s] >= minAltitude) a += perSample;
    }
    hours[i] = h;
    above[i] = a;
    work += samples;
    if (work >= 4096) {
      work = 0;
      yield i / n;
    }
  }
  return { hours, hoursAboveMin: above };
}
