import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFootprintSet, type PlainFootprint } from '../../../../../workers/lib/footprints';
import { FootprintIndex } from '../../../../../workers/lib/spatial/footprint-index';
import { selectByBbox, selectByFilter, selectById, selectByPolygon, selectNearest, type PolygonMode } from '../../../../../workers/lib/spatial/queries';
import { runSync } from '../../../../../workers/lib/spatial/task';
import { footprintShape, type Shape } from '../../../../../workers/lib/spatial/geometry/shape';
import { pointInShape } from '../../../../../workers/lib/spatial/geometry/point-in-shape';
import { segmentsIntersect } from '../../../../../workers/lib/spatial/geometry/segments';
import { distanceToShape } from '../../../../../workers/lib/spatial/geometry/shape-distance';
import { shapeAreaCentroid } from '../../../../../workers/lib/spatial/geometry/shape-measures';
import { rect, starPolygon, starSpec, toShape, type Poly, type StarSpec } from './spatial-fixtures';

const L: Poly = [[[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]], rect(1, 1, 3, 3)];
const rings = (polys: Poly[]) => polys.map((p) => p.map((r) => Float64Array.from(r.flat())));

function createTown() {
  const fp = (id: string, ring: Poly[0], extra: Partial<PlainFootprint> = {}): PlainFootprint => ({ id, polygons: [[ring]], ...extra });
  return buildFootprintSet(
    [
      fp('a', rect(5, 1, 7, 3), { height: 12, storeys: 4, function: '31001_1000', yearOfConstruction: 1930 }),
      fp('b', rect(1.5, 1.5, 2.5, 2.5), { height: 3 }),
      fp('c', rect(6, 6, 8, 8)),
      fp('d', rect(3, 3, 6, 6), { height: 14.2, planned: true }),
      fp('e', rect(2, 2, 5, 3), { height: 6, storeys: 2, function: '31001_2000', yearOfConstruction: 1975 }),
      fp('f', rect(10, 0, 12, 2)),
      fp('g', rect(8, 0, 10, 2), { height: 9, function: '31001_1000', yearOfConstruction: 1949 }),
      fp('h', rect(20, 20, 25, 25)),
      fp('i', rect(0.5, 5, 3.5, 9)),
      fp('j', [[12, 10], [16, 10], [12, 14]]),
    ],
    25832,
  );
}

const ids = (index: FootprintIndex, indices: Uint32Array) => Array.from(indices, (i) => index.set.ids[i]);

describe('queries on a hand-made town', () => {
  const index = new FootprintIndex(createTown());
  const polygons = rings([L]);

  it('selects by polygon with each mode (L-shaped area with a hole)', () => {
    const run = (mode: PolygonMode) => ids(index, runSync(selectByPolygon(index, { polygons, mode })).indices);
    expect(run('intersects')).toEqual(['a', 'd', 'e', 'f', 'g', 'i']);
    expect(run('contains')).toEqual(['a', 'g', 'i']);
    expect(run('centroid')).toEqual(['a', 'e', 'g', 'i']);
  });

  it('selects by bbox exactly (touching counts) and by id', () => {
    expect(ids(index, runSync(selectByBbox(index, { bbox: [2.5, 2.5, 5.5, 5.5] })).indices)).toEqual(['a', 'b', 'd', 'e', 'i']);
    expect(ids(index, runSync(selectByBbox(index, { bbox: [12, 2, 19, 19] })).indices)).toEqual(['f', 'j']);
    // The triangle's box meets these boxes, the triangle only the second.
    expect(ids(index, runSync(selectByBbox(index, { bbox: [15, 13, 17, 15] })).indices)).toEqual([]);
    expect(ids(index, runSync(selectByBbox(index, { bbox: [14, 11, 15, 12] })).indices)).toEqual(['j']);
    const byId = runSync(selectById(index, { ids: ['g', 'zzz', 'a', 'g'] }));
    expect(ids(index, byId.indices)).toEqual(['a', 'g']);
    expect(byId.missing).toEqual(['zzz']);
  });

  it('filters by height, function, year, storeys and status', () => {
    const run = (filter: object) => ids(index, runSync(selectByFilter(index, { filter })).indices);
    expect(run({ heightMin: 12 })).toEqual(['a', 'd']);
    expect(run({ functions: ['31001_1000'] })).toEqual(['a', 'g']);
    expect(run({ yearBefore: 1950 })).toEqual(['a', 'g']);
    expect(run({ storeysMin: 3 })).toEqual(['a']);
    expect(run({ status: 'planned' })).toEqual(['d']);
    expect(run({ heightMin: 6, yearFrom: 1950 })).toEqual(['e']);
    expect(ids(index, runSync(selectByPolygon(index, { polygons, filter: { heightMin: 9 } })).indices)).toEqual(['a', 'd', 'g']);
  });

  it('finds the nearest by true distance, not box distance', () => {
    const r = runSync(selectNearest(index, { x: 13, y: 1, k: 3 }));
    expect(ids(index, r.indices)).toEqual(['f', 'g', 'a']);
    expect(Array.from(r.distances)).toEqual([1, 3, 6]);
    expect(ids(index, runSync(selectNearest(index, { x: 2, y: 2, k: 2 })).indices)).toEqual(['b', 'e']);
    expect(runSync(selectNearest(index, { x: 13, y: 1, k: 5, maxDistance: 4 })).indices.length).toBe(2);
  });
});

// ── Property tests: the index answers what a scan of every footprint answers ──────────────────────

function naiveEdges(s: Shape): number[][] {
  const out: number[][] = [];
  for (let p = s.polygonStart; p < s.polygonEnd; p++)
    for (let r = s.ringOffsets[p]; r < s.ringOffsets[p + 1]; r++)
      for (let i = s.vertexOffsets[r], j = s.vertexOffsets[r + 1] - 1; i < s.vertexOffsets[r + 1]; j = i++)
        out.push([s.coords[j * 2], s.coords[j * 2 + 1], s.coords[i * 2], s.coords[i * 2 + 1]]);
  return out;
}
function ringStarts(s: Shape): number[][] {
  const out: number[][] = [];
  for (let p = s.polygonStart; p < s.polygonEnd; p++)
    for (let r = s.ringOffsets[p]; r < s.ringOffsets[p + 1]; r++) out.push([s.coords[s.vertexOffsets[r] * 2], s.coords[s.vertexOffsets[r] * 2 + 1]]);
  return out;
}
/** Reference relations by the textbook definition, every edge against every edge, no index, no shortcuts. */
function reference(q: Shape, f: Shape) {
  const qe = naiveEdges(q);
  const fe = naiveEdges(f);
  const meet = fe.some((a) => qe.some((b) => segmentsIntersect(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3])));
  const fIn = ringStarts(f).map(([x, y]) => pointInShape(q, x, y));
  const qIn = ringStarts(q).some(([x, y]) => pointInShape(f, x, y));
  return { intersects: meet || fIn.some(Boolean) || qIn, within: !meet && fIn.every(Boolean) && !qIn };
}

const footprintArb = (extent: number): fc.Arbitrary<StarSpec[]> => fc.array(starSpec(extent, 12), { minLength: 1, maxLength: 2 });

function townFrom(specs: StarSpec[][]) {
  return buildFootprintSet(
    specs.map((parts, i) => ({ id: `b${i}`, polygons: parts.map((s) => starPolygon(s, 690000, 5330000)), height: (i * 7) % 20 })),
    25832,
  );
}

describe('queries equal a brute-force scan (fast-check)', () => {
  const town = fc.array(footprintArb(200), { minLength: 1, maxLength: 60 });
  const area = fc.record({
    parts: fc.array(fc.record({ spec: starSpec(200, 90), many: fc.boolean() }), { minLength: 1, maxLength: 2 }),
  });

  it('polygon queries in every mode, with concave areas, holes and multipolygons', () => {
    fc.assert(
      fc.property(town, area, fc.constantFrom<PolygonMode>('intersects', 'contains', 'centroid'), (specs, a, mode) => {
        const index = new FootprintIndex(townFrom(specs));
        // Some areas get 40+ vertices so that the prepared area's own edge index is exercised.
        const polys = a.parts.map(({ spec, many }) => starPolygon(many ? { ...spec, radii: Array.from({ length: 40 }, (_, k) => spec.radii[k % spec.radii.length]) } : spec, 690000, 5330000));
        const q = toShape(polys);
        const f = footprintShape(index.set, 0);
        const expected: number[] = [];
        const ac = [0, 0, 0];
        for (let i = 0; i < index.count; i++) {
          footprintShape(index.set, i, f);
          shapeAreaCentroid(f, ac);
          const ref = reference(q, f);
          if (mode === 'centroid' ? pointInShape(q, ac[1], ac[2]) : mode === 'contains' ? ref.within : ref.intersects) expected.push(i);
        }
        expect(Array.from(runSync(selectByPolygon(index, { polygons: rings(polys), mode })).indices)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('bbox queries', () => {
    const box = fc.tuple(fc.double({ min: -20, max: 220, noNaN: true }), fc.double({ min: -20, max: 220, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }));
    fc.assert(
      fc.property(town, box, (specs, [x, y, w, h]) => {
        const index = new FootprintIndex(townFrom(specs));
        const [x0, y0] = [690000 + x, 5330000 + y];
        const q = toShape([[rect(x0, y0, x0 + w, y0 + h)]]);
        const f = footprintShape(index.set, 0);
        const expected = Array.from({ length: index.count }, (_, i) => i).filter((i) => reference(q, footprintShape(index.set, i, f)).intersects);
        expect(Array.from(runSync(selectByBbox(index, { bbox: [x0, y0, x0 + w, y0 + h] })).indices)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('nearest k with true distances and filters', () => {
    const query = fc.record({ x: fc.double({ min: -50, max: 250, noNaN: true }), y: fc.double({ min: -50, max: 250, noNaN: true }), k: fc.integer({ min: 1, max: 12 }), minHeight: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(town, query, (specs, qp) => {
        const index = new FootprintIndex(townFrom(specs));
        const [x, y] = [690000 + qp.x, 5330000 + qp.y];
        const f = footprintShape(index.set, 0);
        const all = Array.from({ length: index.count }, (_, i) => i)
          .filter((i) => index.set.heights[i] >= qp.minHeight)
          .map((i) => [i, distanceToShape(footprintShape(index.set, i, f), x, y)] as const)
          .sort((p, q) => p[1] - q[1] || p[0] - q[0])
          .slice(0, qp.k);
        const r = runSync(selectNearest(index, { x, y, k: qp.k, filter: { heightMin: qp.minHeight } }));
        expect(Array.from(r.indices)).toEqual(all.map((p) => p[0]));
        expect(Array.from(r.distances)).toEqual(all.map((p) => p[1]));
      }),
      { numRuns: 150 },
    );
  });
});
