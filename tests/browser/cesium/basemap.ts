/**
 * Base maps on the Cesium engine from the same <twinby-basemap> sources as on three, against MapProxy on 127.0.0.1
 * (tests/integration/basemap/basemap-servers.ts): the EPSG:25832 set (warped per tile into Cesium's geographic scheme)
 * and the GoogleMapsCompatible set (Cesium's own Web Mercator scheme). The raster is red west and blue east of easting
 * 732667; the ground beside the town must show it, no request may leave 127.0.0.1, and a WMTS that stops gives
 * twinby-error while the viewer keeps rendering.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../../src/index.js';
import { engineLoaders } from '../../../src/element/engine-loaders.js';
import { defineBasemapElement, type TwinbyBasemap } from '../../../src/element/basemap/index.js';
import type { TwinbyViewer } from '../../../src/index.js';
import { formatView, type ErrorDetail } from '../../../src/core/index.js';
import { RED, rasterColour } from '../basemap-raster.js';
import { canvasOf, colourDistance, frames, loadTown, offset, pixelAt, townUrl, waitFor, type Rgba } from '../helpers.js';

defineBasemapElement();

performance.setResourceTimingBufferSize(100_000);

const viewers: TwinbyViewer[] = [];
const servers: string[] = [];

beforeAll(() => engineLoaders.cesium(), 180_000);

afterEach(async () => {
  for (const el of viewers.splice(0)) el.remove();
  for (const url of servers.splice(0)) await commands.stopRasterServers(url);
  performance.clearResourceTimings();
});

async function mounted(basemap: TwinbyBasemap): Promise<TwinbyViewer> {
  const centre = await offset(0, 0);
  const el = document.createElement('twinby-viewer');
  el.setAttribute('engine', 'cesium');
  el.setAttribute('view', formatView({ lon: centre.lon, lat: centre.lat, height: 3000, heading: 0, pitch: -89.9 }));
  el.setAttribute('src', townUrl);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  el.appendChild(basemap);
  viewers.push(el);
  const ready = new Promise((resolve) => el.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.appendChild(el);
  await ready;
  expect(el.activeEngine!.name).toBe('cesium');
  return el;
}

function tileRequests(prefix: string): number {
  return performance.getEntriesByType('resource').filter((e) => e.name.startsWith(prefix) && !e.name.includes('Capabilities')).length;
}

/** The colour the ground shows `east` metres east of the town origin, at the ground's height, once it matches. */
async function groundShows(viewer: TwinbyViewer, east: number, want: (east: number) => Promise<Rgba>, what: string): Promise<void> {
  const { origin } = await loadTown();
  const canvas = canvasOf(viewer);
  const p = await offset(east, 0);
  const colour = await want(east);
  await waitFor(async () => {
    viewer.activeEngine!.requestRender();
    await frames(2);
    const at = viewer.activeEngine!.projectToScreen(p.lon, p.lat, origin.height)!;
    return colourDistance(pixelAt(canvas, at.x, at.y), colour) < 40;
  }, `${what}: the ground ${east} m east of the town shows ${colour.join(',')}`, 60_000);
}


function allRequestsLocal(): void {
  const hosts = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).hostname));
  for (const host of hosts) expect(['127.0.0.1', 'localhost']).toContain(host);
}

describe('<twinby-basemap> on the Cesium engine', () => {
  it('drapes the EPSG:25832 WMTS (warped) and the 3857 set (native), switches to none; all requests stay on 127.0.0.1', async () => {
    const { wmts } = await commands.startRasterServers();
    servers.push(wmts);
    const origin = new URL(wmts).origin;
    const bm = document.createElement('twinby-basemap');
    bm.layers = [
      { id: 'utm', title: 'UTM', attribution: 'x', source: { type: 'wmts', url: wmts, layer: 'ground', matrixSet: 'utm32' } },
      { id: 'merc', title: 'Mercator', attribution: 'x', source: { type: 'wmts', url: wmts, layer: 'ground', matrixSet: 'GLOBAL_WEBMERCATOR' } },
    ];
    const viewer = await mounted(bm);
    expect(viewer.activeEngine!.capabilities.has('basemap')).toBe(true);
    await waitFor(() => tileRequests(`${origin}/wmts/ground/utm32/`) > 0, 'tile requests in the 25832 set');
    for (const east of [-700, 700]) await groundShows(viewer, east, rasterColour, 'utm32');

    bm.active = 'merc';
    await waitFor(() => tileRequests(`${origin}/wmts/ground/GLOBAL_WEBMERCATOR/`) > 0, 'tile requests in the 3857 set');
    // the old layer is gone: the 3857 map alone must give the same colours
    for (const east of [-700, 700]) await groundShows(viewer, east, rasterColour, 'GLOBAL_WEBMERCATOR');

    bm.active = '';
    // without a map the ground is neither the red nor the blue of the raster
    await waitFor(async () => {
      viewer.activeEngine!.requestRender();
      await frames(2);
      const { origin: o } = await loadTown();
      const p = await offset(-700, 0);
      const at = viewer.activeEngine!.projectToScreen(p.lon, p.lat, o.height)!;
      return colourDistance(pixelAt(canvasOf(viewer), at.x, at.y), RED) > 80;
    }, 'the bare ground after removing the map', 60_000);
    allRequestsLocal();
  });

  it('a WMTS that stops gives twinby-error (kind basemap) and the viewer keeps rendering', async () => {
    const { wmts } = await commands.startRasterServers();
    servers.push(wmts);
    const viewer = await mounted(Object.assign(document.createElement('twinby-basemap'), {
      layers: [{ id: 'utm', title: 'UTM', attribution: 'x', source: { type: 'wmts', url: wmts, layer: 'ground', matrixSet: 'utm32' } }],
    }));
    await groundShows(viewer, -700, rasterColour, 'utm32');
    const errors: ErrorDetail[] = [];
    viewer.addEventListener('twinby-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    await commands.stopWmts(wmts);
    const near = await offset(-300, 200);
    await viewer.flyTo({ lon: near.lon, lat: near.lat, height: 600, heading: 30, pitch: -60 }, { duration: 0 });
    const error = await waitFor(() => errors.find((e) => e.kind === 'basemap'), 'a basemap twinby-error', 60_000);
    expect(error.url).toContain('/wmts/ground/');
    const before = viewer.activeEngine!.getStats().frame;
    viewer.activeEngine!.requestRender();
    await waitFor(() => viewer.activeEngine!.getStats().frame > before, 'frames after the error');
    allRequestsLocal();
  });
});
