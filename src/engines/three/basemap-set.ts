import type { Scene } from 'three';
import type { BasemapTiles } from '../engine.js';
import { BasemapLayer, type BasemapContext } from './basemap-layer.js';

/** The three engine's base maps, loaded with the first one (dynamic import), drawn in the order added. */
export class BasemapSet {
  readonly layers = new Map<string, BasemapLayer>();

  constructor(
    private readonly scene: Scene,
    private readonly ctx: BasemapContext,
  ) {}

  add(tiles: BasemapTiles): void {
    this.remove(tiles.id);
    const layer = new BasemapLayer(tiles, this.ctx);
    this.layers.set(tiles.id, layer);
    this.scene.add(layer.group);
    this.ctx.requestRender();
  }

  remove(id: string): void {
    const layer = this.layers.get(id);
    if (!layer) return;
    this.scene.remove(layer.group);
    layer.dispose();
    this.layers.delete(id);
    this.ctx.requestRender();
  }

  /** Before the first tileset fixes the world origin there is nowhere to put a map. */
  update(): void {
    if (!this.ctx.frame.fixed) return;
    for (const layer of this.layers.values()) layer.update();
  }

  dispose(): void {
    for (const id of [...this.layers.keys()]) this.remove(id);
  }
}
