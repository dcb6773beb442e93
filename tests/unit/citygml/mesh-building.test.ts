import { describe, expect, it } from 'vitest';
import { buildBuildingMesh } from '../../../workers/lib/mesh/building-mesh';
import { SURFACE_CODE } from '../../../workers/lib/mesh/surface-style';
import { createHouse, ring } from '../../helpers/create-building';

describe('buildBuildingMesh', () => {
  it('turns a gabled house into a compact mesh: 7 polygons, 30 vertices, 16 triangles', () => {
    const { mesh, triangles, skipped } = buildBuildingMesh(createHouse());
    expect(skipped).toEqual({});
    expect(mesh).not.toBeNull();
    const m = mesh!;
    expect(triangles).toBe(16); // 5 quads × 2 + 2 pentagons × 3
    expect(m.positions).toBeInstanceOf(Float32Array);
    expect(m.positions.length / 3).toBe(30);
    expect(m.indices).toBeInstanceOf(Uint16Array);
    expect(Math.max(...m.indices)).toBe(29);
    expect(Array.from(m.anchor)).toEqual([691005, 5334004, 524.5]);
    expect(Array.from(m.bbox)).toEqual([691000, 5334000, 520, 691010, 5334008, 529]);
    expect(m.groundHeight).toBe(520);
  });

  it('points normals outward and colours by semantic class', () => {
    const m = buildBuildingMesh(createHouse()).mesh!;
    const byCode = new Map<number, number[]>();
    for (let i = 0; i < m.surfaces.length; i++) {
      const list = byCode.get(m.surfaces[i]) ?? [];
      list.push(m.normals[i * 3 + 2]);
      byCode.set(m.surfaces[i], list);
    }
    expect(byCode.get(SURFACE_CODE.GroundSurface)!.every((nz) => nz === -127)).toBe(true);
    expect(byCode.get(SURFACE_CODE.RoofSurface)!.every((nz) => nz > 50)).toBe(true);
    expect(byCode.get(SURFACE_CODE.WallSurface)!.every((nz) => nz === 0)).toBe(true);
    // Outward: the south wall (y = min) faces -y.
    const south = m.positions.findIndex((_, i) => i % 3 === 1 && m.positions[i] === -4 && m.surfaces[(i - 1) / 3] === SURFACE_CODE.WallSurface && m.normals[i] !== 0);
    expect(m.normals[south]).toBe(-127);
  });

  it('classifies unclassified surfaces (LoD1 solids) by their normal', () => {
    const classified = buildBuildingMesh(createHouse()).mesh!;
    const guessed = buildBuildingMesh(createHouse({ unclassified: true })).mesh!;
    expect(Array.from(guessed.surfaces)).toEqual(Array.from(classified.surfaces));
    expect(guessed.footprint).toHaveLength(1);
  });

  it('keeps the ground polygons as the 2D footprint, or the roofs when there is no ground', () => {
    const m = buildBuildingMesh(createHouse()).mesh!;
    expect(m.footprint).toHaveLength(1);
    expect(Array.from(m.footprint[0][0])).toEqual([691000, 5334000, 691000, 5334008, 691010, 5334008, 691010, 5334000, 691000, 5334000]);
    const house = createHouse();
    house.polygons = house.polygons.filter((p) => p.type !== 'GroundSurface');
    expect(buildBuildingMesh(house).mesh!.footprint).toHaveLength(2);
  });

  it('skips and counts bad polygons, keeps the good ones', () => {
    const house = createHouse();
    house.polygons.push(
      { type: 'WallSurface', rings: [ring([[0, 0, 0], [1, 1, 1], [2, 2, 2]])] },
      { type: 'WallSurface', rings: [Float64Array.of(1, 2, NaN, 3, 4, 5, 6, 7, 8)] },
      { type: 'RoofSurface', rings: [ring([[691000, 5334000, 530], [691004, 5334004, 530], [691004, 5334000, 530], [691000, 5334003, 530]])] },
    );
    const r = buildBuildingMesh(house);
    expect(r.skipped).toEqual({ degenerate: 1, 'non-finite': 1, 'self-intersecting': 1 });
    expect(r.triangles).toBe(16);
  });

  it('returns no mesh for a building without usable geometry', () => {
    const house = createHouse();
    house.polygons = [{ type: 'RoofSurface', rings: [Float64Array.of(NaN, NaN, NaN)] }];
    expect(buildBuildingMesh(house).mesh).toBeNull();
    house.polygons = [];
    expect(buildBuildingMesh(house)).toEqual({ mesh: null, skipped: {}, triangles: 0 });
  });

  it('swaps latitude-first coordinates when asked', () => {
    const house = createHouse({ x: 48.1, y: 11.5, width: 0.0001, depth: 0.0001 });
    const m = buildBuildingMesh(house, { swapXY: true }).mesh!;
    expect(m.bbox[0]).toBeCloseTo(11.5, 9);
    expect(m.bbox[1]).toBeCloseTo(48.1, 9);
  });
});
