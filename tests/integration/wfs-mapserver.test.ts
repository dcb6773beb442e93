/**
 * The WFS source, formats and XPlanung overlay against a real MapServer 8 (Debian cgi-mapserver),
 * serving tests/fixtures/wfs/mapserver/xplan.map: 30 Baugebietsteilflächen, 30 Baufenster and
 * 30 Baugrenzen in EPSG:25832.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startMapServer, mapservAvailable, MAPSERV, type MapServer } from './mapserver/mapserver-harness';
import { WfsSource, parseInThread } from '../../src/core/sources/wfs-source';
import { pages } from '../../src/core/sources/wfs-pager';
import { chooseOutputFormat, findFeatureType, type WfsCapabilities } from '../../src/core/formats/wfs/capabilities';
import { getFeatureUrl } from '../../src/core/formats/wfs/get-feature';
import { readFeatureResponse } from '../../src/core/formats/wfs/feature-response';
import { decodeBody, wfsGet } from '../../src/core/sources/wfs-request';
import type { Feature } from '../../src/core/formats/feature';
import { readXPlan } from '../../src/core/formats/xplanung/xplan-model';
import { planOverlay } from '../../src/core/formats/xplanung/plan-overlay';
import { toWgs84 } from '../../src/core/geo';
import { makeFixture, ORIGIN } from '../fixtures/wfs/mapserver/make-fixture';

const MAPFILE = resolve(__dirname, '../fixtures/wfs/mapserver/xplan.map');
const BTF = 'BP_BaugebietsTeilFlaeche';
const GEOJSON = 'application/json; subtype=geojson';
const fixture = makeFixture();

let server: MapServer;

beforeAll(async () => {
  if (!mapservAvailable()) throw new Error(`${MAPSERV} is missing: npm test installs cgi-mapserver; or apt-get install -y cgi-mapserver`);
  server = await startMapServer(MAPFILE);
});
afterAll(async () => {
  await server?.stop();
});

async function caps(version: '2.0.0' | '1.1.0'): Promise<WfsCapabilities> {
  return new WfsSource({ url: server.url, typeNames: [BTF], version }).capabilities();
}

/** All features of a type through the pager, with the pages seen. */
async function loadAll(version: '2.0.0' | '1.1.0', format: 'geojson' | 'gml', pageSize: number, srsName?: string) {
  const c = await caps(version);
  const type = findFeatureType(c, BTF)!;
  const seen: { n: number; url: string }[] = [];
  const features: Feature[] = [];
  const requestsBefore = server.requests;
  const query = { url: server.url, caps: c, typeName: type.name, srsName: srsName ?? type.defaultCrs!, outputFormat: chooseOutputFormat(c, type, format), pageSize, maxFeatures: 1000 };
  for await (const page of pages(query, fetch, parseInThread)) {
    seen.push({ n: page.features.length, url: page.url });
    features.push(...page.features);
  }
  return { features, pages: seen, outputFormat: query.outputFormat, requests: server.requests - requestsBefore };
}

const byGmlId = (features: Feature[]) => new Map(features.map((f) => [String(f.properties.gml_id), f]));

describe('capabilities', () => {
  it('reads WFS 2.0.0: types, titles, CRSs, formats, paging, bounds', async () => {
    const c = await caps('2.0.0');
    expect(c.version).toBe('2.0.0');
    expect(c.title).toBe('TwinBy Testdienst: synthetischer Bebauungsplan');
    expect(c.featureTypes.map((t) => t.name)).toEqual(['ms:BP_BaugebietsTeilFlaeche', 'ms:BP_UeberbaubareGrundstuecksFlaeche', 'ms:BP_BauGrenze']);
    const t = findFeatureType(c, BTF)!;
    expect(t.title).toBe('Baugebietsteilflächen');
    expect(t.defaultCrs).toBe('urn:ogc:def:crs:EPSG::25832');
    expect(t.otherCrs).toContain('urn:ogc:def:crs:EPSG::4326');
    expect(t.outputFormats).toContain(GEOJSON);
    expect(c.implementsResultPaging).toBe(true);
    // the fixture's south-west corner, reprojected, lies in the advertised WGS84 bounds
    const [lon, lat] = toWgs84(25832)(ORIGIN[0], ORIGIN[1]);
    const [w, s, e, n] = t.wgs84Bounds!;
    expect(lon).toBeGreaterThanOrEqual(w - 1e-5);
    expect(lat).toBeGreaterThanOrEqual(s - 1e-5);
    expect(e).toBeGreaterThan(w);
    expect(n).toBeGreaterThan(s);
    expect(chooseOutputFormat(c, t)).toBe(GEOJSON);
    expect(chooseOutputFormat(c, t, 'gml')).toMatch(/3\.2/);
  });

  it('reads WFS 1.1.0: unprefixed names, DefaultSRS, no paging constraint, GML 3.1.1', async () => {
    const c = await caps('1.1.0');
    expect(c.version).toBe('1.1.0');
    const t = findFeatureType(c, 'ms:BP_BaugebietsTeilFlaeche')!;
    expect(t.name).toBe(BTF);
    expect(t.defaultCrs).toBe('urn:ogc:def:crs:EPSG::25832');
    expect(c.implementsResultPaging).toBe(false);
    expect(c.maxFeatures).toBe(1000);
    expect(chooseOutputFormat(c, t)).toBe(GEOJSON);
    expect(chooseOutputFormat(c, t, 'gml')).toBe('text/xml; subtype=gml/3.1.1');
  });

  it('names a missing type with what the server offers', async () => {
    await expect(new WfsSource({ url: server.url, typeNames: ['BP_Nope'] }).capabilities()).rejects.toThrow(/no feature type "BP_Nope".*ms:BP_BauGrenze/);
  });
});

describe('GetFeature', () => {
  it('filters by BBOX in the native CRS', async () => {
    const c = await caps('2.0.0');
    // blocks are 40 × 30 m with 12 m streets: this box touches the first two columns of the first two rows
    const bbox = { minX: ORIGIN[0] + 1, minY: ORIGIN[1] + 1, maxX: ORIGIN[0] + 60, maxY: ORIGIN[1] + 50, crs: 'urn:ogc:def:crs:EPSG::25832' };
    for (const outputFormat of [GEOJSON, 'application/gml+xml; version=3.2']) {
      const url = getFeatureUrl({ url: server.url, version: '2.0.0', typeNames: ['ms:' + BTF], bbox, outputFormat, srsName: bbox.crs });
      const fc = readFeatureResponse(decodeBody(await wfsGet(fetch, url)), { source: url, srsName: bbox.crs });
      expect(fc.features.map((f) => f.properties.gml_id).sort()).toEqual(['BTF_01', 'BTF_02', 'BTF_07', 'BTF_08']);
      expect(c.version).toBe('2.0.0');
    }
  });

  it('pages through 30 features in 3 pages of 10 (2.0.0, GML 3.2 and GeoJSON)', async () => {
    for (const format of ['gml', 'geojson'] as const) {
      const { features, pages: seen, requests } = await loadAll('2.0.0', format, 10);
      expect(seen.map((p) => p.n)).toEqual([10, 10, 10]);
      expect(seen.map((p) => new URL(p.url).searchParams.get('STARTINDEX'))).toEqual(['0', '10', '20']);
      expect(new Set(features.map((f) => f.properties.gml_id)).size).toBe(30);
      expect(requests).toBe(3);
    }
  });

  it('pages with MAXFEATURES/STARTINDEX in 1.1.0', async () => {
    const { features, pages: seen } = await loadAll('1.1.0', 'gml', 10);
    expect(seen.filter((p) => p.n > 0).length).toBe(3);
    expect(new URL(seen[1].url).searchParams.get('MAXFEATURES')).toBe('10');
    expect(new Set(features.map((f) => f.properties.gml_id)).size).toBe(30);
  });

  it('counts with resultType=hits', async () => {
    const source = new WfsSource({ url: server.url, typeNames: [BTF] });
    expect(await source.hits(BTF)).toBe(30);
    const one = new WfsSource({ url: server.url, typeNames: [BTF], version: '1.1.0' });
    expect(await one.hits(BTF)).toBe(30);
  });

  it('gives the same features to the coordinate through GML 3.2 and GeoJSON', async () => {
    const gml = byGmlId((await loadAll('2.0.0', 'gml', 100)).features);
    const json = byGmlId((await loadAll('2.0.0', 'geojson', 100)).features);
    expect(gml.size).toBe(30);
    expect([...json.keys()].sort()).toEqual([...gml.keys()].sort());
    for (const [id, a] of gml) {
      const b = json.get(id)!;
      expect(a.geometry!.type).toBe('Polygon');
      expect(b.geometry).toEqual(a.geometry);
    }
    // and the same regulations: GML text and GeoJSON numbers, the missing GFZ of BTF_07 in both
    const ma = readXPlan([...gml.values()]).objects, mb = readXPlan([...json.values()]).objects;
    const regs = (o: (typeof ma)[number]) => [o.besondereArtDerBaulNutzung, o.GRZ, o.GFZ, o.Z, o.bauweise, o.dachform];
    expect(mb.map(regs)).toEqual(ma.map(regs));
    expect(ma.find((o) => o.text.gliederung1 === 'MI 2')).toBeTruthy();
    const btf07 = [...gml.values()].find((f) => f.properties.gml_id === 'BTF_07')!;
    expect(readXPlan([btf07]).objects[0].GFZ).toBeNull();
    // the fixture's own coordinates, reprojected, are what came back
    const src = fixture.areas[0] as { geometry: { coordinates: number[][][] } };
    const [lon, lat] = toWgs84(25832)(src.geometry.coordinates[0][0][0], src.geometry.coordinates[0][0][1]);
    const ring = (gml.get('BTF_01')!.geometry as { rings: Float64Array[] }).rings[0];
    expect([ring[0], ring[1]]).toEqual([lon, lat]);
  });

  it('applies the EPSG:4326 axis order: GML lat/lon (both versions), GeoJSON lon/lat', async () => {
    const native = byGmlId((await loadAll('2.0.0', 'gml', 100)).features);
    const variants = [
      await loadAll('2.0.0', 'gml', 100, 'urn:ogc:def:crs:EPSG::4326'),
      await loadAll('2.0.0', 'gml', 100, 'EPSG:4326'),
      await loadAll('1.1.0', 'gml', 100, 'EPSG:4326'),
      await loadAll('2.0.0', 'geojson', 100, 'urn:ogc:def:crs:EPSG::4326'),
    ];
    for (const v of variants) {
      const got = byGmlId(v.features);
      expect(got.size).toBe(30);
      for (const [id, f] of got) {
        const a = (f.geometry as { rings: Float64Array[] }).rings[0];
        const b = (native.get(id)!.geometry as { rings: Float64Array[] }).rings[0];
        expect(a.length).toBe(b.length);
        // MapServer writes 6 decimals in degrees: within 1e-6° (≈ 0.1 m)
        for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1.1e-6);
      }
    }
  });
});

describe('errors', () => {
  it('turns an ows:ExceptionReport into a readable error (HTTP 400 in 2.0.0, 200 in 1.1.0)', async () => {
    for (const version of ['2.0.0', '1.1.0'] as const) {
      const url = getFeatureUrl({ url: server.url, version, typeNames: ['ms:Nope'] });
      const err = await (async () => {
        const body = await wfsGet(fetch, url);
        return readFeatureResponse(decodeBody(body), { source: url });
      })().catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/^WFS error InvalidParameterValue \(typename\): .*TYPENAME 'Nope' doesn't exist/);
    }
  });

  it('reports a server that stops mid-session as an error event, keeping what it had', async () => {
    const local = await startMapServer(MAPFILE);
    const source = new WfsSource({ url: local.url, typeNames: [BTF], cellSize: 60 });
    const errors: string[] = [];
    source.events.on('error', (e) => errors.push(e.message));
    const [lon, lat] = toWgs84(25832)(ORIGIN[0] + 20, ORIGIN[1] + 15);
    const small = 0.0002;
    await source.setExtent([lon - small, lat - small, lon + small, lat + small]);
    expect(errors).toEqual([]);
    const first = source.features().map((f) => f.properties.gml_id);
    expect(first).toContain('BTF_01');
    expect(first.length).toBeLessThan(30);
    await local.stop();
    const [lon2, lat2] = toWgs84(25832)(ORIGIN[0] + 250, ORIGIN[1] + 180);
    await source.setExtent([lon2 - small, lat2 - small, lon2 + small, lat2 + small]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^WFS not reachable \(.*\): http:\/\/127\.0\.0\.1:\d+\/wfs\?/);
    // back to the first view: served from the cache, no new error
    const before = errors.length;
    await source.setExtent([lon - small, lat - small, lon + small, lat + small]);
    expect(source.features().map((f) => f.properties.gml_id)).toEqual(first);
    expect(errors.length).toBe(before);
    source.dispose();
  });
});

describe('source and plan overlay', () => {
  it('aborts the cells a moved view left and caches finished ones', async () => {
    const signals: AbortSignal[] = [];
    const recordingFetch = (url: string, init?: { signal?: AbortSignal }) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(url, init);
    };
    const source = new WfsSource({ url: server.url, typeNames: [BTF], cellSize: 60, fetch: recordingFetch });
    const [lon, lat] = toWgs84(25832)(ORIGIN[0] + 20, ORIGIN[1] + 15);
    const [lon2, lat2] = toWgs84(25832)(ORIGIN[0] + 280, ORIGIN[1] + 190);
    const d = 0.0002;
    const started = new Promise<void>((ok) => source.events.on('loading', (e) => e.pending > 0 && ok()));
    const first = source.setExtent([lon - d, lat - d, lon + d, lat + d]);
    // move before the first answer has arrived (a CGI request takes ~200 ms)
    await started;
    expect(source.pending()).toBeGreaterThan(0);
    const before = server.requests;
    await source.setExtent([lon2 - d, lat2 - d, lon2 + d, lat2 + d]);
    await first;
    const ids = source.features().map((f) => String(f.properties.gml_id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('BTF_01');
    expect(source.pending()).toBe(0);
    expect(signals.some((sig) => sig.aborted)).toBe(true);
    const afterSecond = server.requests;
    await source.setExtent([lon2 - d, lat2 - d, lon2 + d, lat2 + d]);
    expect(server.requests).toBe(afterSecond); // cached
    expect(afterSecond).toBeGreaterThan(before);
    source.dispose();
  });

  it('turns the three feature types into a plan overlay with extruded Baufenster', async () => {
    const source = new WfsSource({ url: server.url, typeNames: [BTF, 'BP_UeberbaubareGrundstuecksFlaeche', 'BP_BauGrenze'] });
    const [w, s] = toWgs84(25832)(ORIGIN[0] - 50, ORIGIN[1] - 50);
    const [e, n] = toWgs84(25832)(ORIGIN[0] + 400, ORIGIN[1] + 300);
    await source.setExtent([w, s, e, n]);
    const features = source.features();
    expect(features.length).toBe(90);
    const plan = await planOverlay(features, { id: 'wfs-plan' });
    expect(plan.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 30, BP_UeberbaubareGrundstuecksFlaeche: 30, BP_BauGrenze: 30, extruded: 30 });
    const volumes = plan.overlay.features.filter((f) => f.kind === 'extruded-polygon');
    const ugf = (id: string) => volumes.find((f) => f.properties['Kennung (gml:id)'] === id)!;
    // UGF_04: hMax = 4 + 3·Z = 16 m, Firsthöhe over ground; UGF_03: its own Z 3 × 3.5 m;
    // UGF_02 has neither Z nor a height: Z 2 of the area it lies in × 3.5 m
    expect(ugf('UGF_04')).toMatchObject({ baseHeight: null, topHeight: 16 });
    expect(ugf('UGF_03')).toMatchObject({ baseHeight: null, topHeight: 10.5 });
    const ugf02 = ugf('UGF_02');
    expect(ugf02).toMatchObject({ baseHeight: null, topHeight: 7 });
    expect(String(ugf02.properties['Höhe des Baufensters im 3D-Modell'])).toMatch(/2 Vollgeschosse der Baugebietsteilfläche × 3,5 m/);
    expect(plan.overlay.features.filter((f) => f.kind === 'ground-line' && f.style.dash).length).toBe(30);
    source.dispose();
  });
});
