// One number scanner for CityGML, WFS and XPlanung: the WFS tree reader's positions go through the
// CityGML reader's scanner and name the first bad token.
import { describe, expect, it } from 'vitest';
import { parseXml, toReadError } from '../../../../../src/core/formats/xml/xml-tree';
import { readGmlGeometry } from '../../../../../src/core/formats/gml/gml-geometry';
import * as shared from '../../../../../src/core/formats/gml/number-scan';
import { GeometryParser as CityGMLGeometry } from '../../../../../workers/lib/citygml/geometry-parser';
import { GeometryParser } from '../../../../../src/core/formats/gml/geometry-parser';
import { cityModel, readAll } from '../../../citygml/helpers/read-all';

function read(body: string): unknown {
  const text = `<gml:X xmlns:gml="http://www.opengis.net/gml/3.2">\n${body}</gml:X>`;
  try {
    return readGmlGeometry(parseXml(text, 't.gml').children[0], {}).geometry;
  } catch (err) {
    throw toReadError(err, text, 't.gml');
  }
}

describe('shared GML numbers', () => {
  it('is the same scanner in the CityGML reader', async () => {
    expect(new CityGMLGeometry().gml).toBeInstanceOf(GeometryParser);
    const ring = '<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 0 1 0 0 zwei 1 0 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>';
    const doc = cityModel(`<core:cityObjectMember><bldg:Building gml:id="B"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>${ring}</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>`);
    const { warnings } = await readAll(doc);
    expect(warnings.map((w) => w.message)).toContain('gml:posList: "zwei" is not a number; polygon skipped.');
    expect(shared.parseToken('zwei', 0, 4)).toBeNaN();
  });

  it('names the first bad or non-finite token of a posList or pos, with the place', () => {
    expect(() => read('<gml:LineString><gml:posList>1 2 3 zwei 5 6</gml:posList></gml:LineString>')).toThrow(/^t\.gml:2:17: gml:posList: "zwei" is not a number/);
    expect(() => read('<gml:Point><gml:pos>1 1e999</gml:pos></gml:Point>')).toThrow(/gml:pos: "1e999" \(number 2\) is not a finite number/);
    // xs:double has no hexadecimal form (Number() would read 16)
    expect(() => read('<gml:Point><gml:pos>0x10 1</gml:pos></gml:Point>')).toThrow(/"0x10" is not a number/);
  });

  it('reads gml:coordinates through the same code, naming a short tuple', () => {
    const g = read('<gml:LineString><gml:coordinates>1,2 3,4\n 5,6</gml:coordinates></gml:LineString>') as { coords: Float64Array };
    expect(Array.from(g.coords)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => read('<gml:LineString><gml:coordinates>1,2 3</gml:coordinates></gml:LineString>')).toThrow(/gml:coordinates: tuple "3" has 1 values, expected 2/);
    expect(() => read('<gml:LineString><gml:coordinates>1,2,3,4 5,6,7,8</gml:coordinates></gml:LineString>')).toThrow(/tuples of 4 values, expected 2 or 3/);
  });
});
