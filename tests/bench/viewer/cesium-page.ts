// The CesiumJS side of bench:viewer: a minimal offline CesiumWidget (no ion, no base layer) on the same tileset and view.
import { Cartesian3, Cesium3DTileset, Math as CesiumMath } from '@cesium/engine';
import '@cesium/engine/Source/Widget/CesiumWidget.css';
import { createOfflineWidget } from '../../helpers/cesium-offline.js';
import type { BenchPage } from './bench-page.js';

const page: BenchPage = { firstBuildingFrame: null, allTilesLoaded: null, view: null, error: null, frame: async () => {}, tiles: 0, materials: 0 };
(window as unknown as { bench: BenchPage }).bench = page;

const widget = createOfflineWidget(document.getElementById('map')!);
const view = (new URLSearchParams(location.search).get('view') ?? '').split(',').map(Number);
if (view.length === 5 && view.every(Number.isFinite)) {
  widget.camera.setView({
    destination: Cartesian3.fromDegrees(view[0], view[1], view[2]),
    orientation: { heading: CesiumMath.toRadians(view[3]), pitch: CesiumMath.toRadians(view[4]), roll: 0 },
  });
}
page.view = view.join(',');
page.frame = () => new Promise((resolve) => {
  const off = widget.scene.postRender.addEventListener(() => {
    off();
    resolve();
  });
  widget.scene.requestRender();
});

Cesium3DTileset.fromUrl('/tiles/tileset.json', { maximumScreenSpaceError: 16 })
  .then((tileset) => {
    widget.scene.primitives.add(tileset);
    tileset.tileFailed.addEventListener((e: { message: string }) => (page.error = e.message));
    tileset.tileLoad.addEventListener(() => page.tiles++);
    // tileVisible fires while a frame is prepared for each tile with content it will draw
    let visible = false;
    tileset.tileVisible.addEventListener(() => (visible = true));
    widget.scene.postRender.addEventListener(() => {
      if (page.firstBuildingFrame === null && visible) page.firstBuildingFrame = performance.now();
      if (page.allTilesLoaded === null && page.firstBuildingFrame !== null && tileset.tilesLoaded) page.allTilesLoaded = performance.now();
    });
  })
  .catch((error: Error) => (page.error = error.message));
