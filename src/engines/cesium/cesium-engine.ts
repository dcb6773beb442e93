import { Cartesian2, Cartesian3, Cartographic, type CesiumWidget, GroundPrimitive, Math as CesiumMath, SceneTransforms, type BoundingSphere, type Scene } from '@cesium/engine';
import { assertOverlayData, Emitter, EngineState, featureAppearance, toFeatureStyle, type EngineEventMap, type ErrorDetail, type FeatureAttributes, type FeatureStyle, type OverlayData, type StyleRule, type ViewState } from '../../core/index.js';
import type { BasemapTiles, TerrainModel, StreamedTerrain, Engine, EngineCapability, EngineOptions, FlyToOptions, GeoPosition, PickResult, RenderStats, ScreenPoint, SplitView, SunOptions, TilesetOptions } from '../engine.js';
import { CameraMotion, cameraNumbers, flyCamera, homeViewOf, northAround, outOfView, setCameraView, viewOf } from './camera-view.js';
import { CesiumBasemaps } from './basemap-set.js';
import { configureCesium, configureScene, createWidget, destroyWidget, glOf } from './cesium-setup.js';
import { GroundState } from './ground-state.js';
import { CesiumOverlayLayer } from './overlay-layer.js';
import { CesiumPicker } from './picking.js';
import { CesiumSun } from './sun-light.js';
import { DrawCounter, RenderLoop } from './render-loop.js';
import { CesiumSplit } from './split-view.js';
import { CesiumTilesetLayer } from './tileset-layer.js';

const defaults = { errorTarget: 16, cacheBytes: 256 * 1024 * 1024, background: '#cfe2f0' };
const inputEvents = ['pointerdown', 'pointerup', 'pointermove', 'wheel', 'keydown'] as const;

/** The CesiumJS engine (@cesium/engine only, no widgets): loaded by dynamic import when a page asks for engine="cesium". */
export class CesiumEngine implements Engine {
  readonly name = 'cesium' as const;
  readonly capabilities: ReadonlySet<EngineCapability> = new Set<EngineCapability>(['sun', 'overlays', 'split', 'split-swipe', 'basemap', 'terrain']);
  readonly events = new Emitter<EngineEventMap>();
  private readonly state = new EngineState(this.events);
  private widget!: CesiumWidget;
  private scene!: Scene;
  private loop!: RenderLoop;
  private ground!: GroundState;
  private sun!: CesiumSun;
  private basemaps!: CesiumBasemaps;
  private picker!: CesiumPicker;
  private split!: CesiumSplit;
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
    configureScene(scene, this.options.background, (message) => this.emitError({ kind: 'webgl', message }));
    this.ground = new GroundState(scene, (d) => this.emitError(d), () => this.requestRender());
    this.sun = new CesiumSun(scene);
    this.basemaps = new CesiumBasemaps(scene.imageryLayers, (d) => this.emitError(d), () => this.requestRender());
    // the widget's inner element has no size without Cesium's widget CSS
    if (canvas.parentElement && canvas.parentElement !== host) canvas.parentElement.style.cssText = 'position:relative;width:100%;height:100%;';
    this.split = new CesiumSplit({
      scene, canvas, layers: this.layers, hidden: () => this.state.hidden, requestRender: () => this.requestRender(),
      twin: (layer, ready) => this.twinOf(layer, ready),
      dropTwin: (twin) => this.dropLayer(twin),
      sidesDiffer: (differ) => this.sun.withoutCastShadows(differ),
    });
    this.picker = new CesiumPicker({
      scene, canvas, layers: () => this.split.drawn(), hiddenOf: (layer) => this.split.hiddenOf(layer),
      atSide: (at, run) => this.split.atSide(at, run), fallback: () => this.fallbackPosition(),
    });
    this.loop = new RenderLoop(scene, new DrawCounter(glOf(scene)), () => this.busy(), (stats, ms) => this.afterFrame(stats, ms));
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
    this.split?.dispose();
    for (const id of [...this.layers.keys()]) this.removeTileset(id);
    for (const overlay of this.overlays.values()) overlay.dispose();
    this.basemaps?.dispose();
    this.layers.clear();
    this.overlays.clear();
    if (this.widget) {
      const canvas = this.widget.canvas;
      for (const type of inputEvents) canvas.removeEventListener(type, this.onInput);
      canvas.removeEventListener('webglcontextlost', this.onContextLost);
      destroyWidget(this.widget);
    }
    this.events.clear();
  }

  addTileset(id: string, url: string, options: TilesetOptions = {}): Promise<void> {
    if (this.layers.has(id)) this.removeTileset(id);
    const layer = this.makeLayer(id, url, toFeatureStyle(options.style), false);
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
      this.split.sync();
      this.events.emit('tileset-loaded', { layerId: id, url });
    });
  }

  removeTileset(id: string): void {
    const layer = this.layers.get(id);
    if (!layer) return;
    if (layer.tileset && !this.disposed) this.ground.tilesetRemoved(layer.tileset);
    this.dropLayer(layer);
    this.layers.delete(id);
    this.split?.sync();
  }

  setTilesetVisible(id: string, visible: boolean): void {
    const layer = this.layers.get(id);
    // kept for a tileset still loading (the scenario hides its variants' tilesets as it adds them)
    if (layer) layer.visible = visible;
    if (layer?.tileset) layer.tileset.show = visible;
    this.split.sync();
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

  pick(clientX: number, clientY: number): Promise<PickResult | null> {
    return this.picker.pick(clientX, clientY);
  }

  async pickPosition(clientX: number, clientY: number): Promise<GeoPosition | null> {
    return this.picker.position(clientX, clientY);
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
    this.split.sync();
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
    this.split.set(view);
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
    return this.split.view?.mode === 'side-by-side' ? [this.getView(), this.getView()] : [this.getView()];
  }

  requestRender(): void {
    if (this.disposed || !this.loop) return;
    this.loop.request();
  }

  getStats(): RenderStats {
    return { ...this.loop.stats };
  }

  private restyle(): void {
    for (const layer of this.split.drawn()) layer.restyle();
    this.requestRender();
  }

  /** A tileset layer whose features take the hidden set of where it draws (a split view's side). */
  private makeLayer(id: string, url: string, own: FeatureStyle | null, twin: boolean): CesiumTilesetLayer {
    const layer: CesiumTilesetLayer = new CesiumTilesetLayer(id, url, own, {
      appearance: (fid, attrs, style) => featureAppearance(this.state, fid, attrs, style, this.split.hiddenOf(layer)),
      // a twin loads the same files as its first instance, which reports their errors
      error: (detail) => (twin ? undefined : this.emitError(detail)),
      requestRender: () => this.requestRender(),
      outOfView: (sphere) => outOfView(this.scene.camera, sphere),
      styled: () => this.events.emit('style-applied', {}),
      loaded: (layerId) => {
        if (twin) return;
        if (layer.tileset) this.ground.tilesLoaded(layer.tileset, layer.features.keys());
        this.events.emit('tiles-loaded', { layerId });
      },
    });
    return layer;
  }

  /** A second instance of a tileset for a split view's right side. */
  private twinOf(first: CesiumTilesetLayer, ready: () => void): CesiumTilesetLayer {
    const twin = this.makeLayer(first.id, first.url, first.own, true);
    twin.load(this.options).then(
      (tileset) => {
        if (this.disposed || !twin.tileset) return;
        this.scene.primitives.add(tileset);
        this.sun.prepare(tileset);
        ready();
      },
      () => undefined,
    );
    return twin;
  }

  private dropLayer(layer: CesiumTilesetLayer): void {
    if (layer.tileset) this.scene.primitives.remove(layer.tileset); // destroys it
    layer.tileset = null;
    layer.dispose();
    this.requestRender();
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
    for (const layer of this.split.drawn()) if (layer.loadState.loading) return true;
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
    const layers = [...this.split.drawn()].map((l) => l.afterFrame());
    // the ground (flat terrain at the buildings' floor) counts as a layer: ready means it stands where it will stay
    const ground = { loading: !this.scene.globe.tilesLoaded, settled: this.ground.settled(this.layers.size), progress: this.scene.globe.tilesLoaded ? 1 : 0 };
    this.state.afterFrame({ camera: now, viewPlaced: this.viewPlaced, view: () => this.getView(), layers, others: [ground] });
  }
}
