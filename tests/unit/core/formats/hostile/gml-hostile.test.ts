// The GML/WFS reader on broken and hostile input: every case ends in a located message or correct output.
import { describe, expect, it } from 'vitest';
import { readFeatureResponse } from '../../../../../src/core/formats/wfs/feature-response';
import { MAX_ARC_SEGMENTS } from '../../../../../src/core/formats/gml/arcs';
import { polygon, square, wfsDoc } from './wfs-doc';

const read = (text: string | Uint8Array) => readFeatureResponse(text, { source: 'test.gml' });

describe('GML numbers and dimensions', () => {
  for (const bad of ['Infinity', '-Infinity', '1e999', 'NaN']) {
    it(`refuses ${bad} in a posList with its place`, () => {
      const text = wfsDoc(polygon(square(2).replace('5334010', bad)));
      const fc = read(text);
      expect(fc.features).toHaveLength(1);
      expect(fc.features[0].geometry).toBeNull();
      const line = text.split('\n').findIndex((l) => l.includes('<gml:Polygon')) + 1;
      expect(fc.warnings.join('\n')).toMatch(new RegExp(`test\\.gml:${line}:\\d+: .*not (a finite )?(a )?number`));
    });
  }

  it('reads 3D positions without srsDimension as 3D, and says it guessed', () => {
    const fc = read(wfsDoc(polygon(square(3))));
    const g = fc.features[0].geometry as { type: string; dim: number; rings: Float64Array[] };
    expect(g.type).toBe('Polygon');
    expect(g.dim).toBe(3);
    expect(g.rings[0].length).toBe(5 * 3);
    expect(g.rings[0][2]).toBe(520);
    expect(fc.warnings.join('\n')).toMatch(/test\.gml:\d+:\d+: .*without srsDimension: read as 3D/);
  });

  it('a 3D CRS needs no srsDimension and gives no warning; 2D data in a 2D CRS neither', () => {
    const compound = read(wfsDoc(polygon(square(3)), { srsName: 'urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837' }));
    expect((compound.features[0].geometry as { dim: number }).dim).toBe(3);
    expect(compound.warnings).toEqual([]);
    const flat = read(wfsDoc(polygon(square(2))));
    expect((flat.features[0].geometry as { dim: number }).dim).toBe(2);
    expect(flat.warnings).toEqual([]);
  });

  it('4D positions without srsDimension are refused with a place, not read as pairs', () => {
    const fc = read(wfsDoc(polygon(square(4))));
    expect(fc.features[0].geometry).toBeNull();
    expect(fc.warnings.join('\n')).toMatch(/test\.gml:\d+:\d+: .*4D/);
  });
});

describe('GML arcs: a step floor and a point cap', () => {
  it('a CircleByCenterPoint with a huge radius ends, with at most the capped number of points', () => {
    const circle = `<gml:Curve srsName="SRS"><gml:segments><gml:CircleByCenterPoint numArc="1"><gml:pos>691000 5334000</gml:pos><gml:radius uom="m">1e12</gml:radius></gml:CircleByCenterPoint></gml:segments></gml:Curve>`;
    const fc = read(wfsDoc(circle, { srsName: 'EPSG:3857' }));
    const g = fc.features[0].geometry as { coords?: Float64Array } | null;
    // either drawn with the capped number of segments or refused with a place: never a hang
    if (g) expect(g.coords!.length / 2).toBeLessThanOrEqual(MAX_ARC_SEGMENTS + 2);
    else expect(fc.warnings.join('\n')).toMatch(/test\.gml:\d+:\d+/);
  });

  it('a long three-point Arc whose middle point lies almost on the chord ends', () => {
    const arc = `<gml:Curve srsName="SRS"><gml:segments><gml:Arc><gml:posList srsDimension="2">691000 5334000 691500 5334000.000000001 692000 5334000</gml:posList></gml:Arc></gml:segments></gml:Curve>`;
    const fc = read(wfsDoc(arc));
    const g = fc.features[0].geometry as { coords: Float64Array };
    expect(g.coords.length / 2).toBeLessThanOrEqual(MAX_ARC_SEGMENTS + 2);
    expect(g.coords.every(Number.isFinite)).toBe(true);
  });

  it('a radius that is not a positive finite number is refused with a place', () => {
    const circle = `<gml:Curve srsName="SRS"><gml:segments><gml:CircleByCenterPoint numArc="1"><gml:pos>691000 5334000</gml:pos><gml:radius uom="m">Infinity</gml:radius></gml:CircleByCenterPoint></gml:segments></gml:Curve>`;
    const fc = read(wfsDoc(circle));
    expect(fc.features[0].geometry).toBeNull();
    expect(fc.warnings.join('\n')).toMatch(/test\.gml:\d+:\d+: .*radius/);
  });
});

describe('GML documents that are not features', () => {
  it('12,000 nested elements: a located error, not a RangeError', () => {
    const deep = '<ms:x>'.repeat(12_000) + '</ms:x>'.repeat(12_000);
    const text = wfsDoc(polygon(square(2))).replace('<ms:name>Plan</ms:name>', `<ms:name>${deep}</ms:name>`);
    expect(() => read(text)).toThrow(/test\.gml:\d+:\d+: elements nested deeper than 256 levels/);
  });

  it('a well-formed XHTML error page sent with HTTP 200', () => {
    const page = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>`;
    expect(() => read(page)).toThrow(/test\.gml:1:\d+: the server sent an HTML page, not a WFS response \("503 Service Unavailable"\)/);
    expect(() => read('<!DOCTYPE html>\n<html><head><title>Login</title><body><br></body></html>')).toThrow(/HTML page.*Login/);
  });

  it('a capabilities document and an empty body', () => {
    const caps = `<wfs:WFS_Capabilities xmlns:wfs="http://www.opengis.net/wfs/2.0" version="2.0.0"><ows:ServiceIdentification xmlns:ows="http://www.opengis.net/ows/1.1"/></wfs:WFS_Capabilities>`;
    expect(() => read(caps)).toThrow(/service description \(WFS_Capabilities\).*GetFeature/);
    expect(() => read('  \n')).toThrow(/empty/);
  });
});

describe('GeoJSON shapes', () => {
  const fcJson = (features: string) => `{"type":"FeatureCollection","features":${features}}`;

  for (const [label, features] of [['an object', '{}'], ['a string', '"x"'], ['null', 'null'], ['a number', '3']] as const) {
    it(`"features" that is ${label}: a clear error`, () => {
      expect(() => read(fcJson(features))).toThrow(/test\.gml: "features" of the FeatureCollection is .*, not an array/);
    });
  }

  it('features that are not objects are left out with a warning; non-finite coordinates are refused', () => {
    const fc = read(fcJson('[null, 7, {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1e999, 48]}}, {"type":"Feature","geometry":{"type":"Point","coordinates":[11, 48]}}]'));
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0].geometry).toBeNull();
    expect(fc.features[1].geometry).not.toBeNull();
    expect(fc.warnings.join('\n')).toMatch(/feature 0 is not an object/);
    expect(fc.warnings.join('\n')).toMatch(/feature 2.*not finite/);
  });

  it('deeply nested coordinate arrays: an error, not a RangeError', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const fc = read(fcJson(`[{"type":"Feature","geometry":{"type":"Polygon","coordinates":${deep}}}]`));
    expect(fc.warnings.join('\n')).toMatch(/nested deeper than/);
  });
});

describe('encodings', () => {
  it('Windows-1252 bytes in a file declared UTF-8: read as Windows-1252, with a warning', () => {
    const text = wfsDoc(polygon(square(2)), { name: 'Straße am Ölberg' });
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0)); // every character < 256: Latin-1 bytes
    const fc = read(bytes);
    expect(fc.features[0].properties.name).toBe('Straße am Ölberg');
    expect(fc.warnings[0]).toMatch(/test\.gml: not valid UTF-8 \(byte \d+, although declared UTF-8\); read as Windows-1252/);
  });

  for (const [label, littleEndian] of [['UTF-16LE', true], ['UTF-16BE', false]] as const) {
    it(`${label} without a byte-order mark`, () => {
      const text = wfsDoc(polygon(square(2)), { name: 'Schloßplatz', decl: `<?xml version="1.0" encoding="UTF-16"?>` });
      const bytes = new Uint8Array(text.length * 2);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
      const fc = read(bytes);
      expect(fc.features[0].properties.name).toBe('Schloßplatz');
      expect(fc.features[0].geometry).not.toBeNull();
    });
  }
});
