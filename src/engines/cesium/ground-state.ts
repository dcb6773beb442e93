import { Cartographic, Math as CesiumMath, type Cesium3DTileContent, type Cesium3DTileset, type Scene, type TerrainProvider } from '@cesium/engine';
import { groundSites, siteAt, sitesKey, type ErrorDetail, type GroundPoint, type GroundSite } from '../../core/index.js';
import type { StreamedTerrain, TerrainModel } from '../engine.js';
import { quantizedTerrain } from './quantized-terrain.js';
import { groundTerrain, gridSampler } from './ground-terrain.js';
import { outlinePoints, StreamedLowest, type OverlayGround } from './overlay-ground.js';
import { boundsBottom, contentFloor } from './ground-probe.js';
import { outOfView } from './camera-view.js';

/** Vertices read per tileset at most (a few tiles of a town): the probe's cost stays bounded on any tileset. */
const MAX_VERTICES = 2_000_000;

/**
 * Where the ground is, as Cesium terrain (the three engine's ground plane and site discs). Building bases from the
 * loaded tiles are grouped into sites (src/core/terrain/ground-sites.ts). The first tileset's site is home: the flat
 * ground lies at its lowest base (before its tiles load, at the bottom of its bounds). Every other site (a town
 * loaded kilometres away, or far lower) gets a flat ground of its own at its lowest base. Terrain models replace both
 * where their grids have data; a streamed (quantized-mesh) terrain replaces the whole ground while it is on (Cesium
 * draws one terrain provider). The slope within one site is not followed (as on three).
 */
export class GroundState implements OverlayGround {
  /** The home ground's height (ellipsoidal). */
  height: number | null = null;
  private first: Cesium3DTileset | null = null;
  /** Where the first tileset was, once it is gone. */
  private home: { lon: number; lat: number } | null = null;
  /** The first tileset's loaded tiles were probed (found or not): ready need not wait for the ground. */
  private looked = false;
  private readonly points = new Map<Cesium3DTileset, GroundPoint[]>();
  private readonly budgets = new WeakMap<Cesium3DTileset, { vertices: number }>();
  private readonly probed = new WeakSet<Cesium3DTileContent>();
  /** The sites but home. */
  private sites: GroundSite[] = [];
  private key = '';
  private readonly terrains = new Map<string, TerrainModel>();
  private readonly streamed = new Map<string, TerrainProvider>();
  private readonly listeners = new Set<() => void>();
  /** Where no terrain or site has data: the height the flat part of the ground lies at. */
  private flat = 0;
  private grids = gridSampler([]);
  private streamedLowest: StreamedLowest | null = null;

  constructor(
    private readonly scene: Scene,
    private readonly onError: (detail: ErrorDetail) => void = () => {},
    private readonly changed: () => void = () => {},
  ) {}

  tilesetAdded(tileset: Cesium3DTileset): void {
    if (this.first) return;
    this.first = tileset;
    this.height = boundsBottom(tileset);
    this.apply(true);
  }

  /** Before the tileset is destroyed: its bases leave the sites (the first stays home, by its place). */
  tilesetRemoved(tileset: Cesium3DTileset): void {
    if (tileset === this.first) this.home = this.homeOf(tileset);
    if (this.points.delete(tileset)) this.update();
  }

  /** A tileset's view has loaded: its new contents' bases join the sites. */
  tilesLoaded(tileset: Cesium3DTileset, contents: Iterable<Cesium3DTileContent>): void {
    let budget = this.budgets.get(tileset);
    if (!budget) this.budgets.set(tileset, (budget = { vertices: MAX_VERTICES }));
    let list = this.points.get(tileset);
    if (!list) this.points.set(tileset, (list = []));
    for (const content of contents) {
      if (this.probed.has(content)) continue;
      this.probed.add(content);
      list.push(...contentFloor(content, budget));
    }
    if (tileset === this.first) this.looked = true;
    this.update();
  }

  /** A terrain model (a second with the same id replaces it); before any tileset the flat part lies at its lowest point. */
  addTerrain(model: TerrainModel): void {
    this.terrains.delete(model.id);
    this.terrains.set(model.id, model);
    this.apply(true);
  }

  /** A quantized-mesh terrain streamed by Cesium; rejects (the ground unchanged) when its layer.json cannot be read. */
  async addStreamed(terrain: StreamedTerrain): Promise<void> {
    const provider = await quantizedTerrain(terrain, this.onError);
    this.streamed.delete(terrain.id);
    this.streamed.set(terrain.id, provider);
    this.apply(true);
  }

  /** The streamed terrain on (the latest), if any. */
  get streamedTerrain(): TerrainProvider | null {
    return [...this.streamed.values()].at(-1) ?? null;
  }

  removeTerrain(id: string): void {
    if (this.terrains.delete(id) || this.streamed.delete(id)) this.apply(true);
  }

  /** The lowest ground under the outer ring: a streamed terrain's (once sampled), else the grids', sites' or flat ground's. */
  lowestUnder(rings: Float64Array[]): number {
    const ring = rings[0];
    if (!ring?.length) return this.flat;
    if (this.streamedLowest) return this.streamedLowest.lowestUnder(ring) ?? this.flat;
    const points = outlinePoints(ring);
    let lowest = Infinity;
    for (let i = 0; i + 1 < points.length; i += 2) {
      let h = this.grids.heightAt(points[i], points[i + 1]);
      if (Number.isNaN(h)) h = siteAt(this.sites, points[i], points[i + 1])?.lowest ?? this.flat;
      lowest = Math.min(lowest, h);
    }
    return lowest;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ready may wait for the ground: settled once the first tileset's loaded tiles were probed (or with no tileset, or none in view). */
  settled(tilesets: number): boolean {
    return tilesets === 0 || this.looked || (!!this.first && (this.first.isDestroyed() || outOfView(this.scene.camera, this.first.boundingSphere)));
  }

  /** The sites from the bases so far; home is the one at the first tileset. */
  private update(): void {
    const sites = groundSites([...this.points.values()].flat());
    const centre = this.home ?? (this.first && this.homeOf(this.first));
    const home = centre ? siteAt(sites, centre.lon, centre.lat) : null;
    if (home) this.height = home.lowest;
    this.sites = sites.filter((s) => s !== home);
    this.apply(false);
  }

  private homeOf(tileset: Cesium3DTileset): { lon: number; lat: number } | null {
    const c = Cartographic.fromCartesian(tileset.boundingSphere.center);
    return c ? { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude) } : null;
  }

  /** A new provider when the ground changed (it makes the globe reload its tiles: not for nothing). */
  private apply(force: boolean): void {
    const key = `${this.height?.toFixed(2)}|${sitesKey(this.sites)}`;
    if (!force && key === this.key) return;
    this.key = key;
    const models = [...this.terrains.values()];
    const flat = (this.flat = this.height ?? (models.length ? Math.min(...models.map((m) => m.grid.min)) : 0));
    const streamed = this.streamedTerrain;
    // a streamed terrain stays as it is (and its sampled heights with it) when only the sites changed under it
    if (!streamed || this.scene.terrainProvider !== streamed) {
      this.scene.terrainProvider = streamed ?? groundTerrain(flat, models, this.sites);
      this.streamedLowest = streamed ? new StreamedLowest(streamed, () => this.notify()) : null;
    }
    this.grids = gridSampler(models);
    this.notify();
  }

  private notify(): void {
    this.changed();
    for (const listener of this.listeners) listener();
  }
}
