import { describe, expect, it } from 'vitest';
import { extentGrid, levelFor, resolveBasemap, tileExtent, tilesCovering, webMercatorGrid, parseWmtsCapabilities } from '../../../../src/core/basemap/index.js';

// a capabilities document shaped like basemap.de's: one layer, a 25832 set, a 3857 set and a 4326 set (latitude first)
const caps = `<?xml version="1.0"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>Test WMTS</ows:Title></ows:ServiceIdentification>
  <ows:OperationsMetadata>
    <ows:Operation name="GetTile"><ows:DCP><ows:HTTP>
      <ows:Get xlink:href="https://example.test/wmts?" xmlns:xlink="http://www.w3.org/1999/xlink">
        <ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint>
      </ows:Get></ows:HTTP></ows:DCP></ows:Operation>
  </ows:OperationsMetadata>
  <Contents>
    <Layer>
      <ows:Title>Farbe</ows:Title><ows:Identifier>de_basemapde_web_raster_farbe</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>GLOBAL_WEBMERCATOR</TileMatrixSet></TileMatrixSetLink>
      <TileMatrixSetLink><TileMatrixSet>DE_EPSG_25832_ADV</TileMatrixSet></TileMatrixSetLink>
      <TileMatrixSetLink><TileMatrixSet>WGS</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile" template="https://example.test/tiles/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
    </Layer>
    <TileMatrixSet><ows:Identifier>DE_EPSG_25832_ADV</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::25832</ows:SupportedCRS>
      <TileMatrix><ows:Identifier>01</ows:Identifier><ScaleDenominator>8735660.37545</ScaleDenominator><TopLeftCorner>-46133.17 6301219.54</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>2</MatrixWidth><MatrixHeight>2</MatrixHeight></TileMatrix>
      <TileMatrix><ows:Identifier>00</ows:Identifier><ScaleDenominator>17471320.7509</ScaleDenominator><TopLeftCorner>-46133.17 6301219.54</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>1</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
    </TileMatrixSet>
    <TileMatrixSet><ows:Identifier>GLOBAL_WEBMERCATOR</ows:Identifier><ows:SupportedCRS>EPSG:3857</ows:SupportedCRS>
      <TileMatrix><ows:Identifier>00</ows:Identifier><ScaleDenominator>559082264.0287178</ScaleDenominator><TopLeftCorner>-20037508.3428 20037508.3428</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>1</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
    </TileMatrixSet>
    <TileMatrixSet><ows:Identifier>WGS</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::4326</ows:SupportedCRS>
      <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator><TopLeftCorner>90 -180</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
    </TileMatrixSet>
  </Contents>
</Capabilities>`;

describe('WMTS capabilities', () => {
  it('keeps each tile matrix set in its own CRS, coarse to fine, with resolutions from the scale denominators', () => {
    const c = parseWmtsCapabilities(caps, 'caps.xml');
    expect(c.title).toBe('Test WMTS');
    expect(c.kvpUrl).toBe('https://example.test/wmts?');
    const utm = c.matrixSets.get('DE_EPSG_25832_ADV')!;
    expect(utm.epsg).toBe(25832);
    expect(utm.grid.matrices.map((m) => m.id)).toEqual(['00', '01']);
    expect(utm.grid.matrices[0].resolution).toBeCloseTo(4891.97, 1);
    expect(utm.grid.matrices[0].originX).toBeCloseTo(-46133.17, 2);
    expect(c.matrixSets.get('GLOBAL_WEBMERCATOR')!.grid.matrices[0].resolution).toBeCloseTo(156543.03, 1);
    // EPSG:4326 in URN form is latitude first: the corner is read as lon -180, lat 90
    const wgs = c.matrixSets.get('WGS')!.grid.matrices[0];
    expect([wgs.originX, wgs.originY]).toEqual([-180, 90]);
    expect(wgs.resolution).toBeCloseTo(180 / 256, 6);
  });

  it('names the file and what is wrong', () => {
    expect(() => parseWmtsCapabilities('<WMS_Capabilities/>', 'x.xml')).toThrow(/x\.xml: not a WMTS capabilities document/);
    expect(() => parseWmtsCapabilities('<Capabilities><Contents', 'y.xml')).toThrow(/y\.xml/);
    const bad = caps.replace('<TopLeftCorner>90 -180</TopLeftCorner>', '<TopLeftCorner>north</TopLeftCorner>');
    expect(() => parseWmtsCapabilities(bad, 'z.xml')).toThrow(/z\.xml: TileMatrixSet "WGS": bad TopLeftCorner/);
  });

  it('resolves a layer: EPSG:25832 preferred, REST template filled in; a named set and KVP on request', async () => {
    const fetchText = async () => caps;
    const rest = await resolveBasemap({ type: 'wmts', url: 'https://example.test/caps.xml' }, fetchText);
    expect(rest.grid.epsg).toBe(25832);
    expect(rest.tileUrl(1, 1, 0)).toBe('https://example.test/tiles/DE_EPSG_25832_ADV/01/0/1.png');
    const merc = await resolveBasemap({ type: 'wmts', url: 'https://example.test/caps.xml', matrixSet: 'GLOBAL_WEBMERCATOR' }, fetchText);
    expect(merc.grid.epsg).toBe(3857);
    const kvp = await resolveBasemap({ type: 'wmts', url: 'x', matrixSet: 'WGS' }, async () => caps.replace(/<ResourceURL[^>]*\/>/, ''));
    const url = new URL(kvp.tileUrl(0, 1, 0));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ REQUEST: 'GetTile', LAYER: 'de_basemapde_web_raster_farbe', TILEMATRIXSET: 'WGS', TILEMATRIX: '0', TILEROW: '0', TILECOL: '1', STYLE: 'default' });
    await expect(resolveBasemap({ type: 'wmts', url: 'c.xml', layer: 'nope' }, fetchText)).rejects.toThrow(/c\.xml: no WMTS layer "nope" \(offered: de_basemapde_web_raster_farbe\)/);
    await expect(resolveBasemap({ type: 'wmts', url: 'c.xml', matrixSet: 'nope' }, fetchText)).rejects.toThrow(/no usable tile matrix set "nope"/);
  });
});

describe('tile grids', () => {
  it('XYZ: the OSM grid, {-y} for TMS rows; a template without {z} is refused', async () => {
    const xyz = await resolveBasemap({ type: 'xyz', url: '/t/{z}/{x}/{-y}.png' }, async () => '');
    expect(xyz.grid.epsg).toBe(3857);
    expect(xyz.tileUrl(2, 1, 0)).toBe('/t/2/1/3.png');
    await expect(resolveBasemap({ type: 'xyz', url: '/t/{x}/{y}.png' }, async () => '')).rejects.toThrow(/needs \{z\}/);
    const m = webMercatorGrid().matrices[1];
    expect(tileExtent(m, 1, 0)).toEqual([0, 0, 20037508.342789244, 20037508.342789244]);
  });

  it('WMS: a virtual grid over the extent, BBOX per tile, latitude first for EPSG:4326 in 1.3.0', async () => {
    const wms = await resolveBasemap({ type: 'wms', url: 'http://s.test/wms', layers: 'a,b', crs: 'EPSG:25832', extent: [700000, 5300000, 702560, 5302560] }, async () => '');
    const p = new URL(wms.tileUrl(1, 1, 0)).searchParams;
    expect(p.get('BBOX')).toBe('701280,5301280,702560,5302560');
    expect(p.get('CRS')).toBe('EPSG:25832');
    expect(p.get('LAYERS')).toBe('a,b');
    const geo = await resolveBasemap({ type: 'wms', url: 'http://s.test/wms', layers: 'a', crs: 'EPSG:4326', extent: [11, 48, 12, 49] }, async () => '');
    expect(new URL(geo.tileUrl(0, 0, 0)).searchParams.get('BBOX')).toBe('48,11,49,12');
    await expect(resolveBasemap({ type: 'wms', url: 'x', layers: 'a', crs: 'EPSG:3857' }, async () => '')).rejects.toThrow(/give an extent/);
  });

  it('picks the coarsest level at least as sharp as asked, and refuses covers of too many tiles', () => {
    const grid = extentGrid(25832, [0, 0, 25600, 25600], 6);
    expect(grid.matrices.map((m) => m.resolution)).toEqual([100, 50, 25, 12.5, 6.25, 3.125]);
    expect(levelFor(grid, 30)).toBe(2);
    expect(levelFor(grid, 1)).toBe(5);
    expect(tilesCovering(grid, 1, [100, 100, 200, 200])).toEqual([{ level: 1, col: 0, row: 1 }]);
    expect(tilesCovering(grid, 5, [0, 0, 25600, 25600], 64)).toBeNull();
    expect(tilesCovering(grid, 1, [-900, -900, -800, -800])).toEqual([]);
  });
});
