// Bad input: a clear CityGMLError naming the place, or a located warning, and nothing good lost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CityGMLError } from '../../../workers/lib/citygml/citygml-error';
import { cityModel, fixture, readAll, simpleBuilding } from './helpers/read-all';

function expectCityGMLError(error: unknown, code: string): CityGMLError {
  expect(error).toBeInstanceOf(CityGMLError);
  const e = error as CityGMLError;
  expect(e.code).toBe(code);
  return e;
}

describe('fatal input errors', () => {
  it('a truncated file yields every complete building, then fails with line and column', async () => {
    const bytes = fixture('adv-lod2-citygml1.gml');
    const text = new TextDecoder().decode(bytes);
    const cut = text.indexOf('<bldg:BuildingPart gml:id="DEBY_LOD2_TEST2_B">');
    const { buildings, error } = await readAll(text.slice(0, cut), { file: 'cut.gml' });
    expect(buildings.map((b) => b.id)).toEqual(['DEBY_LOD2_TEST1']);
    const e = expectCityGMLError(error, 'truncated');
    expect(e.file).toBe('cut.gml');
    expect(e.line).toBe(text.slice(0, cut).split('\n').length);
    expect(e.column).toBeGreaterThan(0);
    expect(e.message).toMatch(/^cut\.gml:\d+:\d+: /);
  });

  it('malformed XML mid-file keeps the buildings before it and names the place', async () => {
    const xml = cityModel(simpleBuilding('A') + '\n' + simpleBuilding('B').replace('</gml:Polygon>', '</gml:Polygn>') + '\n' + simpleBuilding('C'));
    const { buildings, error } = await readAll(xml);
    expect(buildings.map((b) => b.id)).toEqual(['A']);
    const e = expectCityGMLError(error, 'malformed-xml');
    expect(e.line).toBe(7);
  });

  it.each([
    ['JSON', '{"type":"FeatureCollection","features":[]}'],
    ['a ZIP file', 'PK\u0003\u0004\u0014\u0000\u0000\u0000'],
    ['plain text', 'hello\nworld'],
  ])('%s is refused at once as not XML', async (_, text) => {
    const { buildings, error } = await readAll(text);
    expect(buildings).toEqual([]);
    const e = expectCityGMLError(error, 'not-xml');
    expect(e.line).toBe(1);
    expect(e.column).toBe(1);
  });

  it('empty input is an error', async () => {
    expectCityGMLError((await readAll('')).error, 'empty-input');
    expectCityGMLError((await readAll('  \n ')).error, 'not-xml');
  });

  it('refuses a DOCTYPE with entity declarations and never expands them (billion laughs)', async () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
    const { error } = await readAll(xml);
    // refused at the DOCTYPE's end (line 13), before any entity could be expanded; no timing needed
    const e = expectCityGMLError(error, 'doctype-entity');
    expect(e.line).toBe(13);
  });

  it('never fetches an external entity (XXE)', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<x/>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const target of [`http://127.0.0.1:${port}/evil.dtd`, 'file:///etc/passwd']) {
        const xml = `<?xml version="1.0"?>\n<!DOCTYPE CityModel [<!ENTITY xxe SYSTEM "${target}">]>\n${cityModel(simpleBuilding('A', undefined, '<gml:name>&xxe;</gml:name>')).replace(/^<\?xml[^>]*>\n/, '')}`;
        const { buildings, error } = await readAll(xml);
        expectCityGMLError(error, 'doctype-entity');
        expect(JSON.stringify(buildings)).not.toContain('root:');
      }
      const external = `<?xml version="1.0"?>\n<!DOCTYPE CityModel SYSTEM "http://127.0.0.1:${port}/citygml.dtd">\n${cityModel(simpleBuilding('A')).replace(/^<\?xml[^>]*>\n/, '')}`;
      const plain = await readAll(external);
      expect(plain.error).toBeUndefined();
      expect(plain.buildings).toHaveLength(1);
      await new Promise((ok) => setTimeout(ok, 50));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('an undefined entity reference is a located XML error', async () => {
    const { buildings, error } = await readAll(cityModel(simpleBuilding('A') + '\n' + simpleBuilding('B', undefined, '<gml:name>&nbsp;</gml:name>')));
    expect(buildings.map((b) => b.id)).toEqual(['A']);
    const e = expectCityGMLError(error, 'malformed-xml');
    expect(e.line).toBe(6);
  });

  it('an unknown encoding in the declaration is a clear error', async () => {
    const e = expectCityGMLError((await readAll('<?xml version="1.0" encoding="x-klingon"?><a/>')).error, 'unsupported-encoding');
    expect(e.message).toContain('x-klingon');
  });
});

describe('located warnings: the polygon goes, the building stays', () => {
  const good = '0 0 1 1 0 1 1 1 1 0 0 1';
  const withBad = (posList: string, extra = '') =>
    cityModel(
      simpleBuilding('A') +
        '\n' +
        `<core:cityObjectMember><bldg:Building gml:id="B">${extra}<bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${good}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>\n<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>` +
        '\n' +
        simpleBuilding('C'),
    );

  it.each([
    ['NaN', '0 0 1 NaN 0 1 1 1 1 0 0 1', 'bad-coordinate'],
    ['garbage', '0 0 1 1,5 0 1 1 1 1 0 0 1', 'bad-coordinate'],
    ['overflow', '0 0 1 1e999 0 1 1 1 1 0 0 1', 'bad-coordinate'],
    ['missing', '   ', 'missing-coordinates'],
    ['an odd count', '0 0 1 1 0 1 1 1 1 0 0', 'coordinate-count'],
    ['too few points', '0 0 1 1 0 1 0 0 1', 'degenerate-ring'],
  ])('%s coordinates', async (_, posList, code) => {
    const { buildings, warnings, error } = await readAll(withBad(posList), { file: 'w.gml' });
    expect(error).toBeUndefined();
    expect(buildings.map((b) => [b.id, b.polygons.length])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code, buildingId: 'B', file: 'w.gml', line: 7 });
    expect(warnings[0].column).toBeGreaterThan(0);
  });

  it('an empty LoD element is reported', async () => {
    const { buildings, warnings } = await readAll(withBad(good, '<bldg:lod2Solid/><bldg:lod1Solid>\n</bldg:lod1Solid>'));
    expect(buildings.map((b) => b.id)).toEqual(['A', 'B', 'C']);
    expect(warnings.map((w) => [w.code, w.buildingId, w.line])).toEqual([
      ['empty-geometry', 'B', 6],
      ['empty-geometry', 'B', 6],
    ]);
  });

  it('a building without any geometry is reported and not yielded; the next one is', async () => {
    const xml = cityModel(simpleBuilding('A') + '\n<core:cityObjectMember><bldg:Building gml:id="EMPTY"><bldg:function>31001_1000</bldg:function></bldg:Building></core:cityObjectMember>\n' + simpleBuilding('C'));
    const { buildings, warnings } = await readAll(xml);
    expect(buildings.map((b) => b.id)).toEqual(['A', 'C']);
    expect(warnings).toMatchObject([{ code: 'no-geometry', buildingId: 'EMPTY', line: 6, column: 24 }]);
  });

  it('a non-numeric attribute is reported and left out', async () => {
    const xml = cityModel(simpleBuilding('A', undefined, '<bldg:measuredHeight uom="m">hoch</bldg:measuredHeight><bldg:storeysAboveGround>2.5</bldg:storeysAboveGround>'));
    const { buildings, warnings } = await readAll(xml);
    expect(buildings[0].attributes.measuredHeight).toBeUndefined();
    expect(buildings[0].attributes.storeysAboveGround).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual(['bad-attribute', 'bad-attribute']);
  });
});
