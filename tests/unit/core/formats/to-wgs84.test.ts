import { describe, expect, it } from 'vitest';
import { readGmlFeatureCollection } from '../../../../src/core/formats/gml/gml-reader';
import { crsTransform } from '../../../../src/core/formats/to-wgs84';
import { toWgs84 } from '../../../../src/core/geo';

function point(srsName: string, pos: string, axisConvention: 'wfs' | 'file' = 'wfs'): number[] {
  const fc = readGmlFeatureCollection(
    `<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:a="urn:a">` +
      `<wfs:member><a:f gml:id="f"><a:g><gml:Point srsName="${srsName}"><gml:pos>${pos}</gml:pos></gml:Point></a:g></a:f></wfs:member></wfs:FeatureCollection>`,
    { axisConvention },
  );
  expect(fc.warnings).toEqual([]);
  return Array.from((fc.features[0].geometry as { coords: Float64Array }).coords);
}

describe('axis order and reprojection to WGS84', () => {
  it('reads WFS responses in geographic CRSs latitude first in every form but the old epsg.xml one', () => {
    // MapServer 8 writes srsName="EPSG:4326" in WFS 1.1.0 GML with latitude first (tests/integration)
    for (const srs of ['EPSG:4326', 'urn:ogc:def:crs:EPSG::4326', 'http://www.opengis.net/def/crs/EPSG/0/4326', 'urn:ogc:def:crs:EPSG::4258']) {
      expect(point(srs, '48.1 11.5'), srs).toEqual([11.5, 48.1]);
    }
    expect(point('http://www.opengis.net/gml/srs/epsg.xml#4326', '11.5 48.1')).toEqual([11.5, 48.1]);
  });

  it('reads files with the short EPSG:4326 longitude first, URN forms latitude first', () => {
    expect(point('EPSG:4326', '11.5 48.1', 'file')).toEqual([11.5, 48.1]);
    expect(point('urn:ogc:def:crs:EPSG::4326', '48.1 11.5', 'file')).toEqual([11.5, 48.1]);
  });

  it('reads Gauß-Krüger northing first only in the URN/URI forms', () => {
    const expected = toWgs84(31467)(3480102.593, 5889803.7);
    expect(point('EPSG:31467', '3480102.593 5889803.7')).toEqual(expected);
    expect(point('urn:ogc:def:crs:EPSG::31467', '5889803.7 3480102.593')).toEqual(expected);
    expect(point('http://www.opengis.net/def/crs/EPSG/0/31467', '5889803.7 3480102.593')).toEqual(expected);
  });

  it('reprojects UTM 32/33, Gauß-Krüger 4 and Web Mercator to plausible places', () => {
    const near = (got: number[], lon: number, lat: number) => {
      // within 0.05°: catches a wrong zone, datum or axis, not a metre
      expect(got[0]).toBeCloseTo(lon, 1);
      expect(got[1]).toBeCloseTo(lat, 1);
    };
    near(point('EPSG:25832', '691000 5334000'), 11.575, 48.137); // München
    near(point('EPSG:25833', '412000 5658000'), 13.77, 51.07); // Dresden
    near(point('EPSG:31468', '4468000 5333000'), 11.57, 48.13);
    near(point('EPSG:3857', '1288000 6129000'), 11.57, 48.14);
  });

  it('refuses an unknown CRS, naming it, and keeps the feature without geometry', () => {
    const fc = readGmlFeatureCollection(
      `<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:a="urn:a">\n` +
        `<wfs:member><a:f gml:id="f"><a:g><gml:Point srsName="EPSG:2056"><gml:pos>1 2</gml:pos></gml:Point></a:g><a:name>kept</a:name></a:f></wfs:member></wfs:FeatureCollection>`,
      { source: 'ch.gml' },
    );
    expect(fc.features[0]).toMatchObject({ geometry: null, properties: { name: 'kept' } });
    expect(fc.warnings[0]).toMatch(/^ch\.gml:2:\d+: .*unsupported CRS "EPSG:2056"/);
    expect(() => crsTransform('EPSG:2056')).toThrow(/unsupported CRS/);
  });
});
