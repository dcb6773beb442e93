// Arcs in CityGML rings go through the same linearisation as WFS/XPlanung curves (src/core/formats/gml/arcs.ts).
import { describe, expect, it } from 'vitest';
import { cityModel, readAll } from './helpers/read-all';

/** One roof polygon whose exterior is a gml:Ring of the given curve segments (a gml:Curve). */
function ringBuilding(segments: string): string {
  return cityModel(`<core:cityObjectMember><bldg:Building gml:id="B1">
<bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
${segments}
</gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
</bldg:Building></core:cityObjectMember>`);
}

describe('CityGML arcs', () => {
  it('linearises a gml:Arc in a ring into chords on the circle, ending on its given points', async () => {
    const { buildings, warnings, error } = await readAll(
      ringBuilding(`<gml:LineStringSegment><gml:posList>0 0 5 10 0 5</gml:posList></gml:LineStringSegment>
<gml:Arc><gml:posList>10 0 5 15 5 5 10 10 5</gml:posList></gml:Arc>
<gml:LineStringSegment><gml:posList>10 10 5 0 10 5 0 0 5</gml:posList></gml:LineStringSegment>`),
    );
    expect(error).toBeUndefined();
    expect(warnings).toEqual([]);
    const ring = buildings[0].polygons[0].rings[0];
    const pts = Array.from({ length: ring.length / 3 }, (_, i) => [ring[3 * i], ring[3 * i + 1], ring[3 * i + 2]]);
    // the half circle around (10, 5) of radius 5 has many points, not just its three control points
    const onArc = pts.filter(([x]) => x > 10);
    expect(onArc.length).toBeGreaterThan(10);
    for (const [x, y, z] of onArc) {
      expect(Math.hypot(x - 10, y - 5)).toBeCloseTo(5, 9);
      expect(z).toBe(5);
    }
    // within the 1 cm chord tolerance of the far side, and ending exactly on the arc's last point
    expect(Math.max(...onArc.map(([x]) => x))).toBeGreaterThan(14.99);
    expect(pts).toContainEqual([10, 10, 5]);
    expect(pts.filter(([x, y]) => x === 10 && y === 0)).toHaveLength(1);
  });

  it('skips a polygon whose arc has a wrong number of points, with a located warning', async () => {
    const { buildings, warnings } = await readAll(
      ringBuilding(`<gml:Arc><gml:posList>0 0 0 10 0 0 10 10 0 0 10 0</gml:posList></gml:Arc>`),
    );
    expect(buildings[0]?.polygons ?? []).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toContain('unsupported-geometry');
    expect(warnings.find((w) => w.code === 'unsupported-geometry')?.message).toMatch(/gml:Arc has 4 positions; expected 3, 5, 7/);
  });
});
