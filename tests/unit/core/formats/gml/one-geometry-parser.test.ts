// CityGML (streamed) and WFS/XPlanung (replayed from the tree) read geometry with the one parser in
// src/core/formats/gml/geometry-parser.ts: the same GML gives the same rings on both paths.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../src/core/formats/xml/xml-tree';
import { readGmlGeometry } from '../../../../../src/core/formats/gml/gml-geometry';
import type { PolygonGeometry } from '../../../../../src/core/formats/geometry';
import { cityModel, readAll } from '../../../citygml/helpers/read-all';

const GML32 = 'http://www.opengis.net/gml/3.2';

async function viaCityGml(polygon: string): Promise<Float64Array[]> {
  const { buildings, warnings, error } = await readAll(
    cityModel(`<core:cityObjectMember><bldg:Building gml:id="B"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
${polygon}
</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>`),
  );
  expect(error).toBeUndefined();
  expect(warnings).toEqual([]);
  return buildings[0].polygons[0].rings;
}

/** The WFS reader's rings, without the closing position GML repeats (CityGML rings are open). */
function viaWfs(polygon: string): Float64Array[] {
  const root = parseXml(`<x xmlns:gml="${GML32}">${polygon}</x>`, 'test.gml');
  const g = readGmlGeometry(root.children[0]).geometry as PolygonGeometry;
  expect(g.type).toBe('Polygon');
  expect(g.dim).toBe(3);
  return g.rings.map((r) => r.slice(0, r.length - 3));
}

describe('one GML geometry parser for CityGML and WFS', () => {
  it('reads a Ring of curve members with an Arc, and a gml:coordinates hole, into the same rings', async () => {
    const polygon = `<gml:Polygon srsDimension="3"><gml:exterior><gml:Ring>
<gml:curveMember><gml:LineString><gml:posList>0 0 5 10 0 5</gml:posList></gml:LineString></gml:curveMember>
<gml:curveMember><gml:Curve><gml:segments><gml:Arc><gml:posList>10 0 5 15 5 5 10 10 5</gml:posList></gml:Arc>
<gml:LineStringSegment><gml:posList>10 10 5 0 10 5 0 0 5</gml:posList></gml:LineStringSegment></gml:segments></gml:Curve></gml:curveMember>
</gml:Ring></gml:exterior>
<gml:interior><gml:LinearRing><gml:coordinates>2,2,5 3,2,5 3,3,5 2,2,5</gml:coordinates></gml:LinearRing></gml:interior></gml:Polygon>`;
    const city = await viaCityGml(polygon);
    const wfs = viaWfs(polygon);
    expect(city.map((r) => Array.from(r))).toEqual(wfs.map((r) => Array.from(r)));
    // shared points of the members and segments are kept once
    const exterior = Array.from({ length: city[0].length / 3 }, (_, i) => `${city[0][3 * i]} ${city[0][3 * i + 1]}`);
    expect(new Set(exterior).size).toBe(exterior.length);
    expect(exterior.length).toBeGreaterThan(10);
    expect(Array.from(city[1])).toEqual([2, 2, 5, 3, 2, 5, 3, 3, 5]);
  });

  it('reads a CircleByCenterPoint ring in CityGML as WFS does: round, not one point', async () => {
    const polygon = `<gml:Polygon><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
<gml:CircleByCenterPoint numArc="1"><gml:pos srsDimension="3">100 100 7</gml:pos><gml:radius uom="m">2</gml:radius></gml:CircleByCenterPoint>
</gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:Polygon>`;
    const [ring] = await viaCityGml(polygon);
    expect(Array.from(ring)).toEqual(Array.from(viaWfs(polygon)[0]));
    expect(ring.length / 3).toBeGreaterThan(16);
    for (let i = 0; i < ring.length; i += 3) {
      expect(Math.hypot(ring[i] - 100, ring[i + 1] - 100)).toBeCloseTo(2, 9);
      expect(ring[i + 2]).toBe(7);
    }
  });
});

describe('a lone ring read by the WFS reader', () => {
  const read = (body: string) => readGmlGeometry(parseXml(`<x xmlns:gml="${GML32}">${body}</x>`, 'test.gml').children[0]).geometry as PolygonGeometry;
  it('is a polygon closed once, whether the file closed it or not', () => {
    const closed = read('<gml:LinearRing><gml:posList>0 0 4 0 4 4 0 0</gml:posList></gml:LinearRing>');
    const open = read('<gml:LinearRing><gml:posList>0 0 4 0 4 4</gml:posList></gml:LinearRing>');
    expect(closed.type).toBe('Polygon');
    expect(Array.from(closed.rings[0])).toEqual([0, 0, 4, 0, 4, 4, 0, 0]);
    expect(Array.from(open.rings[0])).toEqual([0, 0, 4, 0, 4, 4, 0, 0]);
  });
  it('with fewer than three distinct positions is refused with its place', () => {
    expect(() => read('<gml:LinearRing><gml:posList>0 0 4 0 0 0</gml:posList></gml:LinearRing>')).toThrow(/a ring needs at least 4/);
  });
});
