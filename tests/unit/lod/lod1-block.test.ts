/** LoD1 blocks: outline simplification within tolerance, the measured roof error, the extruded mesh. */
import { describe, expect, it } from 'vitest';
import { buildBuildingMesh } from '../../../workers/lib/mesh/building-mesh';
import { SURFACE_CODE } from '../../../workers/lib/mesh/surface-style';
import { lod1BlockOf, lod1Mesh, signedArea, simplifyRing } from '../../../workers/lib/lod/lod1-block';
import { selectParentBlocks } from '../../../workers/lib/lod/parent-lod';
import { createHouse } from '../../helpers/create-building';

/** Distance from (px, py) to the closed polyline `ring`. */
function distanceToRing(ring: Float64Array, px: number, py: number): number {
  let best = Infinity;
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const ax = ring[2 * i], ay = ring[2 * i + 1], bx = ring[2 * ((i + 1) % n)], by = ring[2 * ((i + 1) % n) + 1];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

describe('simplifyRing', () => {
  it('drops only vertices within the tolerance of what it keeps', () => {
    // A 40-gon of radius 10 with a 0.3 m wobble.
    const n = 40;
    const ring = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const r = 10 + (i % 2 ? 0.3 : 0);
      ring[2 * i] = r * Math.cos((2 * Math.PI * i) / n);
      ring[2 * i + 1] = r * Math.sin((2 * Math.PI * i) / n);
    }
    for (const tolerance of [0.4, 1, 2]) {
      const simple = simplifyRing(ring, tolerance);
      expect(simple.length).toBeLessThan(ring.length);
      expect(simple.length / 2).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < n; i++) expect(distanceToRing(simple, ring[2 * i], ring[2 * i + 1])).toBeLessThanOrEqual(tolerance + 1e-9);
    }
    expect(simplifyRing(ring, 0.01).length).toBe(ring.length);
  });
});

describe('lod1BlockOf / lod1Mesh', () => {
  const house = createHouse({ id: 'H1', width: 12, depth: 8, x: 691000, y: 5334000 });
  const mesh = buildBuildingMesh(house).mesh!;
  const feature = { id: mesh.id, lod: mesh.lod, attributes: mesh.attributes };

  it('extrudes the footprint from the lowest to the highest point, and measures the roof it flattens', () => {
    const block = lod1BlockOf(mesh, 7, 15);
    expect(block.index).toBe(7);
    expect(block.area).toBeCloseTo(12 * 8, 3);
    expect(block.top - block.bottom).toBeCloseTo(mesh.bbox[5] - mesh.bbox[2], 6);
    let lowestRoof = Infinity;
    mesh.surfaces.forEach((s, i) => {
      if (s === SURFACE_CODE.RoofSurface) lowestRoof = Math.min(lowestRoof, mesh.positions[i * 3 + 2]);
    });
    expect(block.roofError).toBeCloseTo(block.top - lowestRoof, 6);
    expect(block.roofError).toBeGreaterThan(0.5); // a gabled house: the ridge above the eaves

    const lod1 = lod1Mesh(block, 0.5, feature);
    expect(lod1.id).toBe('H1');
    // 4 walls of 4 vertices and a 4-vertex roof; 2 triangles a wall, 2 for the roof.
    expect(lod1.positions.length / 3).toBe(20);
    expect(lod1.indices.length).toBe(3 * 10);
    const z = Array.from({ length: 20 }, (_, i) => lod1.positions[i * 3 + 2]);
    expect(Math.min(...z)).toBeCloseTo(block.bottom, 4);
    expect(Math.max(...z)).toBeCloseTo(block.top, 4);
    expect(signedArea(block.outlines[0])).not.toBe(0);
  });

  it('uses the convex hull of the mesh when the footprint is not in the mesh plane (geographic CRSs)', () => {
    const lonLat = { ...mesh, footprint: [[Float64Array.of(11.5, 48.1, 11.5002, 48.1, 11.5002, 48.1001, 11.5, 48.1)]] };
    const block = lod1BlockOf(lonLat, 7, 15);
    expect(block.outlines).toHaveLength(1);
    expect(block.outlines[0].length / 2).toBe(4); // the house's rectangle, not the degree values
    expect(block.area).toBeCloseTo(12 * 8, 3);
  });

  it('without merging, keeps every block large enough and reports the outline tolerance or the largest roof gap', () => {
    const base = lod1BlockOf(mesh, 7, 15);
    const few = selectParentBlocks([{ ...base, area: 500, roofError: 3 }], 1024);
    expect(few.kept).toHaveLength(1);
    expect(few.droppedSize).toBe(0);
    expect(few.error).toBe(3);
    expect(selectParentBlocks([{ ...base, area: 500, roofError: 0 }], 1024).error).toBe(1024 / 1024);
  });
});
