// The TwinBy side of bench:viewer: the production build of the element on the demo tileset.
import '../../../src/index.js';
import type { TwinbyViewer } from '../../../src/index.js';
import { parseView } from '../../../src/core/index.js';
import type { BenchPage } from './bench-page.js';

const viewer = document.getElementById('viewer') as TwinbyViewer;
const view = new URLSearchParams(location.search).get('view');
if (view) viewer.setAttribute('view', view);
// ?basemap=1: the demo's synthetic WMTS under the town (its tiles draw too, so building frames are told by loaded tiles)
const withBasemap = new URLSearchParams(location.search).has('basemap');
if (withBasemap) {
  const basemap = document.createElement('twinby-basemap');
  basemap.setAttribute('type', 'wmts');
  basemap.setAttribute('url', '/tiles/basemap/WMTSCapabilities.xml');
  basemap.setAttribute('attribution', 'synthetic');
  viewer.appendChild(basemap);
}
// ?terrain=1: the demo's DGM under it (read in the terrain worker while the first tiles load)
if (new URLSearchParams(location.search).has('terrain')) {
  const terrain = document.createElement('twinby-terrain');
  terrain.setAttribute('src', '/tiles/terrain/isarbach-dgm.tif');
  viewer.appendChild(terrain);
}

const page: BenchPage = { firstBuildingFrame: null, allTilesLoaded: null, view: null, error: null, frame: async () => {}, tiles: 0, materials: 0 };
(window as unknown as { bench: BenchPage }).bench = page;

viewer.addEventListener('twinby-error', (e) => (page.error = e.detail.message));
viewer.whenEngine().then((engine) => {
  // engine="cesium" (twinby-cesium.html): its layers hold features per loaded content; the globe draws from the first frame
  const cesium = engine.name === 'cesium';
  const cesiumLayers = () => (engine as unknown as { layers: Map<string, { features: Map<unknown, unknown> }> }).layers;
  const layers = () => (engine as unknown as { layers: Map<string, { tiles: { forEachLoadedModel(cb: () => void): void } }> }).layers;
  const buildingTiles = () => {
    let n = 0;
    if (cesium) for (const layer of cesiumLayers().values()) n += layer.features.size;
    else for (const layer of layers().values()) layer.tiles.forEachLoadedModel(() => n++);
    return n;
  };
  // a frame that drew more than the ground plane drew a tile of buildings (with a base map: a frame drawn with one loaded)
  const off = engine.events.on('render', (s) => {
    if (withBasemap || cesium ? buildingTiles() > 0 : s.drawCalls > 1) {
      page.firstBuildingFrame = performance.now();
      off();
    }
  });
  engine.events.on('ready', () => {
    page.allTilesLoaded = performance.now();
    const v = engine.getView();
    page.view = [v.lon, v.lat, v.height, v.heading, v.pitch].join(',');
    if (cesium) {
      page.tiles = buildingTiles(); // contents with features; Cesium's materials are not counted
      return;
    }
    const all = (engine as unknown as { layers: Map<string, { tiles: { forEachLoadedModel(cb: (s: { traverse(f: (o: { material?: unknown }) => void): void }) => void): void } }> }).layers;
    for (const layer of all.values()) {
      layer.tiles.forEachLoadedModel((scene) => {
        page.tiles++;
        const materials = new Set<unknown>();
        scene.traverse((o) => o.material && materials.add(o.material));
        page.materials += materials.size;
      });
    }
  });
  page.frame = () =>
    new Promise((resolve) => {
      engine.events.once('render', () => resolve());
      engine.requestRender();
    });
});
if (view) parseView(view); // fail early on a bad view
