import { describe, expect, it } from 'vitest';
import { isLatLonAxisOrder, parseSrsName } from '../../../src/core/geo/crs';

describe('parseSrsName', () => {
  it.each([
    ['EPSG:25832', 25832, 'unknown'],
    ['epsg:25833', 25833, 'unknown'],
    ['urn:ogc:def:crs:EPSG::25832', 25832, 'unknown'],
    ['urn:ogc:def:crs:EPSG:6.12:25832', 25832, 'unknown'],
    ['urn:x-ogc:def:crs:EPSG:25833', 25833, 'unknown'],
    ['http://www.opengis.net/def/crs/EPSG/0/25832', 25832, 'unknown'],
    ['http://www.opengis.net/gml/srs/epsg.xml#31468', 31468, 'unknown'],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH', 25832, 'DHHN2016'],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016', 25832, 'DHHN2016'],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH', 25832, 'DHHN92'],
    ['urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH', 25833, 'DHHN2016'],
    ['urn:adv:crs:DE_DHDN_3GK2*DE_DHHN92_NH', 31466, 'DHHN92'],
    ['urn:adv:crs:DE_DHDN_3GK3*DE_DHHN12_NOH', 31467, 'DHHN12'],
    ['urn:adv:crs:DE_DHDN_3GK4*DE_DHHN92_NH', 31468, 'DHHN92'],
    ['urn:adv:crs:DE_DHDN_3GK5', 31469, 'unknown'],
    ['urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837', 25832, 'DHHN2016'],
    ['urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783', 25833, 'DHHN92'],
    ['http://www.opengis.net/def/crs-compound?1=http://www.opengis.net/def/crs/EPSG/0/25832&2=http://www.opengis.net/def/crs/EPSG/0/7837', 25832, 'DHHN2016'],
    ['EPSG:5555', 25832, 'DHHN92'],
    ['EPSG:4326', 4326, 'unknown'],
    ['EPSG:4258', 4258, 'unknown'],
    ['EPSG:3857', 3857, 'unknown'],
    ['urn:ogc:def:crs:EPSG::4979', 4979, 'ellipsoidal'],
  ] as const)('%s → EPSG:%i, %s', (srsName, epsg, vertical) => {
    const crs = parseSrsName(srsName);
    expect(crs).not.toBeNull();
    expect(crs!.epsg).toBe(epsg);
    expect(crs!.verticalDatum).toBe(vertical);
    expect(crs!.name.length).toBeGreaterThan(4);
  });

  it('names both parts of a compound CRS', () => {
    expect(parseSrsName('urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837')!.name).toBe('ETRS89 / UTM zone 32N + DHHN2016 height');
  });

  it.each(['', 'EPSG:2056', 'urn:ogc:def:crs:EPSG::99999', 'urn:adv:crs:ETRS89_UTM31*DE_DHHN2016_NH', 'local', 'urn:ogc:def:crs,crs:EPSG::7837', 'EPSG:25832x'])(
    'unknown %j → null',
    (srsName) => expect(parseSrsName(srsName)).toBeNull(),
  );

  it('geographic CRSs are latitude first in the URN and URI forms, longitude first in the short forms', () => {
    const latFirst = (s: string) => isLatLonAxisOrder(s, parseSrsName(s)!);
    expect(latFirst('urn:ogc:def:crs:EPSG::4326')).toBe(true);
    expect(latFirst('http://www.opengis.net/def/crs/EPSG/0/4979')).toBe(true);
    expect(latFirst('urn:ogc:def:crs,crs:EPSG::4258,crs:EPSG::7837')).toBe(true);
    expect(latFirst('EPSG:4979')).toBe(false);
    expect(latFirst('http://www.opengis.net/gml/srs/epsg.xml#4326')).toBe(false);
    expect(latFirst('urn:ogc:def:crs:EPSG::25832')).toBe(false);
  });
});
