// Each building's effective srsName: its geometry's, its own envelope's, inherited from the root, or the user's default.
import { describe, expect, it } from 'vitest';
import { cityModel, readAll } from './helpers/read-all';

const poly = (srs = '') =>
  `<bldg:lod2MultiSurface><gml:MultiSurface${srs ? ` srsName="${srs}"` : ''}><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 0 1 0 0 1 1 0 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>`;
const envelope = (srs: string) => `<gml:boundedBy><gml:Envelope srsName="${srs}" srsDimension="3"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>`;
const building = (id: string, inner: string) => `<core:cityObjectMember><bldg:Building gml:id="${id}">${inner}</bldg:Building></core:cityObjectMember>`;

async function srsOf(xml: string, defaultSrsName?: string): Promise<Record<string, string | undefined>> {
  const { buildings } = await readAll(xml, { defaultSrsName });
  return Object.fromEntries(buildings.map((b) => [b.id, b.srsName]));
}

describe('srsName', () => {
  it('inherits the root envelope, prefers the building envelope, and the geometry over both', async () => {
    const xml = cityModel(
      building('root', poly()) + building('own', envelope('EPSG:25833') + poly()) + building('geom', envelope('EPSG:25833') + poly('urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837')),
      envelope('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH'),
    );
    expect(await srsOf(xml, 'EPSG:31468')).toEqual({
      root: 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH',
      own: 'EPSG:25833',
      geom: 'urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837',
    });
  });

  it('falls back to the user-named CRS only when the file declares none', async () => {
    expect(await srsOf(cityModel(building('a', poly())), 'EPSG:31468')).toEqual({ a: 'EPSG:31468' });
    expect(await srsOf(cityModel(building('a', poly())))).toEqual({ a: undefined });
  });

  it('takes an srsName attribute on an ancestor element', async () => {
    const xml = `<?xml version="1.0"?><wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml" xmlns:bldg="b" srsName="EPSG:25832"><gml:featureMember>${building('w', poly()).replace(/core:cityObjectMember/g, 'gml:featureMember')}</gml:featureMember></wfs:FeatureCollection>`;
    expect(await srsOf(xml)).toEqual({ w: 'EPSG:25832' });
  });

  it('warns when one building mixes CRSs', async () => {
    const { buildings, warnings } = await readAll(cityModel(building('m', poly('EPSG:25832') + poly('EPSG:25833'))));
    expect(buildings[0].srsName).toBe('EPSG:25832');
    expect(warnings.map((w) => [w.code, w.buildingId])).toEqual([['mixed-srs', 'm']]);
  });
});
