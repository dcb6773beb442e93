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
import { defineBasemapElement } from '../../../src/element/basemap/index.js';
import type { TwinbyViewer } from '../../../src/index.js';
import type { ErrorDetail } from '../../../src/core/index.js';
import { RED } from '../basemap-raster.js';
import { basemapViewer, groundShowsRaster, tileRequests } from '../basemap-viewer.js';
import { allRequestsLocal, canvasOf, colourDistance, frames, loadTown, offset, pixelAt, waitFor } from '../helpers.js';

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
    const viewer = await basemapViewer(bm, viewers, 'cesium');
    expect(viewer.activeEngine!.capabilities.has('basemap')).toBe(true);
    await waitFor(() => tileRequests(`${origin}/wmts/ground/utm32/`) > 0, 'tile requests in the 25832 set');
    for (const east of [-700, 700]) await groundShowsRaster(viewer, east, 'utm32');

    bm.active = 'merc';
    await waitFor(() => tileRequests(`${origin}/wmts/ground/GLOBAL_WEBMERCATOR/`) > 0, 'tile requests in the 3857 set');
    // the old layer is gone: the 3857 map alone must give the same colours
    for (const east of [-700, 700]) await groundShowsRaster(viewer, east, 'GLOBAL_WEBMERCATOR');

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
    const viewer = await basemapViewer(Object.assign(document.createElement('twinby-basemap'), {
      layers: [{ id: 'utm', title: 'UTM', attribution: 'x', source: { type: 'wmts', url: wmts, layer: 'ground', matrixSet: 'utm32' } }],
    }), viewers, 'cesium');
    await groundShowsRaster(viewer, -700, 'utm32');
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
