import { SplitDirection, type Scene } from '@cesium/engine';
import type { SplitView } from '../engine.js';
import type { CesiumTilesetLayer } from './tileset-layer.js';

/**
 * A swipe split with Cesium's own splitter: a tileset listed on one side only draws on that side of
 * `position`. Cesium splits whole primitives, so per-side hidden buildings and side-by-side views are not
 * matched (the engine leaves 'split' out of its capabilities; the scenario UI hides the comparison).
 */
export function applySplit(scene: Scene, layers: ReadonlyMap<string, CesiumTilesetLayer>, view: SplitView | null): void {
  scene.splitPosition = view ? Math.min(1, Math.max(0, view.position)) : 0.5;
  for (const [id, layer] of layers) {
    if (!layer.tileset) continue;
    const left = view?.left.tilesets.includes(id) ?? false;
    const right = view?.right.tilesets.includes(id) ?? false;
    layer.tileset.splitDirection = view?.mode === 'swipe' && left !== right ? (left ? SplitDirection.LEFT : SplitDirection.RIGHT) : SplitDirection.NONE;
  }
}
