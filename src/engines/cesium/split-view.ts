import { Cartesian2, SplitDirection, type PerspectiveFrustum, type Scene } from '@cesium/engine';
import type { SplitView } from '../engine.js';
import type { CesiumTilesetLayer } from './tileset-layer.js';

/** What a split view needs from its engine. */
export interface SplitHost {
  scene: Scene;
  canvas: HTMLCanvasElement;
  layers: ReadonlyMap<string, CesiumTilesetLayer>;
  /** The engine-wide hidden set (the page's and the shown variant's). */
  hidden(): ReadonlySet<string>;
  /** A second instance of a layer's tileset, added to the scene once loaded (then `ready`). */
  twin(layer: CesiumTilesetLayer, ready: () => void): CesiumTilesetLayer;
  /** Takes a twin out of the scene and frees it. */
  dropTwin(twin: CesiumTilesetLayer): void;
  /** Whether the two sides now draw different buildings (then their shadows would fall on both). */
  sidesDiffer(differ: boolean): void;
  requestRender(): void;
}

type Side = 0 | 1;

/**
 * Two states of the scene (SplitView in engine.ts) with Cesium's splitter, which discards a tileset's fragments on
 * one side of `scene.splitPosition`. Per-side hidden buildings: while the two sides hide different ids, every tileset
 * drawn on both sides gets a second instance (its twin) drawn right of the split with the right side's hidden set,
 * the first drawn left with the left's (per-feature show: no geometry change). A twin has its own tile cache and GPU
 * copies of the tiles it shows (HTTP responses come from the browser's cache): while such a split is on, the shared
 * tilesets cost twice their GPU memory. Side by side renders the scene twice per frame into the canvas halves through
 * Cesium's stereo path with no eye separation (one camera, half the aspect), the split at the middle.
 * Shadows: Cesium draws one shadow map a frame without the splitter, so each side's buildings would cast on both
 * sides; while the sides draw different buildings, cast shadows are left out (the engine lacks 'split-shadows').
 */
export class CesiumSplit {
  view: SplitView | null = null;
  private readonly twins = new Map<string, CesiumTilesetLayer>();
  private readonly sideHidden: [ReadonlySet<string>, ReadonlySet<string>] = [new Set(), new Set()];

  constructor(private readonly host: SplitHost) {}

  set(view: SplitView | null): void {
    this.view = view ? { ...view, position: Math.min(1, Math.max(0, view.position)) } : null;
    this.setStereo(this.view?.mode === 'side-by-side');
    this.sync();
  }

  /** The engine-wide hidden set, a layer or a layer's visibility changed. */
  sync(): void {
    const view = this.view;
    const base = this.host.hidden();
    this.sideHidden[0] = view ? new Set([...base, ...view.left.hidden]) : base;
    this.sideHidden[1] = view ? new Set([...base, ...view.right.hidden]) : base;
    const differ = !!view && !sameSet(this.sideHidden[0], this.sideHidden[1]);
    for (const [id, layer] of this.host.layers) {
      if (differ && this.sideOf(id) === null) {
        if (!this.twins.has(id)) this.twins.set(id, this.host.twin(layer, () => this.sync()));
      } else this.drop(id);
    }
    for (const id of [...this.twins.keys()]) if (!this.host.layers.has(id)) this.drop(id);
    this.host.scene.splitPosition = !view ? 0.5 : view.mode === 'side-by-side' ? 0.5 : view.position;
    for (const [id, layer] of this.host.layers) {
      const side = this.sideOf(id);
      const twin = this.twins.get(id);
      const direction = side === 0 || (side === null && twin) ? SplitDirection.LEFT : side === 1 ? SplitDirection.RIGHT : SplitDirection.NONE;
      if (layer.tileset) layer.tileset.splitDirection = direction;
      if (twin?.tileset) {
        twin.tileset.splitDirection = SplitDirection.RIGHT;
        twin.tileset.show = layer.visible;
      }
    }
    for (const layer of this.drawn()) layer.restyle();
    this.host.sidesDiffer(differ || (!!view && [...this.host.layers.keys()].some((id) => this.sideOf(id) !== null)));
    this.host.requestRender();
  }

  /** The ids hidden where a layer draws. */
  hiddenOf(layer: CesiumTilesetLayer): ReadonlySet<string> {
    if (!this.view) return this.host.hidden();
    if (this.twins.get(layer.id) === layer) return this.sideHidden[1];
    return this.sideHidden[this.sideOf(layer.id) ?? 0];
  }

  /** Every drawn layer: the engine's and their twins. */
  *drawn(): Iterable<CesiumTilesetLayer> {
    yield* this.host.layers.values();
    yield* this.twins.values();
  }

  /**
   * Runs a synchronous pick as the side under a window point draws it: the splitter keeps only that side's tilesets
   * whatever the point's pixel; side by side, the point in its half maps to the full canvas the pick pass draws
   * (one camera of half the aspect, as the halves are drawn), with the stereo path off.
   */
  atSide<T>(at: Cartesian2, run: (at: Cartesian2) => T): T {
    const view = this.view;
    if (!view) return run(at);
    const scene = this.host.scene as Scene & { _useWebVR: boolean };
    const width = this.host.canvas.clientWidth;
    const sideBySide = view.mode === 'side-by-side';
    const side: Side = at.x < width * (sideBySide ? 0.5 : view.position) ? 0 : 1;
    const point = sideBySide ? new Cartesian2((at.x - (side ? width / 2 : 0)) * 2, at.y) : at;
    const saved = scene.splitPosition;
    scene.splitPosition = side === 0 ? 1 : 0;
    scene._useWebVR = false;
    try {
      return run(point);
    } finally {
      scene.splitPosition = saved;
      scene._useWebVR = sideBySide;
    }
  }

  dispose(): void {
    for (const id of [...this.twins.keys()]) this.drop(id);
  }

  /** 0 or 1 for a tileset listed on one side only, null for one drawn on both. */
  private sideOf(id: string): Side | null {
    const view = this.view;
    if (!view) return null;
    const left = view.left.tilesets.includes(id);
    const right = view.right.tilesets.includes(id);
    return left === right ? null : left ? 0 : 1;
  }

  private drop(id: string): void {
    const twin = this.twins.get(id);
    if (!twin) return;
    this.twins.delete(id);
    this.host.dropTwin(twin);
  }

  /**
   * Cesium's stereo path (Scene.useWebVR) without its setter, which would also follow the phone's orientation: the
   * scene drawn into both halves with `eyeSeparation` 0. Off again, the camera gets the canvas's aspect back.
   */
  private setStereo(on: boolean): void {
    const scene = this.host.scene as Scene & { _useWebVR: boolean };
    if (scene._useWebVR === on) return;
    scene._useWebVR = on;
    scene.eyeSeparation = 0;
    const frustum = scene.camera.frustum as PerspectiveFrustum;
    const { clientWidth: w, clientHeight: h } = this.host.canvas;
    if (w > 0 && h > 0) frustum.aspectRatio = (on ? w / 2 : w) / h;
    frustum.xOffset = 0;
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}
