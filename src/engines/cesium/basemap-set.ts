import { ImageryLayer, type ImageryLayerCollection } from '@cesium/engine';
import type { ErrorDetail } from '../../core/index.js';
import type { BasemapTiles } from '../engine.js';
import { asImageryProvider, GridImageryProvider } from './basemap-imagery.js';

/** The Cesium engine's base maps: imagery layers on the globe (the ground terrain), drawn in the order added. */
export class CesiumBasemaps {
  readonly layers = new Map<string, { layer: ImageryLayer; provider: GridImageryProvider }>();

  constructor(
    private readonly imagery: ImageryLayerCollection,
    private readonly error: (detail: ErrorDetail) => void,
    private readonly requestRender: () => void,
  ) {}

  add(tiles: BasemapTiles): void {
    const provider = new GridImageryProvider(tiles, this.error);
    // Cesium reports failed tiles through the provider's event too; a listener keeps it from logging each one
    provider.errorEvent.addEventListener(() => this.requestRender());
    const layer = new ImageryLayer(asImageryProvider(provider), { alpha: tiles.opacity ?? 1 });
    const old = this.layers.get(tiles.id);
    // a replacement takes the old one's place in the order
    if (old) this.imagery.add(layer, this.imagery.indexOf(old.layer));
    else this.imagery.add(layer);
    if (old) this.drop(old);
    this.layers.set(tiles.id, { layer, provider });
    this.requestRender();
  }

  remove(id: string): void {
    const entry = this.layers.get(id);
    if (!entry) return;
    this.drop(entry);
    this.layers.delete(id);
    this.requestRender();
  }

  dispose(): void {
    for (const id of [...this.layers.keys()]) this.remove(id);
  }

  private drop(entry: { layer: ImageryLayer; provider: GridImageryProvider }): void {
    entry.provider.destroy();
    this.imagery.remove(entry.layer, true);
  }
}
