/**
 * CesiumJS for browser tests and benchmarks, with no request leaving the machine:
 * Ion token '', no base layer, sky box or atmosphere, an ellipsoid instead of terrain.
 * Cesium fetches Workers, ThirdParty (wasm) and Assets at run time from CESIUM_BASE_URL; the Vite dev
 * server that vitest's browser mode runs serves them straight from node_modules. The engine package
 * keeps its bundled workers in Build/Workers beside Source/, so the worker prefix points there.
 * Usage: `const widget = createOfflineWidget(container); const tileset = await Cesium3DTileset.fromUrl(url);`
 */
import { CesiumWidget, EllipsoidTerrainProvider, Ion, TaskProcessor, type Cesium3DTileset, type Scene } from '@cesium/engine';

export const CESIUM_BASE_URL = '/node_modules/@cesium/engine/Source/';
/** Resolved against CESIUM_BASE_URL. */
const WORKER_MODULE_PREFIX = '../Build/Workers/';

let configured = false;

/** Idempotent; call before creating any Cesium object (the widget helper does). */
export function configureCesiumOffline(): void {
  if (configured) return;
  configured = true;
  (globalThis as { CESIUM_BASE_URL?: string }).CESIUM_BASE_URL = CESIUM_BASE_URL;
  (TaskProcessor as unknown as { _workerModulePrefix: string })._workerModulePrefix = WORKER_MODULE_PREFIX;
  Ion.defaultAccessToken = '';
}

export function createOfflineWidget(container: HTMLElement, options: ConstructorParameters<typeof CesiumWidget>[1] = {}): CesiumWidget {
  configureCesiumOffline();
  return new CesiumWidget(container, {
    baseLayer: false,
    skyBox: false,
    skyAtmosphere: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    creditContainer: document.createElement('div'),
    ...options,
  });
}

/**
 * Renders until the tileset has loaded every tile it wants for the current view and `until()` holds
 * (e.g. a count of loaded tiles); fails on the first tile error, or after `timeoutMs`.
 */
export function waitForTileset(
  scene: Scene,
  tileset: Cesium3DTileset,
  { until = () => true, timeoutMs = 40_000 }: { until?: () => boolean; timeoutMs?: number } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const removers: (() => void)[] = [];
    const done = (err?: Error) => {
      clearTimeout(timer);
      for (const remove of removers) remove();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`tileset not loaded after ${timeoutMs} ms`)), timeoutMs);
    removers.push(tileset.tileFailed.addEventListener((e: { url: string; message: string }) => done(new Error(`tile failed: ${e.url}: ${e.message}`))));
    removers.push(
      scene.postRender.addEventListener(() => {
        if (tileset.tilesLoaded && until()) done();
      }),
    );
    scene.requestRender();
  });
}
