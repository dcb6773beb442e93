/**
 * <twinby-basemap> against real raster services on 127.0.0.1 (tests/integration/basemap/basemap-servers.ts):
 * MapProxy WMTS from its capabilities, in the EPSG:25832 tile matrix set and in GoogleMapsCompatible (3857),
 * and MapServer WMS GetMap. The synthetic raster is red west and blue east of easting 732667 (EPSG:25832);
 * the ground left and right of the town must show those pixels. A WMTS that stops gives twinby-error while
 * the viewer keeps rendering. Without mapserv/mapproxy these tests fail (npm test installs them), never skip.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/index.js';
import { defineBasemapElement, type TwinbyBasemap } from '../../src/element/basemap/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import type { ErrorDetail } from '../../src/core/index.js';
import { basemapViewer, groundShowsRaster, tileRequests } from './basemap-viewer.js';
import { offset, waitFor } from './helpers.js';

defineBasemapElement();

// the default buffer (250 entries) fills within one test, and later requests would go unseen
performance.setResourceTimingBufferSize(100_000);

const viewers: TwinbyViewer[] = [];
const servers: string[] = [];
afterEach(async () => {
  for (const el of viewers.splice(0)) el.remove();
  for (const url of servers.splice(0)) await commands.stopRasterServers(url);
  performance.clearResourceTimings();
});

async function serve(): Promise<{ wms: string; wmts: string }> {
  const s = await commands.startRasterServers();
  servers.push(s.wmts);
  return s;
}

async function expectGroundShowsRaster(viewer: TwinbyViewer): Promise<void> {
  for (const east of [-700, 700]) await groundShowsRaster(viewer, east);
}

function basemapEl(attrs: Record<string, string>): TwinbyBasemap {
  const el = document.createElement('twinby-basemap');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

describe('<twinby-basemap> on real services', () => {
  it('drapes a WMTS in EPSG:25832 from its capabilities, shows the attribution and its pixels', async () => {
    const { wmts } = await serve();
    const origin = new URL(wmts).origin;
    const bm = basemapEl({ type: 'wmts', url: wmts, layer: 'ground', 'matrix-set': 'utm32', label: 'Test', attribution: '© Test <b>raster</b>' });
    const viewer = await basemapViewer(bm, viewers);
    await waitFor(() => tileRequests(`${origin}/wmts/ground/utm32/`) > 0, 'WMTS tile requests in the 25832 set');
    await expectGroundShowsRaster(viewer);
    // the switcher names the map on show
    expect(bm.shadowRoot!.querySelector('select')!.value).toBe('basemap');
    const attribution = bm.shadowRoot!.querySelector('.attribution')!;
    // text from configuration is text, never markup
    expect(attribution.textContent).toBe('© Test <b>raster</b>');
    expect(attribution.querySelector('b')).toBeNull();
  });

  it('drapes the same WMTS in its GoogleMapsCompatible (EPSG:3857) set', async () => {
    const { wmts } = await serve();
    const origin = new URL(wmts).origin;
    const viewer = await basemapViewer(basemapEl({ type: 'wmts', url: wmts, layer: 'ground', 'matrix-set': 'GLOBAL_WEBMERCATOR', attribution: 'x' }), viewers);
    await waitFor(() => tileRequests(`${origin}/wmts/ground/GLOBAL_WEBMERCATOR/`) > 0, 'WMTS tile requests in the 3857 set');
    await expectGroundShowsRaster(viewer);
  });

  it('drapes a WMS (MapServer GetMap in EPSG:25832)', async () => {
    const { wms } = await serve();
    const extent = [731667 - 3000, 5380620 - 3000, 731667 + 5000, 5380620 + 5000].join(',');
    const viewer = await basemapViewer(basemapEl({ type: 'wms', url: wms, layer: 'ground', crs: 'EPSG:25832', extent, attribution: 'x' }), viewers);
    await waitFor(() => tileRequests(`${wms}?`) > 0, 'WMS GetMap requests');
    await expectGroundShowsRaster(viewer);
  });

  it('switches between layers and to none; a WMTS that stops gives twinby-error and the viewer keeps rendering', async () => {
    const { wms, wmts } = await serve();
    const bm = document.createElement('twinby-basemap');
    const extent = [731667 - 3000, 5380620 - 3000, 731667 + 5000, 5380620 + 5000] as [number, number, number, number];
    bm.layers = [
      { id: 'wmts', title: 'WMTS', attribution: 'WMTS attribution', source: { type: 'wmts', url: wmts, layer: 'ground' } },
      { id: 'wms', title: 'WMS', attribution: 'WMS attribution', source: { type: 'wms', url: wms, layers: 'ground', extent } },
    ];
    const viewer = await basemapViewer(bm, viewers);
    await expectGroundShowsRaster(viewer);
    const select = await waitFor(() => bm.shadowRoot!.querySelector('select'), 'the switcher');
    expect([...select.options].map((o) => o.textContent)).toEqual(['WMTS', 'WMS', 'Keine']);
    expect(bm.shadowRoot!.querySelector('.attribution')!.textContent).toBe('WMTS attribution');
    select.value = 'wms';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => bm.shadowRoot!.querySelector('.attribution')?.textContent === 'WMS attribution', 'the WMS attribution');
    await waitFor(() => tileRequests(`${wms}?`) > 0, 'WMS requests after switching');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => !bm.shadowRoot!.querySelector('.attribution'), 'no attribution without a map');

    // back to the WMTS, then the WMTS goes away and the camera moves to ground that needs new tiles
    const errors: ErrorDetail[] = [];
    viewer.addEventListener('twinby-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    bm.active = 'wmts';
    await expectGroundShowsRaster(viewer);
    await commands.stopWmts(wmts);
    const near = await offset(-300, 200);
    await viewer.flyTo({ lon: near.lon, lat: near.lat, height: 700, heading: 30, pitch: -60 }, { duration: 0 });
    const error = await waitFor(() => errors.find((e) => e.kind === 'basemap'), 'a basemap twinby-error', 30_000);
    expect(error.url).toContain('/wmts/ground/');
    const before = viewer.activeEngine!.getStats().frame;
    viewer.activeEngine!.requestRender();
    await waitFor(() => viewer.activeEngine!.getStats().frame > before, 'frames after the error');
  });
});
