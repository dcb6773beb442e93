import { describe, expect, it } from 'vitest';
import { buildTerrainMesh, surfaceHeight, type PlacePoint } from '../../../src/core/terrain/terrain-mesh';
import type { HeightGrid } from '../../../src/core/terrain/height-grid';

function grid(columns: number, rows: number, h: (i: number, j: number) => number): HeightGrid {
  const heights = new Float32Array(columns * rows);
  for (let j = 0; j < rows; j++) for (let i = 0; i < columns; i++) heights[j * columns + i] = h(i, j);
  const finite = [...heights].filter(Number.isFinite);
  return { source: 't', epsg: 25832, columns, rows, originX: 1000, originY: 2000, stepX: 2, stepY: 2, heights, min: Math.min(...finite), max: Math.max(...finite), heightNote: '' };
}

/** A world frame turned by 10° and bent like the earth (y drops by d²/2R), so interpolation is put to the test. */
const R = 6_371_000;
const turn = (10 * Math.PI) / 180;
const curved: PlacePoint = (x, y, h, out) => {
  const dx = x - 1100;
  const dy = y - 1900;
  out[0] = dx * Math.cos(turn) - dy * Math.sin(turn);
  out[2] = -(dx * Math.sin(turn) + dy * Math.cos(turn));
  out[1] = h - (dx * dx + dy * dy) / (2 * R);
};

describe('buildTerrainMesh', () => {
  it('places every sample where the projection would, to a millimetre, from a coarse lattice', () => {
    const g = grid(37, 29, (i, j) => 400 + Math.sin(i / 5) * 10 + j * 0.5);
    const mesh = buildTerrainMesh(g, curved, 8);
    const out = [0, 0, 0];
    for (const [i, j] of [[0, 0], [5, 3], [36, 28], [17, 11], [36, 0], [9, 27]]) {
      curved(1000 + i * 2, 2000 - j * 2, g.heights[j * 37 + i], out);
      const p = (j * 37 + i) * 3;
      expect(Math.abs(mesh.positions[p] - out[0])).toBeLessThan(1e-3);
      expect(Math.abs(mesh.positions[p + 1] - out[1])).toBeLessThan(1e-3);
      expect(Math.abs(mesh.positions[p + 2] - out[2])).toBeLessThan(1e-3);
    }
    expect(mesh.index.length).toBe(36 * 28 * 6);
    expect(mesh.minY).toBeCloseTo(Math.min(...[...mesh.positions].filter((_, k) => k % 3 === 1)), 5);
  });

  it('winds triangles counter-clockwise seen from above (normals up)', () => {
    const mesh = buildTerrainMesh(grid(3, 3, () => 0), curved);
    const p = mesh.positions;
    for (let t = 0; t < mesh.index.length; t += 3) {
      const [a, b, c] = [mesh.index[t], mesh.index[t + 1], mesh.index[t + 2]].map((k) => [p[k * 3], p[k * 3 + 1], p[k * 3 + 2]]);
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      expect(u[2] * v[0] - u[0] * v[2]).toBeGreaterThan(0); // y of u × v
    }
  });

  it('leaves out cells touching no-data samples', () => {
    const mesh = buildTerrainMesh(grid(4, 4, (i, j) => (i === 0 && j === 0 ? NaN : 1)), curved);
    expect(mesh.index.length).toBe(8 * 6);
    expect(Number.isNaN(mesh.positions[1])).toBe(true);
  });
});

describe('surfaceHeight', () => {
  const g = grid(41, 41, (i, j) => 300 + 0.3 * i * i - 0.2 * j * j + i * j * 0.1);
  const mesh = buildTerrainMesh(g, curved);

  it('is the vertex height at every sample', () => {
    for (const [i, j] of [[0, 0], [10, 20], [40, 40], [33, 7]]) {
      const p = (j * 41 + i) * 3;
      expect(surfaceHeight(mesh, mesh.positions[p], mesh.positions[p + 2])).toBeCloseTo(mesh.positions[p + 1], 3);
    }
  });

  it('lies on the drawn triangle between samples (not on a bilinear patch)', () => {
    const p = mesh.positions;
    // inside triangle b-c-d of cell (12, 12): the point 1/3 of the way to each corner
    const cell = 12 * 41 + 12;
    const [b, c, d] = [cell + 1, cell + 41, cell + 42];
    const x = (p[b * 3] + p[c * 3] + p[d * 3]) / 3;
    const z = (p[b * 3 + 2] + p[c * 3 + 2] + p[d * 3 + 2]) / 3;
    const y = (p[b * 3 + 1] + p[c * 3 + 1] + p[d * 3 + 1]) / 3;
    expect(surfaceHeight(mesh, x, z)).toBeCloseTo(y, 2);
  });

  it('is NaN off the grid', () => {
    expect(surfaceHeight(mesh, 5000, 5000)).toBeNaN();
  });
});

describe('subdivideTriangle and segmentPieces', () => {
  it('splits until every edge is short enough, keeping the area and the winding', async () => {
    const { subdivideTriangle, segmentPieces } = await import('../../../src/core/terrain/subdivide');
    let area = 0;
    let count = 0;
    let longest = 0;
    subdivideTriangle(0, 0, 0, 100, 60, 0, 10, (ax, az, bx, bz, cx, cz) => {
      const cross = (bx - ax) * (cz - az) - (bz - az) * (cx - ax);
      expect(cross).toBeLessThan(0); // same sign as the input's
      area += Math.abs(cross) / 2;
      count++;
      longest = Math.max(longest, Math.hypot(bx - ax, bz - az), Math.hypot(cx - bx, cz - bz), Math.hypot(ax - cx, az - cz));
    });
    expect(area).toBeCloseTo(3000, 6);
    expect(longest).toBeLessThanOrEqual(10);
    expect(count).toBeGreaterThan(30);
    // a huge triangle is capped by depth: bounded work
    let huge = 0;
    subdivideTriangle(0, 0, 0, 1e7, 1e7, 0, 1, () => huge++);
    expect(huge).toBe(4096);
    expect(segmentPieces(0, 0, 0, 95, 10)).toBe(10);
    expect(segmentPieces(0, 0, 0, 95, Infinity)).toBe(1);
  });
});
