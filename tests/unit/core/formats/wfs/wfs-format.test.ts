import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseOutputFormat, findFeatureType, readCapabilities } from '../../../../../src/core/formats/wfs/capabilities';
import { bboxParam, getCapabilitiesUrl, getFeatureUrl } from '../../../../../src/core/formats/wfs/get-feature';
import { readFeatureResponse } from '../../../../../src/core/formats/wfs/feature-response';
import { OwsExceptionError } from '../../../../../src/core/formats/wfs/ows-exception';
import { decodeBody } from '../../../../../src/core/sources/wfs-request';
import { toWgs84 } from '../../../../../src/core/geo';

const fixtures = resolve(__dirname, '../../../../fixtures/wfs');
const bytes = (name: string) => readFileSync(resolve(fixtures, name));
const text = (name: string) => decodeBody(bytes(name));

describe('WFS capabilities', () => {
  it('reads a GML-only 2.0.0 service without paging', () => {
    const caps = readCapabilities(text('capabilities-2.0.0-gml-only.xml'));
    expect(caps).toMatchObject({ version: '2.0.0', title: 'XPlanWFS Musterstadt', implementsResultPaging: false, maxFeatures: 5000, getFeatureUrl: 'https://geo.example.org/xplan/wfs?' });
    const btf = findFeatureType(caps, 'BP_BaugebietsTeilFlaeche')!;
    expect(btf).toEqual({
      name: 'xplan:BP_BaugebietsTeilFlaeche',
      title: 'Baugebietsteilfläche',
      defaultCrs: 'urn:ogc:def:crs:EPSG::25832',
      otherCrs: ['urn:ogc:def:crs:EPSG::4258'],
      outputFormats: [],
      wgs84Bounds: [11, 48, 11.5, 48.5],
    });
    expect(findFeatureType(caps, 'xplan:BP_Plan')!.defaultCrs).toBe('urn:ogc:def:crs:EPSG::31468');
    // no GeoJSON offered: GML 3.2 as the server spells it
    expect(chooseOutputFormat(caps, btf)).toBe('application/gml+xml; version=3.2');
  });

  it('reads 1.1.0 in ISO-8859-1 with a per-type JSON format', () => {
    const caps = readCapabilities(text('capabilities-1.1.0.xml'));
    expect(caps.version).toBe('1.1.0');
    const t = caps.featureTypes[0];
    expect(t).toMatchObject({ name: 'bplan_baugebiete', title: 'Baugebiete (Übersicht)', defaultCrs: 'EPSG:25832', otherCrs: ['EPSG:4326'] });
    expect(chooseOutputFormat(caps, t)).toBe('application/json');
    expect(chooseOutputFormat(caps, t, 'gml')).toBe('text/xml; subtype=gml/3.1.1');
  });

  it('refuses what is not WFS capabilities, and reports an exception report', () => {
    expect(() => readCapabilities('<WMS_Capabilities version="1.3.0"/>')).toThrow(/not a WFS capabilities document/);
    expect(() => readCapabilities('<WFS_Capabilities version="1.0.0"/>')).toThrow(/WFS version 1\.0\.0 is not supported/);
    expect(() => readCapabilities(text('exception-report.xml'))).toThrow(OwsExceptionError);
  });
});

describe('GetFeature URLs', () => {
  it('writes 2.0.0 and 1.1.0 parameters and keeps the endpoint’s own', () => {
    const v2 = new URL(getFeatureUrl({ url: 'https://x.example/wfs?map=/a.map&service=wms', version: '2.0.0', typeNames: ['ms:A', 'ms:B'], count: 100, startIndex: 200, resultType: 'hits', outputFormat: 'application/json; subtype=geojson' }));
    const p = v2.searchParams;
    expect(p.get('map')).toBe('/a.map');
    expect(p.getAll('SERVICE')).toEqual(['WFS']);
    expect(p.get('service')).toBeNull();
    expect([p.get('VERSION'), p.get('TYPENAMES'), p.get('COUNT'), p.get('STARTINDEX'), p.get('RESULTTYPE'), p.get('OUTPUTFORMAT')]).toEqual(['2.0.0', 'ms:A,ms:B', '100', '200', 'hits', 'application/json; subtype=geojson']);
    const v1 = new URL(getFeatureUrl({ url: 'https://x.example/wfs', version: '1.1.0', typeNames: ['A'], count: 50, startIndex: 50 })).searchParams;
    expect([v1.get('TYPENAME'), v1.get('MAXFEATURES'), v1.get('STARTINDEX'), v1.get('COUNT')]).toEqual(['A', '50', '50', null]);
    expect(new URL(getCapabilitiesUrl('https://x.example/wfs?request=GetFeature', '2.0.0')).searchParams.get('REQUEST')).toBe('GetCapabilities');
  });

  it('writes the BBOX in the axis order of its CRS', () => {
    const box = { minX: 11.5, minY: 48.1, maxX: 11.6, maxY: 48.2 };
    expect(bboxParam({ ...box, crs: 'urn:ogc:def:crs:EPSG::4326' })).toBe('48.1,11.5,48.2,11.6,urn:ogc:def:crs:EPSG::4326');
    expect(bboxParam({ ...box, crs: 'http://www.opengis.net/gml/srs/epsg.xml#4326' })).toBe('11.5,48.1,11.6,48.2,http://www.opengis.net/gml/srs/epsg.xml#4326');
    expect(bboxParam({ minX: 690000.5, minY: 5340000, maxX: 690100, maxY: 5340100.25, crs: 'urn:ogc:def:crs:EPSG::25832' })).toBe('690000.5,5340000,690100,5340100.25,urn:ogc:def:crs:EPSG::25832');
    // Gauß-Krüger is northing first in EPSG's URN form
    expect(bboxParam({ minX: 4468000, minY: 5333000, maxX: 4469000, maxY: 5334000, crs: 'urn:ogc:def:crs:EPSG::31468' })).toBe('5333000,4468000,5334000,4469000,urn:ogc:def:crs:EPSG::31468');
  });
});

describe('GetFeature responses', () => {
  it('reads GML 3.1.1 in EPSG:4326 latitude first, the old epsg.xml form longitude first, and xsi:nil', () => {
    const fc = readFeatureResponse(text('getfeature-3.1.1-latlon.xml'), { source: 'f.xml' });
    expect(fc.numberMatched).toBe(2);
    expect(fc.sourceEpsg).toBe(4326);
    const [a, b] = fc.features;
    expect(a.type).toBe('baugrenze');
    expect(a.geometryName).toBe('geom');
    expect(Array.from((a.geometry as { lines: Float64Array[] }).lines[0])).toEqual([11.5, 48.1, 11.6, 48.2]);
    expect(Array.from((b.geometry as { coords: Float64Array }).coords)).toEqual([11.5, 48.1]);
    expect(a.properties.name).toBe('Nord');
    expect(b.properties.name).toBeNull();
  });

  it('keeps good features when one geometry is bad, naming its line and column past skipped bounding boxes', () => {
    const env = '<gml:boundedBy><gml:Envelope srsName="EPSG:25832"><gml:lowerCorner>1 2</gml:lowerCorner><gml:upperCorner>3 4</gml:upperCorner></gml:Envelope></gml:boundedBy>';
    const gmlText = [
      '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:ms="urn:ms">',
      `<wfs:member><ms:a gml:id="a.1">${env}<ms:g><gml:Point srsName="EPSG:25832"><gml:pos>690000 5340000</gml:pos></gml:Point></ms:g></ms:a></wfs:member>`,
      `<wfs:member><ms:a gml:id="a.2">${env}<ms:g><gml:LineString srsName="EPSG:25832">`,
      '    <gml:posList srsDimension="3">1 2 3 4</gml:posList></gml:LineString></ms:g><ms:n>2</ms:n></ms:a></wfs:member>',
      '</wfs:FeatureCollection>',
    ].join('\n');
    const fc = readFeatureResponse(gmlText, { source: 'page.xml' });
    expect(fc.features.map((f) => [f.id, f.geometry?.type ?? null, f.properties.n ?? null])).toEqual([['a.1', 'Point', null], ['a.2', null, '2']]);
    expect(fc.warnings).toEqual(['page.xml:4:5: a a.2: gml:posList has 4 numbers, not a multiple of srsDimension 3']);
    expect('boundedBy' in fc.features[0].properties).toBe(false);
  });

  it('reads numberMatched, numberReturned and next of 2.0.0', () => {
    const fc = readFeatureResponse(
      '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" numberMatched="30" numberReturned="0" next="http://h/wfs?STARTINDEX=10"/>',
    );
    expect([fc.numberMatched, fc.numberReturned, fc.next, fc.features.length]).toEqual([30, 0, 'http://h/wfs?STARTINDEX=10', 0]);
    expect(readFeatureResponse('<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" numberMatched="unknown"/>').numberMatched).toBeNull();
  });

  it('turns an exception report into one readable error', () => {
    let err: unknown;
    try {
      readFeatureResponse(text('exception-report.xml'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OwsExceptionError);
    expect((err as Error).message).toBe('WFS error InvalidParameterValue (bbox): BBOX has 3 values, expected 4 and a CRS; NoApplicableCode: second problem');
    expect((err as OwsExceptionError).exceptions.map((x) => x.code)).toEqual(['InvalidParameterValue', 'NoApplicableCode']);
  });

  it('reads GeoJSON with a named CRS (easting first, whatever the CRS says), 3D positions and ids', () => {
    const json = JSON.stringify({
      type: 'FeatureCollection',
      numberMatched: 2,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
      features: [
        { type: 'Feature', id: 'BP_BauGrenze.7', properties: { a: 1 }, geometry: { type: 'LineString', coordinates: [[690000, 5340000, 500], [690010, 5340000]] } },
        { type: 'Feature', properties: { gml_id: 'x' }, geometry: null },
      ],
    });
    const fc = readFeatureResponse(json);
    expect(fc.numberMatched).toBe(2);
    const [a, b] = fc.features;
    expect(a).toMatchObject({ id: 'BP_BauGrenze.7', type: 'BP_BauGrenze' });
    const c = (a.geometry as { coords: Float64Array; dim: number });
    expect(c.dim).toBe(3);
    const [lon, lat] = toWgs84(25832)(690000, 5340000);
    expect([c.coords[0], c.coords[1]]).toEqual([lon, lat]);
    expect([c.coords[2], c.coords[5]]).toEqual([500, 0]);
    expect(b).toMatchObject({ id: 'x', geometry: null });
  });

  it('names the line and column of broken JSON', () => {
    expect(() => readFeatureResponse('{"type": "FeatureCollection",\n  "features": [,]}', { source: 'page.json' })).toThrow(/^page\.json:2:16: invalid JSON/);
    expect(() => readFeatureResponse('{"a": 1', { source: 'cut.json' })).toThrow(/^cut\.json:1:8: invalid JSON/);
  });
});
