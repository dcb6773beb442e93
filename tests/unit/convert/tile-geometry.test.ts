/**
 * A tile's merged geometry built one building at a time (TileGeometryBuilder, what the tileset writer streams) equals
 * the geometry built from all of them at once, whatever the first guess of the index count; a wrong vertex count is
 * an error, not a short or garbled tile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuildingMesh } from '../../../workers/lib/mesh/building-mesh';
import { buildTileGeometry, TileGeometryBuilder, type PlacedBuilding } from '../../../workers/lib/tiles3d/tile-geometry';

function placed(vertices: number, triangles: number, seed: number): PlacedBuilding {
  const r = (k: number) => Math.sin(seed * 7919 + k * 104729) * 0.5;
  const positions = Float32Array.from({ length: vertices * 3 }, (_, k) => r(k) * 40);
  const normals = Int8Array.from({ length: vertices * 3 }, (_, k) => Math.round(r(k + 1) * 254));
  const surfaces = Uint8Array.from({ length: vertices }, (_, k) => 1 + (k % 3));
  const indices = Uint32Array.from({ length: triangles * 3 }, (_, k) => Math.abs(Math.round(r(k + 2) * 1000)) % vertices);
  const model = new Float64Array(27);
  // a plain translation and the identity: source metres are ECEF metres here
  model.set([4_000_000 + seed, 700_000, 4_900_000], 0);
  model[3] = model[7] = model[11] = 1;
  const mesh = { id: `b${seed}`, attributes: {}, lod: 2, line: 0, column: 0, anchor: new Float64Array(3), positions, normals, surfaces, indices, bbox: new Float64Array(6), footprint: [], groundHeight: 0 };
  return { mesh: mesh as unknown as BuildingMesh, model };
}

const toTile = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -4_000_000, -700_000, -4_900_000, 1]);

describe('a tile geometry built one building at a time', () => {
  it('equals the geometry built from all buildings at once, for any index guess', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ v: fc.integer({ min: 3, max: 400 }), t: fc.integer({ min: 1, max: 700 }) }), { minLength: 1, maxLength: 12 }), fc.nat(3000), (shapes, guess) => {
        const buildings = shapes.map((s, k) => placed(s.v, s.t, k));
        const vertexCount = shapes.reduce((sum, s) => sum + s.v, 0);
        const whole = buildTileGeometry(buildings, toTile);
        const builder = new TileGeometryBuilder(toTile, vertexCount, guess);
        for (const b of buildings) builder.add(b);
        const streamed = builder.finish();
        expect(streamed.bounds).toEqual(whole.bounds);
        for (const key of ['positions', 'normals', 'colors', 'featureIds', 'indices'] as const) {
          expect(streamed.geometry[key].constructor).toBe(whole.geometry[key].constructor);
          const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
          expect(bytes(streamed.geometry[key]).equals(bytes(whole.geometry[key])), key).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('uses 32-bit indices above 65,535 vertices, as the whole-tile merge does', () => {
    const buildings = [placed(40_000, 10, 1), placed(30_000, 10, 2)];
    const builder = new TileGeometryBuilder(toTile, 70_000, 1);
    for (const b of buildings) builder.add(b);
    expect(builder.finish().geometry.indices).toBeInstanceOf(Uint32Array);
    expect(buildTileGeometry(buildings, toTile).geometry.indices).toBeInstanceOf(Uint32Array);
  });

  it('refuses more vertices than announced, and fewer', () => {
    const over = new TileGeometryBuilder(toTile, 10);
    expect(() => over.add(placed(11, 2, 1))).toThrow(/more than the 10 vertices announced/);
    const under = new TileGeometryBuilder(toTile, 10);
    under.add(placed(6, 2, 1));
    expect(() => under.finish()).toThrow(/6 vertices added, 10 announced/);
  });
});
