import {
  Cartesian2,
  Cartesian3,
  Cartographic,
  Cesium3DTileFeature,
  type CesiumWidget,
  Color,
  GroundPrimitive,
  Math as CesiumMath,
  SceneTransforms,
  type BoundingSphere,
  type Scene,
} from '@cesium/engine';
import { assertOverlayData, Emitter, EngineState, featureAppearance, toFeatureStyle, type EngineEventMap, type ErrorDetail, type FeatureAttributes, type FeatureStyle, type OverlayData, type StyleRule, type ViewState } from '../../core/index.js';
import type { BasemapTiles, TerrainModel, StreamedTerrain, Engine, EngineCapability, EngineOptions, FlyToOptions, GeoPosition, PickResult, RenderStats, ScreenPoint, SplitView, SunOptions, TilesetOptions } from '../engine.js';
import { CameraMotion, cameraNumbers, flyCamera, homeViewOf, northAround, outOfView, setCameraView, viewOf } from './camera-view.js';
import { CesiumBasemaps } from './basemap-set.js';
import { configureCesium, createWidget } from './cesium-setup.js';
import { GroundState } from './ground-state.js';
import { CesiumOverlayLayer, isOverlayHitId } from './overlay-layer.js';
import { CesiumSun } from './sun-light.js';
import { DrawCounter, RenderLoop } from './render-loop.js';
import { applySplit } from './split-swipe.js';
import { CesiumTilesetLayer } from './tileset-layer.js';

const defaults = { errorTarget: 16, cacheBytes: 256 * 1024 * 1024, background: '#cfe2f0' };
const inputEvents = ['pointerdown', 'pointerup', 'pointermove', 'wheel', 'keydown'] as const;

/** The CesiumJS engine (@cesium/engine only, no widgets): loaded by dynamic import when a page asks for engine="cesium". */
export class CesiumEngine implements Engine {
  readonly name = 'cesium' as const;
  /** Split views only as a swipe of whole tilesets (no per-side hidden buildings). */
  readonly capabilities: ReadonlySet<EngineCapability> = new Set<EngineCapability>(['sun', 'overlays', 'split-swipe', 'basemap', 'terrain']);
  readonly events = new Emitter<EngineEventMap>();
  private readonly state = new EngineState(this.events);
  private widget!: CesiumWidget;
  private scene!: Scene;
  private loop!: RenderLoop;
  private ground!: GroundState;
  private sun!: CesiumSun;
  private basemaps!: CesiumBasemaps;
  private options!: Required<Omit<EngineOptions, 'view' | 'reducedMotion'>> & Pick<EngineOptions, 'reducedMotion'>;
  private readonly layers = new Map<string, CesiumTilesetLayer>();
  private readonly overlays = new Map<string, CesiumOverlayLayer>();
  private viewPlaced = false;
  private readonly motion = new CameraMotion();
  private disposed = false;
  private readonly onInput = (e: Event) => {
    if (e.type !== 'pointermove' || (e as PointerEvent).buttons) this.requestRender();
  };
  private readonly onContextLost = (e: Event) => {
    e.preventDefault();
    if (!this.disposed) this.emitError({ kind: 'webgl', message: 'The WebGL context was lost.' });
  };

  async mount(container: HTMLElement, options: EngineOptions = {}): Promise<void> {
    this.options = {
      errorTarget: options.errorTarget ?? defaults.errorTarget,
      cacheBytes: options.cacheBytes ?? defaults.cacheBytes,
      background: options.background ?? defaults.background,
      preserveDrawingBuffer: options.preserveDrawingBuffer ?? false,
      reducedMotion: options.reducedMotion,
    };
    configureCesium();
    // draped overlays need Cesium's table of approximate terrain heights (Assets/, from our own folder)
    await GroundPrimitive.initializeTerrainHeights();
    const host = document.createElement('div');
    host.style.cssText = 'position:relative;width:100%;height:100%;overflow:hidden;';
    container.appendChild(host);
    try {
      this.widget = createWidget(host, this.options.preserveDrawingBuffer);
    } catch (error) {
      host.remove();
      throw new Error(`WebGL 2 is not available in this browser (${(error as Error).message})`);
    }
    const scene = (this.scene = this.widget.scene);
    const canvas = this.widget.canvas;
    canvas.setAttribute('part', 'canvas');
    canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;';
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    for (const type of inputEvents) canvas.addEventListener(type, this.onInput);
    scene.backgroundColor = Color.fromCssColorString(this.options.background);
    scene.fog.enabled = false;
    scene.globe.baseColor = Color.fromCssColorString('#c9d1bd');
    scene.globe.showGroundAtmosphere = false;
    scene.globe.depthTestAgainstTerrain = true;
    // the ground is flat (or coarse): Cesium's default of 2 px drew ~200 globe tiles a frame
    scene.globe.maximumScreenSpaceError = 16;
    scene.renderError.addEventListener((_s: Scene, error: unknown) => this.emitError({ kind: 'webgl', message: `render failed: ${String((error as Error)?.message ?? error)}` }));
    this.ground = new GroundState(scene, (d) => this.emitError(d), () => this.requestRender());
    this.sun = new CesiumSun(scene);
    this.basemaps = new CesiumBasemaps(scene.imageryLayers, (d) => this.emitError(d), () => this.requestRender());
    // the widget's inner element has no size without Cesium's widget CSS
    if (canvas.parentElement && canvas.parentElement !== host) canvas.parentElement.style.cssText = 'position:relative;width:100%;height:100%;';
    const gl = (scene as unknown as { context: { _gl: WebGL2RenderingContext } }).context._gl;
    this.loop = new RenderLoop(scene, new DrawCounter(gl), () => this.busy(), (stats, ms) => this.afterFrame(stats, ms));
    if (options.view) {
      setCameraView(scene.camera, options.view);
      this.viewPlaced = true;
    }
    this.resize(container.clientWidth || 300, container.clientHeight || 150, globalThis.devicePixelRatio || 1);
  }

  resize(width: number, height: number, pixelRatio: number): void {
    if (!this.widget || this.disposed || width <= 0 || height <= 0) return;
    this.widget.resolutionScale = pixelRatio / (globalThis.devicePixelRatio || 1);
    this.widget.resize();
    this.requestRender();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loop?.stop();
    for (const id of [...this.layers.keys()]) this.removeTileset(id);
    for (const overlay of this.overlays.values()) overlay.dispose();
    this.basemaps?.dispose();
    this.layers.clear();
    this.overlays.clear();
    if (this.widget) {
      const canvas = this.widget.canvas;
      for (const type of inputEvents) canvas.removeEventListener(type, this.onInput);
      const gl = (this.scene as unknown as { context: { _gl: WebGL2RenderingContext } }).context._gl;
      const host = this.widget.container;
      this.widget.destroy();
      canvas.removeEventListener('webglcontextlost', this.onContextLost);
      // Cesium frees its resources but keeps the context; lose it so the GPU memory goes now
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.remove();
      host.remove();
    }
    this.events.clear();
  }

  addTileset(id: string, url: string, options: TilesetOptions = {}): Promise<void> {
    if (this.layers.has(id)) this.removeTileset(id);
    const layer = new CesiumTilesetLayer(id, url, toFeatureStyle(options.style), {
      appearance: (fid, attrs, own) => featureAppearance(this.state, fid, attrs, own),
      error: (detail) => this.emitError(detail),
      requestRender: () => this.requestRender(),
      outOfView: (sphere) => outOfView(this.scene.camera, sphere),
      styled: () => this.events.emit('style-applied', {}),
      loaded: (layerId) => {
        const layer = this.layers.get(layerId);
        if (layer?.tileset) this.ground.tilesLoaded(layer.tileset, layer.features.keys());
        this.events.emit('tiles-loaded', { layerId });
      },
    });
    this.layers.set(id, layer);
    this.requestRender();
    return layer.load(this.options).then((tileset) => {
      if (this.disposed || this.layers.get(id) !== layer) return;
      tileset.show = layer.visible;
      this.scene.primitives.add(tileset);
      this.ground.tilesetAdded(tileset);
      this.sun.prepare(tileset);
      const c = Cartographic.fromCartesian(tileset.boundingSphere.center);
      if (c) this.sun.setOrigin(CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude), this.ground.height ?? c.height);
      this.requestRender();
      this.events.emit('tileset-loaded', { layerId: id, url });
    });
  }

  removeTileset(id: string): void {
    const layer = this.layers.get(id);
    if (!layer) return;
    if (layer.tileset) this.scene.primitives.remove(layer.tileset); // destroys it
    layer.tileset = null;
    layer.dispose();
    this.layers.delete(id);
    this.requestRender();
  }

  setTilesetVisible(id: string, visible: boolean): void {
    const layer = this.layers.get(id);
    // kept for a tileset still loading (the scenario hides its variants' tilesets as it adds them)
    if (layer) layer.visible = visible;
    if (layer?.tileset) layer.tileset.show = visible;
    this.requestRender();
  }

  async flyTo(view: ViewState, options: FlyToOptions = {}): Promise<void> {
    this.viewPlaced = true;
    const done = flyCamera(this.scene.camera, view, this.reducedMotion() ? 0 : (options.duration ?? 1.5));
    this.requestRender();
    await done;
    this.requestRender();
  }

  getView(): ViewState {
    return viewOf(this.scene.camera);
  }

  getHomeView(): ViewState | null {
    const spheres: BoundingSphere[] = [];
    for (const layer of this.layers.values()) if (layer.tileset) spheres.push(layer.tileset.boundingSphere);
    return homeViewOf(spheres, (this.scene.camera.frustum as { fovy?: number }).fovy ?? Math.PI / 4);
  }

  async rotateToNorth(options: FlyToOptions = {}): Promise<void> {
    const canvas = this.widget.canvas;
    const centre = this.scene.pickPosition(new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2)) ?? this.scene.camera.pickEllipsoid(new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2));
    if (!centre) return this.flyTo({ ...this.getView(), heading: 0 }, options);
    const done = northAround(this.scene.camera, centre, this.reducedMotion() ? 0 : (options.duration ?? 0.8));
    this.requestRender();
    await done;
    this.requestRender();
  }

  async pick(clientX: number, clientY: number): Promise<PickResult | null> {
    const at = this.windowPosition(clientX, clientY);
    const first = this.scene.pick(at);
    // a hidden building draws nothing and is not in the pick pass; drill only if something odd came back
    const candidates = first && this.isHidden(first) ? this.scene.drillPick(at, 8) : first ? [first] : [];
    for (const picked of candidates) {
      if (picked instanceof Cesium3DTileFeature) {
        for (const layer of this.layers.values()) {
          if (layer.tileset !== picked.tileset) continue;
          const hit = layer.hit(picked);
          if (!hit) continue;
          const id = hit.features.ids[hit.row];
          if (this.state.hidden.has(id)) break;
          const position = this.positionAt(at) ?? this.fallbackPosition();
          const metadata = await layer.metadata.sections(picked);
          return { kind: 'building', layerId: layer.id, id, attributes: hit.features.attributes(hit.row), position, ...(metadata.length ? { metadata } : {}) };
        }
      } else if (isOverlayHitId(picked?.id)) {
        const { overlayId, feature } = picked.id;
        return { kind: 'overlay', layerId: overlayId, id: feature.id, attributes: { ...feature.properties }, position: this.positionAt(at) ?? this.fallbackPosition() };
      }
    }
    return null;
  }

  async pickPosition(clientX: number, clientY: number): Promise<GeoPosition | null> {
    return this.positionAt(this.windowPosition(clientX, clientY));
  }

  projectToScreen(lon: number, lat: number, height: number): ScreenPoint | null {
    const p = Cartesian3.fromDegrees(lon, lat, height);
    const camera = this.scene.camera;
    const toPoint = Cartesian3.subtract(p, camera.positionWC, new Cartesian3());
    if (Cartesian3.dot(toPoint, camera.directionWC) <= 0) return null; // behind the camera
    const w = SceneTransforms.worldToWindowCoordinates(this.scene, p);
    if (!w) return null;
    const rect = this.widget.canvas.getBoundingClientRect();
    return { x: rect.left + w.x, y: rect.top + w.y };
  }

  setStyle(rule: StyleRule | FeatureStyle | null): FeatureStyle | null {
    const style = this.state.setStyle(rule);
    this.restyle();
    this.events.emit('style-applied', {});
    return style;
  }

  setHidden(ids: Iterable<string>): void {
    this.state.setHidden(ids);
    this.restyle();
  }

  setSelected(id: string | null): void {
    this.state.setSelected(id);
    this.restyle();
  }

  getFeatureAttributes(id: string): FeatureAttributes | null {
    for (const layer of this.layers.values()) {
      for (const features of layer.features.values()) {
        const rows = features.rowsById.get(id);
        if (rows) return features.attributes(rows[0]);
      }
    }
    return null;
  }

  addOverlay(data: OverlayData): void {
    assertOverlayData(data);
    this.removeOverlay(data.id);
    this.overlays.set(data.id, new CesiumOverlayLayer(data, this.scene.primitives, this.ground));
    this.requestRender();
  }

  removeOverlay(id: string): void {
    const overlay = this.overlays.get(id);
    if (!overlay) return;
    overlay.dispose();
    this.overlays.delete(id);
    this.requestRender();
  }

  setSun(options: SunOptions): { azimuth: number; elevation: number } {
    const result = this.sun.set(options);
    this.requestRender();
    return result;
  }

  setSplit(view: SplitView | null): void {
    applySplit(this.scene, this.layers, view);
    this.requestRender();
  }

  async addBasemap(tiles: BasemapTiles): Promise<void> {
    this.basemaps.add(tiles);
  }

  removeBasemap(id: string): void {
    this.basemaps.remove(id);
  }

  async addTerrain(terrain: TerrainModel): Promise<void> {
    this.ground.addTerrain(terrain);
    this.requestRender();
  }

  readonly addStreamedTerrain = (terrain: StreamedTerrain): Promise<void> => this.ground.addStreamed(terrain);

  removeTerrain(id: string): void {
    this.ground.removeTerrain(id);
    this.requestRender();
  }

  getViews(): ViewState[] {
    return [this.getView()];
  }

  requestRender(): void {
    if (this.disposed || !this.loop) return;
    this.loop.request();
  }

  getStats(): RenderStats {
    return { ...this.loop.stats };
  }

  private restyle(): void {
    for (const layer of this.layers.values()) layer.restyle();
    this.requestRender();
  }

  private isHidden(picked: unknown): boolean {
    if (!(picked instanceof Cesium3DTileFeature)) return false;
    for (const layer of this.layers.values()) {
      const hit = layer.hit(picked);
      if (hit) return this.state.hidden.has(hit.features.ids[hit.row]);
    }
    return false;
  }

  private windowPosition(clientX: number, clientY: number): Cartesian2 {
    const rect = this.widget.canvas.getBoundingClientRect();
    return new Cartesian2(clientX - rect.left, clientY - rect.top);
  }

  private positionAt(at: Cartesian2): GeoPosition | null {
    if (!this.scene.pickPositionSupported) return null;
    const p = this.scene.pickPosition(at);
    const c = p && Cartographic.fromCartesian(p);
    return c ? { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height } : null;
  }

  private fallbackPosition(): GeoPosition {
    const v = this.getView();
    return { lon: v.lon, lat: v.lat, height: this.ground.height ?? 0 };
  }

  private reducedMotion(): boolean {
    if (this.options.reducedMotion !== undefined) return this.options.reducedMotion;
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  }

  private emitError(detail: ErrorDetail): void {
    this.events.emit('error', detail);
  }

  private busy(): boolean {
    if (this.disposed) return false;
    if (this.motion.changed(this.scene.camera) || !this.scene.globe.tilesLoaded || (this.scene.camera as unknown as { _currentFlight?: unknown })._currentFlight) return true;
    for (const layer of this.layers.values()) if (layer.loadState.loading) return true;
    return false;
  }

  private afterFrame(stats: RenderStats, ms: number): void {
    const camera = this.scene.camera;
    const now = cameraNumbers(camera);
    if (!this.viewPlaced) {
      const home = this.getHomeView();
      if (home) {
        setCameraView(camera, home);
        this.viewPlaced = true;
        this.requestRender();
      }
    }
    this.events.emit('render', { ...stats, ms });
    const layers = [...this.layers.values()].map((l) => l.loadState);
    // the ground (flat terrain at the buildings' floor) counts as a layer: ready means it stands where it will stay
    const ground = { loading: !this.scene.globe.tilesLoaded, settled: this.ground.settled(this.layers.size), progress: this.scene.globe.tilesLoaded ? 1 : 0 };
    this.state.afterFrame({ camera: now, viewPlaced: this.viewPlaced, view: () => this.getView(), layers, others: [ground] });
  }
}
