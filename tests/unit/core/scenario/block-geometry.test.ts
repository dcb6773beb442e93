import { describe, expect, it } from 'vitest';
import { blockSurfaces, findSelfIntersection, normalizeFootprint, type BlockBuilding } from '../../../../src/core/scenario/index.js';

/** A 20 m (east) × 10 m (north) rectangle at (1000, 2000). */
const rect: [number, number][] = [[1000, 2000], [1020, 2000], [1020, 2010], [1000, 2010]];
const block = (roof: BlockBuilding['roof'], extra: Partial<BlockBuilding> = {}): BlockBuilding => ({ kind: 'block', id: 'b', footprint: rect, storeys: 3, storeyHeight: 3, roof, ...extra });

/** Highest z of the roof faces and the points at that height. */
function ridge(surfaces: ReturnType<typeof blockSurfaces>): { z: number; points: [number, number][] } {
  let z = -Infinity;
  for (const r of surfaces.roofs) for (let i = 2; i < r.length; i += 3) z = Math.max(z, r[i]);
  const points: [number, number][] = [];
  for (const r of surfaces.roofs) for (let i = 0; i < r.length; i += 3) if (Math.abs(r[i + 2] - z) < 1e-9) points.push([r[i], r[i + 1]]);
  return { z, points };
}

describe('block geometry', () => {
  it('flat roof: walls 9 m (3 × 3 m) on base 400, roof = footprint at 409', () => {
    const s = blockSurfaces(block({ form: 'flat' }), 400);
    expect(s.heights).toEqual({ wall: 9, roof: 0, top: 9, storeys: 3, storeysEstimated: false });
    expect(s.walls).toHaveLength(4);
    expect(s.roofs).toHaveLength(1);
    expect(ridge(s).z).toBe(409);
  });

  it('gable roof along east, 30°: ridge 5 · tan 30° = 2.887 m above the eaves, on the middle line y = 2005', () => {
    const s = blockSurfaces(block({ form: 'gable', pitch: 30, ridgeDirection: 90 }), 400);
    const expected = 5 * Math.tan(Math.PI / 6); // half the 10 m width times the slope
    expect(s.heights.roof).toBeCloseTo(2.8868, 4);
    expect(s.heights.roof).toBeCloseTo(expected, 9);
    const r = ridge(s);
    expect(r.z).toBeCloseTo(409 + expected, 9);
    for (const [, y] of r.points) expect(y).toBeCloseTo(2005, 9);
    expect(s.roofs).toHaveLength(2);
    // the gable ends (east and west walls) get a point at the ridge; the long walls stay at the eaves
    const wallTops = s.walls.map((w) => Math.max(...[...w].filter((_, i) => i % 3 === 2)));
    expect(wallTops.filter((z) => Math.abs(z - (409 + expected)) < 1e-9)).toHaveLength(2);
    expect(wallTops.filter((z) => z === 409)).toHaveLength(2);
  });

  it('gable roof across (ridge north–south) on the same block: ridge 10 · tan 30° = 5.774 m', () => {
    const s = blockSurfaces(block({ form: 'gable', pitch: 30, ridgeDirection: 0 }), 400);
    expect(s.heights.roof).toBeCloseTo(10 * Math.tan(Math.PI / 6), 9);
    for (const [x] of ridge(s).points) expect(x).toBeCloseTo(1010, 9);
  });

  it('default ridge runs along the longest edge', () => {
    expect(blockSurfaces(block({ form: 'gable', pitch: 45 }), 0).heights.roof).toBeCloseTo(5, 9);
  });

  it('hip roof, 45°, 20 × 10 m: ridge 5 m high from x = 1005 to 1015 (the hips meet 5 m in from each end)', () => {
    const s = blockSurfaces(block({ form: 'hip', pitch: 45 }), 400);
    expect(s.heights.roof).toBeCloseTo(5, 9);
    const r = ridge(s);
    expect(r.z).toBeCloseTo(414, 9);
    const xs = r.points.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(1005, 9);
    expect(Math.max(...xs)).toBeCloseTo(1015, 9);
    for (const [, y] of r.points) expect(y).toBeCloseTo(2005, 9);
    // two trapezoids and two triangles; all walls end at the eaves
    expect(s.roofs.map((f) => f.length / 3).sort()).toEqual([3, 3, 4, 4]);
    for (const w of s.walls) expect(Math.max(...[...w].filter((_, i) => i % 3 === 2))).toBe(409);
  });

  it('hip roof on a square is a pyramid: apex 5 · tan 30° above the eaves at the centre', () => {
    const square: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];
    const s = blockSurfaces(block({ form: 'hip', pitch: 30 }, { footprint: square }), 0);
    expect(s.heights.roof).toBeCloseTo(5 * Math.tan(Math.PI / 6), 9);
    expect(ridge(s).points.every(([x, y]) => Math.abs(x - 5) < 1e-9 && Math.abs(y - 5) < 1e-9)).toBe(true);
  });

  it('shed roof rises across the ridge direction: 10 m · tan 8° on the high side', () => {
    const s = blockSurfaces(block({ form: 'shed', ridgeDirection: 90 }), 0);
    expect(s.heights.roof).toBeCloseTo(10 * Math.tan((8 * Math.PI) / 180), 9);
  });

  it('height without storeys estimates storeys; a clockwise footprint comes out counter-clockwise', () => {
    const s = blockSurfaces({ kind: 'block', id: 'x', footprint: [...rect].reverse(), height: 10 }, 0);
    expect(s.heights.storeys).toBe(3);
    expect(s.heights.storeysEstimated).toBe(true);
    expect(s.footprint[1][0]).toBeGreaterThan(s.footprint[0][0] - 1e-9);
  });

  it('finds a self-intersection (a bow tie) and refuses spikes and too few corners', () => {
    expect(findSelfIntersection([[0, 0], [10, 10], [10, 0], [0, 10]])).toEqual([0, 2]);
    expect(findSelfIntersection(rect)).toBeNull();
    expect(() => normalizeFootprint([[0, 0], [10, 10], [10, 0], [0, 10]])).toThrow(/edge 0–1 crosses edge 2–3/);
    expect(() => normalizeFootprint([[0, 0], [10, 0], [5, 0], [5, 5]])).toThrow(/intersects itself/);
    expect(() => normalizeFootprint([[0, 0], [1, 1], [0, 0]])).toThrow(/at least 3/);
  });
});
