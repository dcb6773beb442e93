import {
  Color,
  Group,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import {
  assertOverlayData,
  EngineState,
  Emitter,
  toFeatureStyle,
  type EngineEventMap,
  type ErrorDetail,
  type FeatureAttributes,
  type FeatureStyle,
  type OverlayData,
  type StyleRule,
  type ViewState,
} from '../../core/index.js';
import { GroundLayers } from './ground-layers.js';
import type { BasemapTiles, TerrainModel, Engine, EngineCapability, EngineOptions, FlyToOptions, GeoPosition, PickResult, RenderStats, ScreenPoint, SplitView, SunOptions, TilesetOptions } from '../engine.js';
import { CameraRig } from './camera-rig.js';
import { GroundModel } from './ground.js';
import { OverlayLayer } from './overlay-layer.js';
import { SunLight } from './sun-light.js';
import { featureHit, isDescendant, raycastAt, resolveFeatureHit } from './picking.js';
import { homeCamera } from './home-view.js';
import { SplitRenderer } from './split-view.js';
import { TilesetLayer } from './tileset-layer.js';
import { createCacheAndQueues, type CacheAndQueues } from './own-queues.js';
import { WorldFrame } from './world-frame.js';

const defaults = { errorTarget: 16, cacheBytes: 256 * 1024 * 1024, background: '#cfe2f0' };
const _v = new Vector3();
const capabilities = new Set<EngineCapability>(['sun', 'split', 'split-swipe', 'split-shadows', 'basemap', 'terrain', 'overlays']);

/** The default engine: three.js with 3d-tiles-renderer, rendering only when something changed. */
export class ThreeEngine implements Engine {
  readonly name = 'three' as const;
  readonly capabilities: ReadonlySet<EngineCapability> = capabilities;
  readonly events = new Emitter<EngineEventMap>();
  readonly frame = new WorldFrame();
  readonly ground = new GroundModel();
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(45, 1, 1, 60_000);
  /** Everything picking, pickPosition and the camera controls hit: tiles, overlays, ground. */
  readonly pickables = new Group();
  renderer!: WebGLRenderer;
  sunLight!: SunLight;
  private rig!: CameraRig;
  private split!: SplitRenderer;
  private options!: Required<Omit<EngineOptions, 'view' | 'reducedMotion'>> & Pick<EngineOptions, 'reducedMotion'>;
  private readonly layers = new Map<string, TilesetLayer>();
  /** This viewer's tile cache and queues, not the page's (own-queues.ts); made with the first tileset. */
  private tileQueues: CacheAndQueues | undefined;
  private readonly overlays = new Map<string, OverlayLayer>();
  /** Base maps and terrain (after mount). */
  grounds!: GroundLayers;
  /** Style, hidden and selected buildings, ready/progress and view-change: shared with every engine. */
  private readonly state = new EngineState(this.events);
  /** A view waiting for the world origin to be fixed by the first tileset. */
  private pendingView: ViewState | null = null;
  private viewSet = false;
  private raf = 0;
  private lastTime = 0;
  private stats: RenderStats = { frame: 0, drawCalls: 0, triangles: 0 };
  private disposed = false;
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
    const canvas = document.createElement('canvas');
    canvas.setAttribute('part', 'canvas');
    canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;';
    try {
      this.renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: this.options.preserveDrawingBuffer });
    } catch (error) {
      throw new Error(`WebGL 2 is not available in this browser (${(error as Error).message})`);
    }
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    container.appendChild(canvas);

    this.scene.background = new Color(this.options.background);
    this.sunLight = new SunLight(this.scene, this.renderer, this.frame);
    this.grounds = new GroundLayers({ frame: this.frame, ground: this.ground, scene: this.scene, pickables: this.pickables, camera: this.camera, renderer: this.renderer, requestRender: () => this.requestRender(), error: (d) => this.emitError(d), disposed: () => this.disposed });
    this.pickables.add(this.ground.plane, this.ground.sites.group);
    this.scene.add(this.pickables);

    this.split = new SplitRenderer({ renderer: this.renderer, scene: this.scene, camera: this.camera, frame: this.frame, layers: this.layers, hidden: () => this.state.hidden });
    this.rig = new CameraRig(this.camera, this.frame, this.ground, this.pickables, canvas, () => this.requestRender(), () => this.reducedMotion());
    if (options.view) this.setView(options.view);
    this.resize(container.clientWidth || 300, container.clientHeight || 150, globalThis.devicePixelRatio || 1);
  }

  resize(width: number, height: number, pixelRatio: number): void {
    if (!this.renderer || this.disposed || width <= 0 || height <= 0) return;
    this.renderer.setPixelRatio(pixelRatio);
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    for (const layer of this.layers.values()) layer.resize();
    this.requestRender();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.rig?.dispose();
    for (const layer of this.layers.values()) layer.dispose();
    for (const overlay of this.overlays.values()) overlay.dispose();
    this.layers.clear();
    this.overlays.clear();
    this.grounds?.dispose();
    this.ground.dispose();
    if (this.renderer) {
      const canvas = this.renderer.domElement;
      canvas.removeEventListener('webglcontextlost', this.onContextLost);
      this.renderer.dispose();
      this.renderer.forceContextLoss();
      canvas.remove();
    }
    this.events.clear();
  }

  addTileset(id: string, url: string, options: TilesetOptions = {}): Promise<void> {
    if (this.layers.has(id)) this.removeTileset(id);
    const own = toFeatureStyle(options.style);
    const layer = new TilesetLayer(
      id,
      url,
      {
        frame: this.frame,
        ground: this.ground,
        camera: this.camera,
        renderer: this.renderer,
        style: () => this.state.styleFor(own),
        hidden: () => this.split.passHidden ?? this.state.hidden,
        selected: () => this.state.selected,
        requestRender: () => this.requestRender(),
        error: (detail) => this.emitError(detail),
        styled: () => this.events.emit('style-applied', {}),
      },
      { errorTarget: options.errorTarget ?? this.options.errorTarget, queues: (this.tileQueues ??= createCacheAndQueues(this.options.cacheBytes)), prefetched: options.prefetched },
      {
        settled: () => this.requestRender(),
        loaded: () => this.events.emit('tiles-loaded', { layerId: id }),
      },
    );
    this.layers.set(id, layer);
    this.pickables.add(layer.tiles.group);
    this.requestRender();
    return layer.rootLoaded.then(() => {
      if (!this.disposed) this.events.emit('tileset-loaded', { layerId: id, url });
    });
  }

  removeTileset(id: string): void {
    const layer = this.layers.get(id);
    if (!layer) return;
    this.pickables.remove(layer.tiles.group);
    layer.dispose();
    this.layers.delete(id);
    this.requestRender();
  }

  setTilesetVisible(id: string, visible: boolean): void {
    this.split?.setLayerVisible(id, visible);
    this.requestRender();
  }

  flyTo(view: ViewState, options: FlyToOptions = {}): Promise<void> {
    if (!this.frame.fixed) {
      // no data yet: the world origin may still move, so keep the view geographic and jump
      this.setView(view);
      return Promise.resolve();
    }
    this.viewSet = true;
    return this.rig.flyTo(view, options.duration ?? 1.5);
  }

  rotateToNorth(options: FlyToOptions = {}): Promise<void> {
    return this.rig.rotateToNorth(options.duration ?? 0.8);
  }

  getView(): ViewState {
    return this.pendingView ? { ...this.pendingView } : this.frame.viewOf(this.camera);
  }

  getHomeView(): ViewState | null {
    const probe = homeCamera(this.layers.values(), this.camera.fov);
    return probe ? this.frame.viewOf(probe) : null;
  }

  async pick(clientX: number, clientY: number): Promise<PickResult | null> {
    const at = this.split.pickContext(clientX, this.state.hidden);
    for (const hit of raycastAt(this.renderer.domElement, this.camera, this.pickables, at.clientX, clientY)) {
      if (hit.object === this.ground.plane || hit.object.userData.ground) return null;
      const building = await resolveFeatureHit(hit);
      if (building) {
        const id = building.features.ids[building.row];
        if (at.hidden.has(id) || at.skip.has(building.layerId)) continue;
        const attributes = building.features.attributes(building.row);
        const metadata = building.features.metadata.length ? { metadata: building.features.metadata } : {};
        return { kind: 'building', layerId: building.layerId, id, attributes, position: this.frame.toGeo(hit.point), ...metadata };
      }
      for (const overlay of this.overlays.values()) {
        if (!isDescendant(hit.object, overlay.group)) continue;
        const feature = overlay.featureOf(hit);
        if (feature) return { kind: 'overlay', layerId: overlay.data.id, ...feature, position: this.frame.toGeo(hit.point) };
      }
    }
    return null;
  }

  async pickPosition(clientX: number, clientY: number): Promise<GeoPosition | null> {
    for (const hit of raycastAt(this.renderer.domElement, this.camera, this.pickables, clientX, clientY)) {
      const building = featureHit(hit);
      if (building && this.state.hidden.has(building.features.ids[building.row])) continue;
      return this.frame.toGeo(hit.point);
    }
    return null;
  }

  projectToScreen(lon: number, lat: number, height: number): ScreenPoint | null {
    this.frame.toWorld(lon, lat, height, _v);
    this.camera.updateMatrixWorld();
    _v.applyMatrix4(this.camera.matrixWorldInverse);
    if (_v.z >= 0) return null; // behind the camera
    _v.applyMatrix4(this.camera.projectionMatrix);
    const rect = this.renderer.domElement.getBoundingClientRect();
    return { x: rect.left + ((_v.x + 1) / 2) * rect.width, y: rect.top + ((1 - _v.y) / 2) * rect.height };
  }

  setStyle(rule: StyleRule | FeatureStyle | null): FeatureStyle | null {
    const style = this.state.setStyle(rule);
    for (const layer of this.layers.values()) layer.restyle();
    this.events.emit('style-applied', {});
    this.requestRender();
    return style;
  }

  setHidden(ids: Iterable<string>): void {
    this.state.setHidden(ids);
    this.split?.baseChanged();
    for (const layer of this.layers.values()) layer.restyle();
    this.requestRender();
  }

  setSelected(id: string | null): void {
    this.state.setSelected(id);
    for (const layer of this.layers.values()) layer.reselect();
    this.requestRender();
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
    const overlay = new OverlayLayer(data, this.frame, this.ground);
    this.overlays.set(data.id, overlay);
    this.pickables.add(overlay.group);
    this.requestRender();
  }

  removeOverlay(id: string): void {
    const overlay = this.overlays.get(id);
    if (!overlay) return;
    overlay.dispose();
    this.overlays.delete(id);
    this.requestRender();
  }

  addBasemap(tiles: BasemapTiles): Promise<void> {
    return this.grounds.addBasemap(tiles);
  }

  removeBasemap(id: string): void {
    this.grounds.removeBasemap(id);
  }

  addTerrain(terrain: TerrainModel): Promise<void> {
    return this.grounds.addTerrain(terrain);
  }

  removeTerrain(id: string): void {
    this.grounds.removeTerrain(id);
  }

  setSun(options: SunOptions): { azimuth: number; elevation: number } {
    this.requestRender();
    return this.sunLight.set(options);
  }

  setSplit(view: SplitView | null): void {
    this.split?.set(view);
    this.requestRender();
  }

  getViews(): ViewState[] {
    return this.split?.views() ?? [this.getView()];
  }

  requestRender(): void {
    if (this.raf || this.disposed || !this.renderer) return;
    this.raf = requestAnimationFrame((now) => this.renderFrame(now));
  }

  getStats(): RenderStats {
    return { ...this.stats };
  }

  private reducedMotion(): boolean {
    if (this.options.reducedMotion !== undefined) return this.options.reducedMotion;
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  }

  private setView(view: ViewState): void {
    this.pendingView = { ...view };
    this.viewSet = true;
    this.frame.applyView(view, this.camera);
    this.requestRender();
  }

  private emitError(detail: ErrorDetail): void {
    this.events.emit('error', detail);
  }

  private renderFrame(now: number): void {
    this.raf = 0;
    if (this.disposed) return;
    const dt = this.lastTime ? (now - this.lastTime) / 1000 : 0.016;
    this.lastTime = now;
    if (this.frame.fixed) {
      if (this.pendingView) {
        // the origin is final now: place the waiting view in it
        this.frame.applyView(this.pendingView, this.camera);
        this.pendingView = null;
      } else if (!this.viewSet) {
        const home = this.getHomeView();
        if (home) {
          this.frame.applyView(home, this.camera);
          this.viewSet = true;
        }
      }
    }
    const moving = this.rig.update(now, dt);
    for (const layer of this.layers.values()) layer.update();
    for (const overlay of this.overlays.values()) overlay.refresh();
    this.grounds.update();
    this.sunLight.update(this.camera, this.ground.planeHeight());
    if (!this.split.render()) this.renderer.render(this.scene, this.camera);
    const info = this.renderer.info.render;
    this.stats = { frame: this.stats.frame + 1, drawCalls: info.calls, triangles: info.triangles };
    this.events.emit('render', { ...this.stats, ms: performance.now() - now });
    this.afterFrame();
    if (moving) this.requestRender();
  }

  private afterFrame(): void {
    const layers = [...this.layers.values()].map((l) => ({ loading: l.loading, settled: l.settled, progress: l.tiles.loadProgress }));
    this.state.afterFrame({ camera: this.camera.matrixWorld.elements, viewPlaced: this.viewSet, view: () => this.getView(), layers });
  }
}
