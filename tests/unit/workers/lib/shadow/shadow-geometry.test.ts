import { describe, expect, it } from 'vitest';
import { TriangleGrid } from '../../../../../workers/lib/shadow/triangle-grid';
import { groundGrid, facadePoints } from '../../../../../workers/lib/shadow/sample-points';
import { sunHoursTask } from '../../../../../workers/lib/shadow/sun-hours';
import type { SunSamples } from '../../../../../workers/lib/shadow/sun-samples';
import { runSync } from '../../../../../workers/lib/spatial/task';
import { sunDirectionEnu } from '../../../../../src/core/sun';
import { box, ground, scene } from './scene-helpers';
import { seededRandom as mulberry32 } from '../../../../helpers/seeded-random';

function oneSun(azimuth: number, elevation: number): SunSamples {
  const v = sunDirectionEnu(azimuth, elevation);
  return { directions: new Float64Array([v.x, v.y, v.z]), elevations: new Float64Array([elevation]), times: new Float64Array([0]), stepMinutes: 60, days: 1 };
}

/** Shadow length of the 10 m cube (x, y ∈ [−5, 5]) along the direction away from the sun, from the worker's ground grid. */
function shadowLengthFromGrid(azimuth: number, elevation: number): number {
  const s = scene(ground(200), box('cube', -5, -5, 0, 5, 5, 10));
  const grid = new TriangleGrid(s.positions);
  // a fine strip of cells along the shadow axis, starting at the cube's face
  const away = ((azimuth + 180) * Math.PI) / 180;
  const ux = Math.sin(away), uy = Math.cos(away);
  const cell = 0.02;
  const points: number[] = [];
  for (let k = 0; k < 2000; k++) {
    const r = 5.01 + k * cell; // from the face outwards (axis-aligned sun: the face is 5 m from the centre)
    points.push(ux * r, uy * r, 0);
  }
  const result = runSync(sunHoursTask(grid, { positions: new Float64Array(points) }, oneSun(azimuth, elevation), 0));
  let last = -1;
  result.hours.forEach((h, k) => {
    if (h === 0) last = k;
  });
  return 0.01 + (last + 0.5) * cell;
}

describe('shadow geometry (worker)', () => {
  it('a 10 m cube casts a shadow 10 / tan(elevation) long, away from the sun, within 1 %', () => {
    for (const [azimuth, elevation] of [[180, 30], [180, 20], [90, 45], [270, 15]]) {
      const expected = 10 / Math.tan((elevation * Math.PI) / 180);
      const measured = shadowLengthFromGrid(azimuth, elevation);
      expect(Math.abs(measured - expected) / expected).toBeLessThan(0.01);
    }
  });

  it('the ground grid: shadow north of the cube with the sun in the south, nothing south of it, NaN inside', () => {
    const s = scene(ground(200), box('cube', -5, -5, 0, 5, 5, 10));
    const grid = new TriangleGrid(s.positions);
    const g = groundGrid({ minX: -30, minY: -30, maxX: 30, maxY: 30 }, 1, 0, grid);
    const r = runSync(sunHoursTask(grid, { positions: g.positions }, oneSun(180, 30), 0));
    const at = (x: number, y: number) => r.hours[Math.floor(y + 30) * g.nx + Math.floor(x + 30)];
    expect(at(0.5, 15.5)).toBe(0); // 10.5 m north of the north face: inside the 17.3 m shadow
    expect(at(0.5, 23.5)).toBe(1); // 18.5 m north: beyond it
    expect(at(0.5, -10.5)).toBe(1); // south: sunny
    expect(at(7.5, 10.5)).toBe(1); // beside the shadow
    expect(Number.isNaN(at(0.5, 0.5))).toBe(true); // under the roof
    // the shadow area in cells ≈ 10 m × 17.32 m
    let shadowed = 0;
    r.hours.forEach((h) => (shadowed += h === 0 ? 1 : 0));
    expect(Math.abs(shadowed - 173.2)).toBeLessThan(12);
  });

  it('an oblique sun: the shadow of the cube corner lies along the anti-sun direction', () => {
    const s = scene(ground(200), box('cube', -5, -5, 0, 5, 5, 10));
    const grid = new TriangleGrid(s.positions);
    const L = 10 / Math.tan((25 * Math.PI) / 180);
    const away = ((225 + 180) * Math.PI) / 180; // sun in the south-west: shadow to the north-east
    const corner = [5, 5];
    const inside = [corner[0] + Math.sin(away) * L * 0.98, corner[1] + Math.cos(away) * L * 0.98];
    const outside = [corner[0] + Math.sin(away) * L * 1.02, corner[1] + Math.cos(away) * L * 1.02];
    const v = sunDirectionEnu(225, 25);
    expect(grid.occluded(inside[0] - 0.01, inside[1] - 0.01, 0.01, v.x, v.y, v.z)).toBe(true);
    expect(grid.occluded(outside[0], outside[1], 0.01, v.x, v.y, v.z)).toBe(false);
  });

  it('agrees with brute force on random rays through a random town', () => {
    const rnd = mulberry32(7);
    const parts = [ground(300)];
    for (let i = 0; i < 40; i++) {
      const x = (rnd() - 0.5) * 400, y = (rnd() - 0.5) * 400;
      parts.push(box(`b${i}`, x, y, 0, x + 5 + rnd() * 20, y + 5 + rnd() * 20, 3 + rnd() * 40));
    }
    const s = scene(...parts);
    const grid = new TriangleGrid(s.positions);
    const brute = new TriangleGrid(s.positions, { cellSize: 2000 }); // one cell: every triangle tested
    let hits = 0;
    for (let k = 0; k < 3000; k++) {
      const el = (2 + rnd() * 80) * (Math.PI / 180), az = rnd() * Math.PI * 2;
      const d = [Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el)];
      const o = [(rnd() - 0.5) * 500, (rnd() - 0.5) * 500, 0.05 + rnd() * 10];
      const a = grid.occluded(o[0], o[1], o[2], d[0], d[1], d[2]);
      expect(a).toBe(brute.occluded(o[0], o[1], o[2], d[0], d[1], d[2]));
      if (a) hits++;
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('facade points: outward normals, areas that add up to the walls', () => {
    const s = scene(box('house', 0, 0, 0, 12, 8, 6));
    // wind one wall triangle the wrong way (real data has such): its normal must still point out
    const t = s.positions.slice(36, 45); // triangle 4: the south wall
    s.positions.set([...t.subarray(0, 3), ...t.subarray(6, 9), ...t.subarray(3, 6)], 36);
    const f = facadePoints(s, ['house'], 2);
    let total = 0;
    f.areas.forEach((a) => (total += a));
    expect(total).toBeCloseTo(2 * (12 + 8) * 6, 6);
    for (let i = 0; i < f.areas.length; i++) {
      const x = f.positions[i * 3], y = f.positions[i * 3 + 1];
      expect((x - 6) * f.normals[i * 3] + (y - 4) * f.normals[i * 3 + 1]).toBeGreaterThan(0);
      expect(Math.abs(f.normals[i * 3 + 2])).toBe(0);
    }
    expect(f.buildings).toEqual(['house']);
  });
});
