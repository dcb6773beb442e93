import type { Cesium3DTileContent, Cesium3DTileset, Scene, TerrainProvider } from '@cesium/engine';
import type { ErrorDetail } from '../../core/index.js';
import type { StreamedTerrain, TerrainModel } from '../engine.js';
import { quantizedTerrain } from './quantized-terrain.js';
import { groundTerrain, gridSampler } from './ground-terrain.js';
import { outlinePoints, StreamedLowest, type OverlayGround } from './overlay-ground.js';
import { boundsBottom, lowestVertex } from './ground-probe.js';
import { outOfView } from './camera-view.js';

/**
 * The ground the first tileset stands on, as flat terrain: first at the bottom of its bounds, then, once its
 * first view has loaded, at its lowest vertex (the three engine's ground plane does the same from
 * building bases). Terrain models replace it where their grids have data; a streamed (quantized-mesh) terrain
 * replaces the whole ground while it is on (Cesium draws one terrain provider). Per-building ground heights
 * (a sloped town without a terrain model) are not followed.
 */
export class GroundState implements OverlayGround {
  height: number | null = null;
  private first: Cesium3DTileset | null = null;
  /** The floor was found in loaded contents (no later probe). */
  private probed = false;
  /** A probe ran, found or not: ready need not wait for the ground. */
  private looked = false;
  private readonly terrains = new Map<string, TerrainModel>();
  private readonly streamed = new Map<string, TerrainProvider>();
  private readonly listeners = new Set<() => void>();
  /** Where no terrain has data: the height the flat part of the ground lies at. */
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
    this.set(boundsBottom(tileset));
  }

  tilesLoaded(tileset: Cesium3DTileset, contents: Iterable<Cesium3DTileContent>): void {
    if (tileset !== this.first || this.probed) return;
    this.looked = true;
    const floor = lowestVertex(contents);
    // none loaded (the tileset's tiles all outside the view): the bounds' bottom stays until tiles come
    if (floor === null) return;
    this.probed = true;
    if (Math.abs(floor - (this.height ?? floor)) > 0.01) this.set(floor);
  }

  /** A terrain model (a second with the same id replaces it); before any tileset the flat part lies at its lowest point. */
  addTerrain(model: TerrainModel): void {
    this.terrains.delete(model.id);
    this.terrains.set(model.id, model);
    this.set(this.height);
  }

  /** A quantized-mesh terrain streamed by Cesium; rejects (the ground unchanged) when its layer.json cannot be read. */
  async addStreamed(terrain: StreamedTerrain): Promise<void> {
    const provider = await quantizedTerrain(terrain, this.onError);
    this.streamed.delete(terrain.id);
    this.streamed.set(terrain.id, provider);
    this.set(this.height);
  }

  /** The streamed terrain on (the latest), if any. */
  get streamedTerrain(): TerrainProvider | null {
    return [...this.streamed.values()].at(-1) ?? null;
  }

  removeTerrain(id: string): void {
    if (this.terrains.delete(id) || this.streamed.delete(id)) this.set(this.height);
  }

  /** The lowest ground under the outer ring: a streamed terrain's (once sampled), else the grids' with the flat ground between. */
  lowestUnder(rings: Float64Array[]): number {
    const ring = rings[0];
    if (!ring?.length) return this.flat;
    if (this.streamedLowest) return this.streamedLowest.lowestUnder(ring) ?? this.flat;
    const points = outlinePoints(ring);
    let lowest = Infinity;
    for (let i = 0; i + 1 < points.length; i += 2) {
      const h = this.grids.heightAt(points[i], points[i + 1]);
      lowest = Math.min(lowest, Number.isNaN(h) ? this.flat : h);
    }
    return lowest;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ready may wait for the ground: settled once the first tileset's loaded tiles were probed (or with no tileset, or none in view). */
  settled(tilesets: number): boolean {
    return tilesets === 0 || this.looked || (!!this.first && outOfView(this.scene.camera, this.first.boundingSphere));
  }

  private set(height: number | null): void {
    this.height = height;
    const models = [...this.terrains.values()];
    const flat = (this.flat = height ?? (models.length ? Math.min(...models.map((m) => m.grid.min)) : 0));
    const streamed = this.streamedTerrain;
    this.scene.terrainProvider = streamed ?? groundTerrain(flat, models);
    this.grids = gridSampler(models);
    this.streamedLowest = streamed ? new StreamedLowest(streamed, () => this.notify()) : null;
    this.notify();
  }

  private notify(): void {
    this.changed();
    for (const listener of this.listeners) listener();
  }
}
