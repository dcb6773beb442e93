import type { Cesium3DTileContent, Cesium3DTileset, Scene } from '@cesium/engine';
import { flatTerrain } from './ground-terrain.js';
import { boundsBottom, lowestVertex } from './ground-probe.js';

/**
 * The ground the first tileset stands on, as flat terrain: first at the bottom of its bounds, then, once its
 * first view has loaded, at its lowest vertex (the three engine's ground plane does the same from
 * building bases). Per-building ground heights (a sloped town) are not followed yet.
 */
export class GroundState {
  height: number | null = null;
  private first: Cesium3DTileset | null = null;
  private probed = false;

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

  /** Ready may wait for the ground: settled once the first tileset's floor was probed (or with no tileset). */
  settled(tilesets: number): boolean {
    return tilesets === 0 || this.probed;
  }

  private set(height: number): void {
    this.height = height;
    this.scene.terrainProvider = flatTerrain(height);
  }
}
