// Triangulation stays bounded: a polygon over the vertex cap (a 20,000- or 100,000-vertex self-intersecting
// ring, which took earcut 20 s / 8 min) is refused at once and reported with its building's place.
import { describe, expect, it } from 'vitest';
import { MAX_POLYGON_VERTICES, triangulatePolygon } from '../../../workers/lib/mesh/triangulate-polygon';
import { convertBuildings } from '../../../workers/lib/convert/convert-citygml';
import { createHouse } from '../../helpers/create-building';

/** A closed ring of n vertices that crosses itself everywhere (a star polygon {n/k}). */
function starRing(n: number, x0 = 691000, y0 = 5334000, z = 530): Float64Array {
  const k = Math.floor(n / 2) - 1;
  const out = new Float64Array((n + 1) * 3);
  for (let i = 0; i <= n; i++) {
    const a = (2 * Math.PI * ((i * k) % n)) / n;
    out.set([x0 + 5 + 5 * Math.cos(a), y0 + 4 + 4 * Math.sin(a), z], i * 3);
  }
  return out;
}

function circleRing(n: number): Float64Array {
  const out = new Float64Array((n + 1) * 3);
  for (let i = 0; i <= n; i++) out.set([50 * Math.cos((2 * Math.PI * i) / n), 50 * Math.sin((2 * Math.PI * i) / n), 0], i * 3);
  return out;
}

describe('polygon vertex cap', () => {
  for (const n of [20_000, 100_000]) {
    it(`refuses a ${n.toLocaleString('en')}-vertex self-intersecting polygon without triangulating it`, () => {
      expect(triangulatePolygon([starRing(n)])).toEqual({ ok: false, issue: 'too-many-vertices' });
    });
  }

  it('counts holes too, and still triangulates a large simple polygon under the cap', () => {
    const big = triangulatePolygon([circleRing(MAX_POLYGON_VERTICES - 10)]);
    expect(big.ok).toBe(true);
    const withHoles = [circleRing(MAX_POLYGON_VERTICES / 2), circleRing(MAX_POLYGON_VERTICES / 2).map((v, i) => (i % 3 === 2 ? v : v / 10))];
    expect(triangulatePolygon(withHoles).ok).toBe(true);
    withHoles.push(circleRing(20).map((v, i) => (i % 3 === 2 ? v : v / 100 + 20)));
    expect(triangulatePolygon(withHoles)).toEqual({ ok: false, issue: 'too-many-vertices' });
  });

  it('in a conversion: the building keeps its other polygons and the warning names it', async () => {
    const house = createHouse({ id: 'STAR' });
    house.polygons.push({ type: 'RoofSurface', rings: [starRing(50_000)] });
    house.line = 17;
    const summary = await convertBuildings([house], { write: () => {} });
    expect(summary.buildings).toBe(1);
    expect(summary.warnings.find((w) => w.code === 'polygons-skipped')).toMatchObject({ buildingId: 'STAR', line: 17, message: expect.stringMatching(/1 too-many-vertices/) });
  });
});
