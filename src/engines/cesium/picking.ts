import { Cartesian2, Cartographic, Cesium3DTileFeature, Math as CesiumMath, type Scene } from '@cesium/engine';
import type { GeoPosition, PickResult } from '../engine.js';
import { isOverlayHitId } from './overlay-layer.js';
import type { CesiumTilesetLayer } from './tileset-layer.js';

/** What picking needs from its engine. */
export interface PickHost {
  scene: Scene;
  canvas: HTMLCanvasElement;
  /** Every drawn tileset layer (a split view's second instances too). */
  layers(): Iterable<CesiumTilesetLayer>;
  /** The ids hidden where a layer draws. */
  hiddenOf(layer: CesiumTilesetLayer): ReadonlySet<string>;
  /** Runs a synchronous pick at a window point as the view there draws it (a split view maps the point to its side). */
  atSide<T>(at: Cartesian2, run: (at: Cartesian2) => T): T;
  /** Where to say a hit is when the depth buffer cannot tell. */
  fallback(): GeoPosition;
}

/** Buildings (by feature id) and overlay features under a screen point; hidden buildings are never hit. */
export class CesiumPicker {
  constructor(private readonly host: PickHost) {}

  async pick(clientX: number, clientY: number): Promise<PickResult | null> {
    const { scene } = this.host;
    // all of Cesium's picking is synchronous: done before the first await, while a split's pick settings hold
    const found = this.host.atSide(this.windowPosition(clientX, clientY), (at) => {
      const first = scene.pick(at);
      // a hidden building draws nothing and is not in the pick pass; drill only if something odd came back
      const candidates = first && this.hiddenHit(first) ? scene.drillPick(at, 8) : first ? [first] : [];
      return { candidates, position: this.positionAt(at) };
    });
    const position = found.position ?? this.host.fallback();
    for (const picked of found.candidates) {
      if (picked instanceof Cesium3DTileFeature) {
        for (const layer of this.host.layers()) {
          if (layer.tileset !== picked.tileset) continue;
          const hit = layer.hit(picked);
          if (!hit) continue;
          const id = hit.features.ids[hit.row];
          if (this.host.hiddenOf(layer).has(id)) break;
          const metadata = await layer.metadata.sections(picked);
          return { kind: 'building', layerId: layer.id, id, attributes: hit.features.attributes(hit.row), position, ...(metadata.length ? { metadata } : {}) };
        }
      } else if (isOverlayHitId(picked?.id)) {
        const { overlayId, feature } = picked.id;
        return { kind: 'overlay', layerId: overlayId, id: feature.id, attributes: { ...feature.properties }, position };
      }
    }
    return null;
  }

  position(clientX: number, clientY: number): GeoPosition | null {
    return this.host.atSide(this.windowPosition(clientX, clientY), (at) => this.positionAt(at));
  }

  private hiddenHit(picked: unknown): boolean {
    if (!(picked instanceof Cesium3DTileFeature)) return false;
    for (const layer of this.host.layers()) {
      const hit = layer.hit(picked);
      if (hit) return this.host.hiddenOf(layer).has(hit.features.ids[hit.row]);
    }
    return false;
  }

  private windowPosition(clientX: number, clientY: number): Cartesian2 {
    const rect = this.host.canvas.getBoundingClientRect();
    return new Cartesian2(clientX - rect.left, clientY - rect.top);
  }

  private positionAt(at: Cartesian2): GeoPosition | null {
    const { scene } = this.host;
    if (!scene.pickPositionSupported) return null;
    const p = scene.pickPosition(at);
    const c = p && Cartographic.fromCartesian(p);
    return c ? { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height } : null;
  }
}
