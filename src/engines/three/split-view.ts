/**
 * Two states of one scene in one canvas (see SplitView in engine.ts). Both passes draw the same
 * loaded tiles: per pass, tileset groups are shown or hidden and the hidden set is swapped (feature
 * textures only, no geometry upload). Side by side uses a second camera that copies the first every
 * frame, so the halves never drift; the tiles are chosen for the first, which sees the same.
 */
import { PerspectiveCamera, Vector4, type Scene, type WebGLRenderer } from 'three';
import type { ViewState } from '../../core/index.js';
import type { SplitSide, SplitView } from '../engine.js';
import type { TilesetLayer } from './tileset-layer.js';
import type { WorldFrame } from './world-frame.js';

export interface SplitHost {
  renderer: WebGLRenderer;
  scene: Scene;
  camera: PerspectiveCamera;
  frame: WorldFrame;
  layers: ReadonlyMap<string, TilesetLayer>;
  /** The engine-wide hidden set (the page's and the shown variant's). */
  hidden(): ReadonlySet<string>;
}

const _viewport = new Vector4();

export class SplitRenderer {
  view: SplitView | null = null;
  /** The hidden set of the pass being drawn, or null outside split passes. */
  passHidden: ReadonlySet<string> | null = null;
  private readonly second = new PerspectiveCamera();
  private readonly sideHidden: [ReadonlySet<string>, ReadonlySet<string>] = [new Set(), new Set()];
  /** Tilesets hidden as a whole (setTilesetVisible), in and out of split views. */
  private readonly hiddenLayers = new Set<string>();

  constructor(private readonly host: SplitHost) {}

  set(view: SplitView | null): void {
    this.view = view ? { ...view, position: Math.min(1, Math.max(0, view.position)) } : null;
    this.baseChanged();
    if (!this.view) {
      this.passHidden = null;
      for (const [id, layer] of this.host.layers) {
        layer.tiles.group.visible = !this.hiddenLayers.has(id);
        layer.restyle();
      }
      this.fitAspect(1);
    }
  }

  setLayerVisible(id: string, visible: boolean): void {
    if (visible) this.hiddenLayers.delete(id);
    else this.hiddenLayers.add(id);
    const layer = this.host.layers.get(id);
    if (layer && !this.view) layer.tiles.group.visible = visible;
  }

  /** The engine-wide hidden set changed: the per-side sets are rebuilt. */
  baseChanged(): void {
    if (!this.view) return;
    const base = this.host.hidden();
    this.sideHidden[0] = new Set([...base, ...this.view.left.hidden]);
    this.sideHidden[1] = new Set([...base, ...this.view.right.hidden]);
  }

  /** Draws both passes; false when no split is active (the engine draws normally). */
  render(): boolean {
    const view = this.view;
    if (!view) return false;
    const { renderer, scene, camera } = this.host;
    const width = renderer.domElement.width / renderer.getPixelRatio();
    const height = renderer.domElement.height / renderer.getPixelRatio();
    const sideBySide = view.mode === 'side-by-side';
    this.fitAspect(sideBySide ? 0.5 : 1);
    if (sideBySide) this.copyCamera();
    const split = sideBySide ? width / 2 : Math.round(width * view.position);
    renderer.getViewport(_viewport);
    renderer.setScissorTest(true);
    for (const side of [0, 1] as const) {
      this.applySide(side);
      const x = side === 0 ? 0 : split;
      const w = side === 0 ? split : width - split;
      if (w <= 0) continue;
      renderer.setScissor(x, 0, w, height);
      if (sideBySide) renderer.setViewport(x, 0, w, height);
      renderer.render(scene, side === 1 && sideBySide ? this.second : camera);
    }
    renderer.setScissorTest(false);
    renderer.setViewport(_viewport);
    // between frames the left state holds (picking and tile loads see it)
    this.applySide(0);
    return true;
  }

  /** For picking at a client point: which side it is on, the point in that side's camera, what is hidden and skipped there. */
  pickContext(clientX: number, base: ReadonlySet<string>): { clientX: number; hidden: ReadonlySet<string>; skip: ReadonlySet<string> } {
    const view = this.view;
    if (!view) return { clientX, hidden: base, skip: this.hiddenLayers };
    const rect = this.host.renderer.domElement.getBoundingClientRect();
    const fraction = view.mode === 'side-by-side' ? 0.5 : view.position;
    const side = clientX - rect.left < rect.width * fraction ? 0 : 1;
    const other = side === 0 ? view.right : view.left;
    let x = clientX;
    if (view.mode === 'side-by-side') x = rect.left + ((clientX - rect.left - (side === 1 ? rect.width / 2 : 0)) * 2);
    return { clientX: x, hidden: this.sideHidden[side], skip: new Set([...this.hiddenLayers, ...other.tilesets.filter((t) => !this.sideOf(side).tilesets.includes(t))]) };
  }

  /** The view of each drawn camera. */
  views(): ViewState[] {
    const { frame, camera } = this.host;
    if (this.view?.mode !== 'side-by-side') return [frame.viewOf(camera)];
    this.copyCamera();
    return [frame.viewOf(camera), frame.viewOf(this.second)];
  }

  private sideOf(side: 0 | 1): SplitSide {
    return side === 0 ? this.view!.left : this.view!.right;
  }

  private applySide(side: 0 | 1): void {
    const view = this.view!;
    const own = this.sideOf(side).tilesets;
    const other = (side === 0 ? view.right : view.left).tilesets;
    this.passHidden = this.sideHidden[side];
    for (const [id, layer] of this.host.layers) {
      layer.tiles.group.visible = !this.hiddenLayers.has(id) && (own.includes(id) || !other.includes(id));
      layer.restyle();
    }
  }

  private copyCamera(): void {
    const { camera } = this.host;
    this.second.copy(camera);
    this.second.updateMatrixWorld();
  }

  /** The camera's aspect for a viewport of `share` of the canvas width. */
  private fitAspect(share: number): void {
    const { renderer, camera } = this.host;
    const canvas = renderer.domElement;
    if (!canvas.width || !canvas.height) return;
    const aspect = (canvas.width * share) / canvas.height;
    if (Math.abs(camera.aspect - aspect) < 1e-9) return;
    camera.aspect = aspect;
    camera.updateProjectionMatrix();
  }
}
