import { buildModuleUrl, CesiumWidget, Color, EllipsoidTerrainProvider, Ion, TaskProcessor, type Scene } from '@cesium/engine';

/**
 * Where Cesium's workers and assets sit: the folder `cesium-static/` beside this chunk (the library build's
 * own folder, copied there by tools/package/cesium-assets-plugin.ts, which also serves it in dev), resolved
 * from import.meta.url so a page under any sub-path finds it. Never a CDN.
 */
const folder = 'cesium-static/';
// a variable, not a literal: Vite rewrites new URL('literal', import.meta.url) as an asset import
export const cesiumStaticUrl = new URL(folder, import.meta.url).href;

let configured = false;

/** Offline and self-contained: no ion token (so no ion or Bing request), workers and assets from our folder. */
export function configureCesium(): void {
  if (configured) return;
  configured = true;
  Ion.defaultAccessToken = '';
  (buildModuleUrl as unknown as { setBaseUrl(url: string): void }).setBaseUrl(cesiumStaticUrl);
  (TaskProcessor as unknown as { _workerModulePrefix: string })._workerModulePrefix = 'Workers/';
}

/** The bare widget: our render loop, no ion base layer, sky or credits; the ground terrain comes later. */
export function createWidget(host: HTMLElement, preserveDrawingBuffer: boolean): CesiumWidget {
  return new CesiumWidget(host, {
    useDefaultRenderLoop: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    baseLayer: false,
    skyBox: false,
    skyAtmosphere: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    creditContainer: document.createElement('div'),
    useBrowserRecommendedResolution: false,
    showRenderLoopErrors: false,
    contextOptions: { requestWebgl1: false, webgl: { preserveDrawingBuffer: preserveDrawingBuffer, alpha: false } },
  });
}

/** Our look of the scene: a background, a plain globe that hides what lies under it, no fog or atmosphere. */
export function configureScene(scene: Scene, background: string, onError: (message: string) => void): void {
  scene.backgroundColor = Color.fromCssColorString(background);
  scene.fog.enabled = false;
  scene.globe.baseColor = Color.fromCssColorString('#c9d1bd');
  scene.globe.showGroundAtmosphere = false;
  scene.globe.depthTestAgainstTerrain = true;
  // the ground is flat (or coarse): Cesium's default of 2 px drew ~200 globe tiles a frame
  scene.globe.maximumScreenSpaceError = 16;
  scene.renderError.addEventListener((_s: Scene, error: unknown) => onError(`render failed: ${String((error as Error)?.message ?? error)}`));
}

export function glOf(scene: Scene): WebGL2RenderingContext {
  return (scene as unknown as { context: { _gl: WebGL2RenderingContext } }).context._gl;
}

/** Destroys the widget and loses its context (Cesium frees its resources but keeps the context), so GPU memory goes now. */
export function destroyWidget(widget: CesiumWidget): void {
  const canvas = widget.canvas;
  const gl = glOf(widget.scene);
  const host = widget.container;
  widget.destroy();
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  canvas.remove();
  host.remove();
}
