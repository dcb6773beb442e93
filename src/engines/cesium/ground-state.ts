import { Cartographic, Math as CesiumMath, type Cesium3DTileContent, type Cesium3DTileset, type Scene } from '@cesium/engine';
import { groundSites, siteAt, sitesKey, type GroundPoint, type GroundSite } from '../../core/index.js';
import type { TerrainModel } from '../engine.js';
import { groundTerrain } from './ground-terrain.js';
import { boundsBottom, contentFloor } from './ground-probe.js';
import { outOfView } from './camera-view.js';

/** Vertices read per tileset at most (a few tiles of a town): the probe's cost stays bounded on any tileset. */
const MAX_VERTICES = 2_000_000;

/**
 * Where the ground is without a terrain model, as Cesium terrain (the three engine's ground plane and site discs):
 * building bases from the loaded tiles are grouped into sites (src/core/terrain/ground-sites.ts). The site of the
 * first tileset is home: the flat ground lies at its lowest base (before its tiles load, at the bottom of its bounds).
 * Every other site (a town loaded kilometres away, or far lower) gets a flat ground of its own at its lowest base.
 * Terrain models replace both where their grids have data.
 */
export class GroundState {
  /** The home ground's height (ellipsoidal). */
  height: number | null = null;
  private first: Cesium3DTileset | null = null;
  /** Where the first tileset was, once it is gone. */
  private home: { lon: number; lat: number } | null = null;
  private firstProbed = false;
  private readonly points = new Map<Cesium3DTileset, GroundPoint[]>();
  private readonly budgets = new WeakMap<Cesium3DTileset, { vertices: number }>();
  private readonly probed = new WeakSet<Cesium3DTileContent>();
  private sites: GroundSite[] = [];
  private key = '';
  private readonly terrains = new Map<string, TerrainModel>();

  constructor(private readonly scene: Scene) {}

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
    if (tileset === this.first) this.firstProbed = true;
    this.update();
  }

  /** A terrain model (a second with the same id replaces it); before any tileset the flat part lies at its lowest point. */
  addTerrain(model: TerrainModel): void {
    this.terrains.delete(model.id);
    this.terrains.set(model.id, model);
    this.apply(true);
  }

  removeTerrain(id: string): void {
    if (this.terrains.delete(id)) this.apply(true);
  }

  /** Ready may wait for the ground: settled once the first tileset's floor was probed (or with no tileset, or none in view). */
  settled(tilesets: number): boolean {
    return tilesets === 0 || this.firstProbed || (!!this.first && (this.first.isDestroyed() || outOfView(this.scene.camera, this.first.boundingSphere)));
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

  /** New terrain when the ground changed (a new provider makes the globe reload its tiles: not for nothing). */
  private apply(force: boolean): void {
    const key = `${this.height?.toFixed(2)}|${sitesKey(this.sites)}`;
    if (!force && key === this.key) return;
    this.key = key;
    const models = [...this.terrains.values()];
    const flat = this.height ?? (models.length ? Math.min(...models.map((m) => m.grid.min)) : 0);
    this.scene.terrainProvider = groundTerrain(flat, models, this.sites);
  }
}
