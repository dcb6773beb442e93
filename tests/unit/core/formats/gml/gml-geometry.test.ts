import { describe, expect, it } from 'vitest';
import { parseXml, toReadError } from '../../../../../src/core/formats/xml/xml-tree';
import { XmlReadError } from '../../../../../src/core/formats/xml/xml-error';
import { readGmlGeometry } from '../../../../../src/core/formats/gml/gml-geometry';
import type { Geometry } from '../../../../../src/core/formats/geometry';

const GML32 = 'http://www.opengis.net/gml/3.2';
const GML311 = 'http://www.opengis.net/gml';

function read(body: string, ns = GML32, srsName?: string): Geometry {
  const text = `<gml:X xmlns:gml="${ns}">${body}</gml:X>`;
  const root = parseXml(text, 'test.gml');
  try {
    return readGmlGeometry(root.children[0], { srsName }).geometry;
  } catch (err) {
    throw toReadError(err, text, 'test.gml');
  }
}
const arr = (a: Float64Array) => Array.from(a);

describe('GML positions', () => {
  it('reads posList with srsDimension 3 and pos', () => {
    const g = read('<gml:LineString srsDimension="3"><gml:posList>1 2 3 4 5 6</gml:posList></gml:LineString>');
    expect(g).toMatchObject({ type: 'LineString', dim: 3 });
    expect(arr((g as { coords: Float64Array }).coords)).toEqual([1, 2, 3, 4, 5, 6]);
    const p = read('<gml:Point><gml:pos>7.5 8.25</gml:pos></gml:Point>');
    expect(p).toMatchObject({ type: 'Point', dim: 2 });
    expect(arr((p as { coords: Float64Array }).coords)).toEqual([7.5, 8.25]);
  });

  it('takes srsDimension from the posList itself over the enclosing geometry', () => {
    const g = read('<gml:LineString><gml:posList srsDimension="3">1 2 3 4 5 6</gml:posList></gml:LineString>');
    expect(g).toMatchObject({ dim: 3 });
    const g2 = read('<gml:LineString><gml:posList>1 2 3 4 5 6</gml:posList></gml:LineString>');
    expect(g2).toMatchObject({ dim: 2 });
    expect(arr((g2 as { coords: Float64Array }).coords).length).toBe(6);
  });

  it('reads gml:coordinates with custom separators and a series of gml:pos', () => {
    const g = read('<gml:LineString><gml:coordinates cs=";" ts="|" decimal=",">1,5;2|3;4,5</gml:coordinates></gml:LineString>', GML311);
    expect(arr((g as { coords: Float64Array }).coords)).toEqual([1.5, 2, 3, 4.5]);
    const g2 = read('<gml:LineString><gml:pos>1 2</gml:pos><gml:pos>3 4</gml:pos></gml:LineString>');
    expect(arr((g2 as { coords: Float64Array }).coords)).toEqual([1, 2, 3, 4]);
  });

  it('reports a posList that does not fit srsDimension with file, line and column', () => {
    let err: unknown;
    try {
      read('\n<gml:LineString srsDimension="3">\n  <gml:posList>1 2 3 4</gml:posList></gml:LineString>');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XmlReadError);
    expect((err as XmlReadError).message).toMatch(/^test\.gml:3:3: gml:posList has 4 numbers, not a multiple of srsDimension 3/);
  });

  it('reports a bad number', () => {
    expect(() => read('<gml:Point><gml:pos>1 x</gml:pos></gml:Point>')).toThrow(/"x" is not a number/);
  });
});

describe('GML surfaces', () => {
  const ring = (pts: string) => `<gml:LinearRing><gml:posList>${pts}</gml:posList></gml:LinearRing>`;
  it('reads a Polygon with a hole, exterior first', () => {
    const g = read(`<gml:Polygon><gml:interior>${ring('2 2 3 2 3 3 2 2')}</gml:interior><gml:exterior>${ring('0 0 10 0 10 10 0 0')}</gml:exterior></gml:Polygon>`);
    expect(g.type).toBe('Polygon');
    const rings = (g as { rings: Float64Array[] }).rings;
    expect(rings.map(arr)).toEqual([[0, 0, 10, 0, 10, 10, 0, 0], [2, 2, 3, 2, 3, 3, 2, 2]]);
  });

  it('closes a ring left open', () => {
    const g = read(`<gml:Polygon><gml:exterior>${ring('0 0 10 0 10 10')}</gml:exterior></gml:Polygon>`);
    expect(arr((g as { rings: Float64Array[] }).rings[0])).toEqual([0, 0, 10, 0, 10, 10, 0, 0]);
  });

  it('reads Surface/PolygonPatch and MultiSurface', () => {
    const surf = read(`<gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior>${ring('0 0 1 0 1 1 0 0')}</gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>`);
    expect(surf.type).toBe('Polygon');
    const multi = read(
      `<gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior>${ring('0 0 1 0 1 1 0 0')}</gml:exterior></gml:Polygon></gml:surfaceMember>` +
        `<gml:surfaceMember><gml:Polygon><gml:exterior>${ring('5 5 6 5 6 6 5 5')}</gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>`,
    );
    expect(multi.type).toBe('MultiPolygon');
    expect((multi as { polygons: Float64Array[][] }).polygons.map((p) => arr(p[0])[0])).toEqual([0, 5]);
  });

  it('reads GML 2/3.1.1 MultiPolygon with outerBoundaryIs and coordinates', () => {
    const g = read(
      '<gml:MultiPolygon><gml:polygonMember><gml:Polygon><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>0,0 4,0 4,4 0,0</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></gml:polygonMember></gml:MultiPolygon>',
      GML311,
    );
    expect(g.type).toBe('Polygon');
    expect(arr((g as { rings: Float64Array[] }).rings[0])).toEqual([0, 0, 4, 0, 4, 4, 0, 0]);
  });

  it('reads a Ring of curve members joined at their shared points', () => {
    const g = read(
      '<gml:Polygon><gml:exterior><gml:Ring>' +
        '<gml:curveMember><gml:LineString><gml:posList>0 0 10 0 10 10</gml:posList></gml:LineString></gml:curveMember>' +
        '<gml:curveMember><gml:LineString><gml:posList>10 10 0 10 0 0</gml:posList></gml:LineString></gml:curveMember>' +
        '</gml:Ring></gml:exterior></gml:Polygon>',
    );
    expect(arr((g as { rings: Float64Array[] }).rings[0])).toEqual([0, 0, 10, 0, 10, 10, 0, 10, 0, 0]);
  });
});

describe('GML curves and arcs', () => {
  const pts = (g: Geometry) => {
    const c = (g as { coords: Float64Array }).coords;
    const out: [number, number][] = [];
    for (let i = 0; i < c.length; i += 2) out.push([c[i], c[i + 1]]);
    return out;
  };

  it('linearises a counter-clockwise Arc on its circle within the tolerance', () => {
    const g = read('<gml:Curve><gml:segments><gml:Arc><gml:posList>10 0 0 10 -10 0</gml:posList></gml:Arc></gml:segments></gml:Curve>');
    const p = pts(g);
    expect(p[0]).toEqual([10, 0]);
    expect(p[p.length - 1]).toEqual([-10, 0]);
    expect(p.length).toBeGreaterThan(10);
    for (const [x, y] of p) {
      expect(Math.hypot(x, y)).toBeCloseTo(10, 9);
      expect(y).toBeGreaterThanOrEqual(-1e-9);
    }
    for (let i = 1; i < p.length; i++) {
      const mx = (p[i][0] + p[i - 1][0]) / 2, my = (p[i][1] + p[i - 1][1]) / 2;
      expect(10 - Math.hypot(mx, my)).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });

  it('keeps a clockwise Arc on its side, also at projected-coordinate magnitudes', () => {
    const g = read('<gml:Curve><gml:segments><gml:Arc><gml:posList>567510 5929700 567500 5929690 567490 5929700</gml:posList></gml:Arc></gml:segments></gml:Curve>');
    for (const [x, y] of pts(g)) {
      expect(Math.hypot(x - 567500, y - 5929700)).toBeCloseTo(10, 6);
      expect(y).toBeLessThanOrEqual(5929700 + 1e-6);
    }
  });

  it('joins LineStringSegment and ArcString segments of a Curve', () => {
    const g = read(
      '<gml:Curve><gml:segments><gml:LineStringSegment><gml:posList>-20 0 -10 0</gml:posList></gml:LineStringSegment>' +
        '<gml:ArcString><gml:posList>-10 0 0 10 10 0 20 -10 30 0</gml:posList></gml:ArcString></gml:segments></gml:Curve>',
    );
    const p = pts(g);
    expect(p[0]).toEqual([-20, 0]);
    expect(p[1]).toEqual([-10, 0]);
    expect(p[p.length - 1]).toEqual([30, 0]);
    expect(p.some(([x, y]) => x === 10 && y === 0)).toBe(true);
    expect(p.filter(([x, y]) => x === -10 && y === 0).length).toBe(1);
  });

  it('draws a Circle as a closed polygon ring and a CircleByCenterPoint', () => {
    const g = read('<gml:Curve><gml:segments><gml:Circle><gml:posList>5 0 0 5 -5 0</gml:posList></gml:Circle></gml:segments></gml:Curve>');
    const p = pts(g);
    expect(p[0]).toEqual(p[p.length - 1]);
    expect(Math.min(...p.map(([, y]) => y))).toBeLessThan(-4.9);
    const c = read('<gml:Curve><gml:segments><gml:CircleByCenterPoint numArc="1"><gml:pos>100 100</gml:pos><gml:radius uom="m">2</gml:radius></gml:CircleByCenterPoint></gml:segments></gml:Curve>');
    const q = pts(c);
    expect(q[0]).toEqual(q[q.length - 1]);
    for (const [x, y] of q) expect(Math.hypot(x - 100, y - 100)).toBeCloseTo(2, 9);
  });

  it('reads MultiCurve, MultiPoint and a reversed OrientableCurve', () => {
    const mc = read(
      '<gml:MultiCurve><gml:curveMember><gml:LineString><gml:posList>0 0 1 1</gml:posList></gml:LineString></gml:curveMember>' +
        '<gml:curveMember><gml:Curve><gml:segments><gml:LineStringSegment><gml:posList>2 2 3 3</gml:posList></gml:LineStringSegment></gml:segments></gml:Curve></gml:curveMember></gml:MultiCurve>',
    );
    expect(mc.type).toBe('MultiLineString');
    expect((mc as { lines: Float64Array[] }).lines.map(arr)).toEqual([[0, 0, 1, 1], [2, 2, 3, 3]]);
    const mp = read('<gml:MultiPoint><gml:pointMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember><gml:pointMembers><gml:Point><gml:pos>3 4</gml:pos></gml:Point></gml:pointMembers></gml:MultiPoint>');
    expect(arr((mp as { coords: Float64Array }).coords)).toEqual([1, 2, 3, 4]);
    const oc = read('<gml:OrientableCurve orientation="-"><gml:baseCurve><gml:LineString><gml:posList>0 0 1 0 2 0</gml:posList></gml:LineString></gml:baseCurve></gml:OrientableCurve>');
    expect(arr((oc as { coords: Float64Array }).coords)).toEqual([2, 0, 1, 0, 0, 0]);
  });

  it('passes the srsName of the geometry or the inherited one', () => {
    const text = `<gml:X xmlns:gml="${GML32}"><gml:Point srsName="EPSG:25832"><gml:pos>1 2</gml:pos></gml:Point><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:X>`;
    const root = parseXml(text);
    expect(readGmlGeometry(root.children[0], { srsName: 'EPSG:4326' }).srsName).toBe('EPSG:25832');
    expect(readGmlGeometry(root.children[1], { srsName: 'EPSG:4326' }).srsName).toBe('EPSG:4326');
  });
});

describe('XML reader', () => {
  it('reports malformed XML with line and column', () => {
    expect(() => parseXml('<a>\n  <b></c>\n</a>', 'bad.xml')).toThrow(/^bad\.xml:2:\d+: malformed XML/);
  });
  it('resolves namespaces by URI, not by prefix', () => {
    const root = parseXml('<x:a xmlns:x="urn:one"><y:b xmlns:y="urn:one"/><c/></x:a>');
    expect(root.ns).toBe('urn:one');
    expect(root.children[0].ns).toBe('urn:one');
    expect(root.children[1].ns).toBe('');
  });
});
