import type { Emitter } from '../events/emitter.js';
import type { EngineEventMap } from '../events/engine-events.js';
import type { FeatureAttributes } from '../features/feature-attributes.js';
import { compileStyle, type FeatureStyle } from '../style/compile-style.js';
import type { Rgb } from '../style/colour.js';
import type { StyleRule } from '../style/style-rule.js';
import type { ViewState } from '../view/view-state.js';

/** How far one tileset layer has loaded, as an engine reports it after a frame. */
export interface LayerLoadState {
  /** Tiles or the root are being fetched, parsed or expanded. */
  loading: boolean;
  /** All tiles of a view finished loading once (or the root failed). */
  settled: boolean;
  /** 0–1 over the tiles requested since loading last started. */
  progress: number;
}

/** How one building is drawn: not at all, in its own material colour or a style colour, highlighted or not. */
export interface FeatureAppearance {
  hidden: boolean;
  /** The style colour, or null to keep the tileset's own colour. */
  color: Rgb | null;
  selected: boolean;
}

/** A rule or an already compiled style, compiled once; null stays null. */
export function toFeatureStyle(rule: StyleRule | FeatureStyle | null | undefined): FeatureStyle | null {
  if (!rule) return null;
  return 'colorOf' in rule ? rule : compileStyle(rule);
}

/**
 * The state of a scene that belongs to no renderer: the engine-wide style, the hidden and selected
 * buildings, ready and load-progress over the tileset layers, and view-change detection. Every engine
 * holds one and emits its events through it, so both engines answer the same way.
 */
export class EngineState {
  style: FeatureStyle | null = null;
  hidden: ReadonlySet<string> = new Set();
  selected: string | null = null;
  private wasLoading = false;
  private readyEmitted = false;
  private lastCamera: number[] = [];

  constructor(private readonly events: Emitter<EngineEventMap>) {}

  /** Compiles and keeps the engine-wide style (throws on a bad rule, keeping the old one). */
  setStyle(rule: StyleRule | FeatureStyle | null): FeatureStyle | null {
    this.style = toFeatureStyle(rule);
    return this.style;
  }

  setHidden(ids: Iterable<string>): void {
    this.hidden = new Set(ids);
  }

  setSelected(id: string | null): void {
    this.selected = id;
  }

  /** A tileset's own style (e.g. planned buildings) wins over the engine-wide one. */
  styleFor(own: FeatureStyle | null | undefined): FeatureStyle | null {
    return own || this.style;
  }

  /**
   * True when the camera differs from the last call's (any number of its matrix or position);
   * the first call counts as a move.
   */
  cameraMoved(camera: ArrayLike<number>): boolean {
    let moved = camera.length !== this.lastCamera.length;
    for (let i = 0; i < camera.length; i++) {
      if (camera[i] !== this.lastCamera[i]) moved = true;
      this.lastCamera[i] = camera[i];
    }
    this.lastCamera.length = camera.length;
    return moved;
  }

  /**
   * Call after every drawn frame: emits view-change when the camera moved (and the view is placed),
   * load-progress while any layer loads (and 1 once when all stop), and ready once when nothing loads.
   * `others` are sources that are no tileset but that ready waits for too (e.g. a globe's ground).
   */
  afterFrame(frame: { camera: ArrayLike<number>; viewPlaced: boolean; view(): ViewState; layers: readonly LayerLoadState[]; others?: readonly LayerLoadState[] }): void {
    if (this.cameraMoved(frame.camera) && frame.viewPlaced) this.events.emit('view-change', { view: frame.view() });
    const { layers } = frame;
    const busy = (l: LayerLoadState) => l.loading || !l.settled;
    const loading = layers.some(busy) || (frame.others ?? []).some(busy);
    if (loading || this.wasLoading) {
      const sum = layers.reduce((s, l) => s + (l.settled && !l.loading ? 1 : l.progress), 0);
      const progress = layers.length ? sum / layers.length : 1;
      this.events.emit('load-progress', { progress: loading ? Math.min(progress, 0.99) : 1, loading });
    }
    this.wasLoading = loading;
    if (!this.readyEmitted && !loading) {
      this.readyEmitted = true;
      this.events.emit('ready', { tilesets: layers.length });
    }
  }
}

/**
 * How a building is drawn, given its tileset's own style and the hidden set of the pass (split views swap it).
 * A function rather than a method: an engine that colours features its own way (three's feature texture) leaves it out of its bundle.
 */
export function featureAppearance(
  state: Pick<EngineState, 'hidden' | 'selected' | 'styleFor'>,
  id: string,
  attributes: () => FeatureAttributes,
  own?: FeatureStyle | null,
  hidden: ReadonlySet<string> = state.hidden,
): FeatureAppearance {
  if (hidden.has(id)) return { hidden: true, color: null, selected: false };
  const style = state.styleFor(own);
  return { hidden: false, color: style ? style.colorOf(attributes()) : null, selected: id === state.selected };
}
