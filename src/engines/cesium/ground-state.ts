import type { Cesium3DTileContent, Cesium3DTileset, Scene } from '@cesium/engine';
import type { TerrainModel } from '../engine.js';
import { groundTerrain } from './ground-terrain.js';
import { boundsBottom, lowestVertex } from './ground-probe.js';
import { outOfView } from './camera-view.js';

/**
 * The ground the first tileset stands on, as flat terrain: first at the bottom of its bounds, then, once its
 * first view has loaded, at its lowest vertex (the three engine's ground plane does the same from
 * building bases). Terrain models replace it where their grids have data. Per-building ground heights
 * (a sloped town without a terrain model) are not followed.
 */
export class GroundState {
  height: number | null = null;
  private first: Cesium3DTileset | null = null;
  private probed = false;
  private readonly terrains = new Map<string, TerrainModel>();

  constructor(private readonly scene: Scene) {}

  tilesetAdded(tileset: Cesium3DTileset): void {
    if (this.first) return;
    this.first = tileset;
    this.set(boundsBottom(tileset));
  }

  tilesLoaded(tileset: Cesium3DTileset, contents: Iterable<Cesium3DTileContent>): void {
    if (tileset !== this.first || this.probed) return;
    this.probed = true;
    const floor = lowestVertex(contents);
    if (floor !== null && Math.abs(floor - (this.height ?? floor)) > 0.01) this.set(floor);
  }

  /** A terrain model (a second with the same id replaces it); before any tileset the flat part lies at its lowest point. */
  addTerrain(model: TerrainModel): void {
    this.terrains.delete(model.id);
    this.terrains.set(model.id, model);
    this.set(this.height);
  }

  removeTerrain(id: string): void {
    if (this.terrains.delete(id)) this.set(this.height);
  }

  /** Ready may wait for the ground: settled once the first tileset's floor was probed (or with no tileset, or none in view). */
  settled(tilesets: number): boolean {
    return tilesets === 0 || this.probed || (!!this.first && outOfView(this.scene.camera, this.first.boundingSphere));
  }

  private set(height: number | null): void {
    this.height = height;
    const models = [...this.terrains.values()];
    const flat = height ?? (models.length ? Math.min(...models.map((m) => m.grid.min)) : 0);
    this.scene.terrainProvider = groundTerrain(flat, models);
  }
}
