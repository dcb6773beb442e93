import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  compileStyle,
  parseLang,
  parseView,
  PluginRegistry,
  t,
  type ErrorDetail,
  type FeatureStyle,
  type Lang,
  type StyleRule,
  type ViewState,
} from '../core/index.js';
import type { Engine, EngineName, EngineOptions, PickResult } from '../engines/engine.js';
import { EngineController, type EngineControllerHost } from './engine-controller.js';
import { isEngineName } from './engine-loaders.js';
import { panelFor, renderInfoPanel, type InfoPanelState } from './info-panel.js';
import type { ViewerPlugin } from './viewer-plugin.js';
import { isTwinbyLayer, whenLayersDefined, type LayerHost, type TwinbyLayerElement } from './layer-element.js';
import { renderLegend } from './legend.js';
import { StageInput } from './stage-input.js';
import { TilesetPrefetch } from './tileset-prefetch.js';
import { dispatch, type SelectDetail } from './viewer-events.js';
import { viewerStyles } from './viewer-styles.js';
import { unionHidden } from './hidden-sets.js';
import { flyHome } from './home-view.js';

const mainLayerId = 'twinby-src';

/**
 * <twinby-viewer src="tileset.json" view="lon,lat,height,heading,pitch" lang="de|en" engine="three|cesium">
 * Streams 3D Tiles, picks and colours buildings. Methods return promises; events are twinby-* CustomEvents.
 * @tagname twinby-viewer
 */
export class TwinbyViewer extends LitElement implements EngineControllerHost {
  static override styles = viewerStyles;
  static override properties = {
    src: { type: String },
    view: { type: String },
    lang: { type: String, reflect: true },
    engine: { type: String },
    preserveDrawingBuffer: { type: Boolean, attribute: 'preserve-drawing-buffer' },
    _progress: { state: true },
    _loading: { state: true },
    _message: { state: true },
    _info: { state: true },
    _announce: { state: true },
    _heading: { state: true },
  };

  declare src: string | null;
  declare view: string | null;
  declare lang: string;
  declare engine: string;
  declare preserveDrawingBuffer: boolean;
  declare private _progress: number;
  declare private _loading: boolean;
  declare private _message: string | null;
  declare private _info: InfoPanelState | null;
  declare private _announce: string;
  declare private _heading: number;

  /** Plugins of this viewer (register, unregister, get by name). */
  readonly plugins = new PluginRegistry<ViewerPlugin>();

  private readonly engines: EngineController;
  private featureStyle: FeatureStyle | null = null;
  private hiddenSet = new Set<string>();
  private readonly layerHidden = new Map<string, ReadonlySet<string>>();
  private selection: PickResult | null = null;
  private lastView: ViewState | null = null;
  private layers = new Set<TwinbyLayerElement>();
  private unsubscribe: Array<() => void> = [];
  private waiters: Array<(engine: Engine) => void> = [];
  private readonly input = new StageInput({
    stage: () => this.stage(),
    pick: (x, y) => void this.pickAt(x, y),
    escape: () => {
      if (!this._info) return false;
      this.closePanel();
      return true;
    },
  });
  private prefetch: TilesetPrefetch | null = null;

  constructor() {
    super();
    this.src = null;
    this.view = null;
    this.lang = 'de';
    this.engine = 'three';
    this.preserveDrawingBuffer = false;
    this._progress = 0;
    this._loading = false;
    this._message = null;
    this._info = null;
    this._announce = '';
    this._heading = 0;
    this.engines = new EngineController(this);
  }

  // ---- public API -----------------------------------------------------------------------------

  /** The running engine, or null (before connection, after disconnection, while loading). */
  get activeEngine(): Engine | null {
    return this.engines.engine;
  }

  /** Resolves with the engine as soon as one runs. */
  whenEngine(): Promise<Engine> {
    const engine = this.engines.engine;
    return engine ? Promise.resolve(engine) : new Promise((resolve) => this.waiters.push(resolve));
  }

  async flyTo(view: ViewState | string, options: { duration?: number } = {}): Promise<void> {
    const target = typeof view === 'string' ? parseView(view) : view;
    const engine = await this.whenEngine();
    await engine.flyTo(target, options);
  }

  /** Selects a building in the loaded tiles by id: highlights it, opens the panel, fires twinby-select. */
  async select(id: string | null): Promise<SelectDetail> {
    const engine = await this.whenEngine();
    if (id === null) return this.applySelection(null);
    let attributes = engine.getFeatureAttributes(id);
    if (!attributes && this._loading) {
      await engine.events.next('tiles-loaded');
      attributes = engine.getFeatureAttributes(id);
    }
    if (!attributes) throw new Error(`building "${id}" is not in the loaded tiles`);
    const position = { lon: NaN, lat: NaN, height: NaN };
    return this.applySelection({ kind: 'building', layerId: '', id, attributes, position });
  }

  /** Colours buildings by a rule (see StyleRule); null restores the tileset's materials. Rejects a broken rule. */
  async setStyle(rule: StyleRule | null): Promise<void> {
    this.featureStyle = rule === null ? null : compileStyle(rule);
    this.engines.engine?.setStyle(this.featureStyle);
    this.requestUpdate();
  }

  async hide(ids: Iterable<string>): Promise<void> {
    for (const id of ids) this.hiddenSet.add(id);
    this.engines.engine?.setHidden(unionHidden(this.hiddenSet, this.layerHidden));
  }

  async show(ids: Iterable<string>): Promise<void> {
    for (const id of ids) this.hiddenSet.delete(id);
    this.engines.engine?.setHidden(unionHidden(this.hiddenSet, this.layerHidden));
  }

  /** The colouring rule set with setStyle (null: the tileset's materials) and the selected id, for view links. */
  get styleRule(): StyleRule | null {
    return this.featureStyle?.rule ?? null;
  }

  get selectedId(): string | null {
    return this.selection?.id ?? null;
  }

  /** The ids hidden with hide(). */
  get hiddenIds(): ReadonlySet<string> {
    return this.hiddenSet;
  }

  // ---- engine controller host -----------------------------------------------------------------

  engineName(): EngineName {
    return isEngineName(this.engine) ? this.engine : 'three';
  }

  stage(): HTMLElement | null {
    return this.renderRoot.querySelector('.stage');
  }

  engineOptions(): EngineOptions {
    let view: ViewState | undefined = this.lastView ?? undefined;
    if (!view && this.view) {
      try {
        view = parseView(this.view);
      } catch (error) {
        this.report({ kind: 'parse', message: (error as Error).message });
      }
    }
    return { view, preserveDrawingBuffer: this.preserveDrawingBuffer };
  }

  engineStarted(engine: Engine): void {
    this._message = null;
    const on = engine.events;
    this.unsubscribe = [
      on.on('ready', (d) => dispatch(this, 'twinby-ready', { engine: engine.name, tilesets: d.tilesets })),
      on.on('error', (d) => this.report(d)),
      on.on('load-progress', (d) => {
        this._progress = d.progress;
        this._loading = d.loading;
        dispatch(this, 'twinby-load-progress', d);
      }),
      on.on('style-applied', () => this.requestUpdate()),
      on.on('view-change', ({ view }) => {
        this.lastView = view;
        if (Math.abs(view.heading - this._heading) > 0.5) this._heading = view.heading;
        dispatch(this, 'twinby-view-change', { view });
      }),
    ];
    if (this.featureStyle) engine.setStyle(this.featureStyle);
    if (this.hiddenSet.size || this.layerHidden.size) engine.setHidden(unionHidden(this.hiddenSet, this.layerHidden));
    if (this.selection?.kind === 'building') engine.setSelected(this.selection.id);
    if (this.src) this.addMainTileset(engine);
    this.syncLayers();
    this.plugins.invokeAll('engineStarted', engine);
    for (const resolve of this.waiters.splice(0)) resolve(engine);
  }

  engineStopped(engine: Engine): void {
    if (!this.lastView) this.lastView = engine.getView();
    for (const layer of this.layers) layer.detachLayer();
    this.layers.clear();
    for (const off of this.unsubscribe.splice(0)) off();
    this.plugins.invokeAll('engineStopped', engine);
  }

  engineFailed(error: Error): void {
    this._message = t(this.langCode, 'viewer.engineMissing', { engine: this.engineName(), message: error.message });
    dispatch(this, 'twinby-error', { kind: 'engine', message: error.message });
  }

  // ---- Lit ------------------------------------------------------------------------------------

  override connectedCallback(): void {
    // the model downloads while the engine's code loads
    if (this.src && !this.prefetch) this.prefetch = new TilesetPrefetch(new URL(this.src, document.baseURI).href);
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.prefetch?.dispose();
    this.prefetch = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const engine = this.engines.engine;
    if (changed.has('engine') && changed.get('engine') !== undefined) this.engines.restart();
    if (!engine) return;
    if (changed.has('src') && changed.get('src') !== undefined) {
      engine.removeTileset(mainLayerId);
      if (this.src) this.addMainTileset(engine);
    }
    if (changed.has('view') && changed.get('view') !== undefined && this.view) {
      this.flyTo(this.view).catch((error: Error) => this.report({ kind: 'parse', message: error.message }));
    }
    if (changed.has('lang') && changed.get('lang') !== undefined) {
      for (const layer of this.layers) layer.langChanged(this.langCode);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // panel texts follow the language in the same update
    if (changed.has('lang') && this.selection) this._info = this.panelFor(this.selection);
  }

  override render() {
    const lang = this.langCode;
    const legend = this.featureStyle ? { title: this.featureStyle.title(lang), entries: this.featureStyle.legend(lang) } : null;
    return html`<div
        class="stage"
        part="stage"
        role="application"
        aria-label=${t(lang, 'viewer.label')}
        aria-describedby="keyboard-help"
        @pointerdown=${this.input.pointerDown}
        @pointerup=${this.input.pointerUp}
        @keydown=${this.input.keyDown}
        @focusin=${this.input.focusIn}
      ></div>
      <div
        class="progress ${this._loading ? '' : 'done'}"
        part="progress"
        role="progressbar"
        aria-label=${t(lang, 'viewer.loading')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(this._progress * 100)}
        style=${styleMap({ width: `${Math.round((this._loading ? this._progress : 1) * 100)}%` })}
      ></div>
      <div class="controls" part="controls">
        <button class="home" part="button home-button" type="button" aria-label=${t(lang, 'viewer.home')} title=${t(lang, 'viewer.home')} @click=${this.goHome}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M3 11 12 3l9 8v10h-6v-6H9v6H3z" fill="currentColor" /></svg>
        </button>
        <button class="north" part="button north-button" type="button" aria-label=${t(lang, 'viewer.north')} title=${t(lang, 'viewer.north')} @click=${this.northUp}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" style=${styleMap({ transform: `rotate(${-this._heading}deg)` })}>
            <path d="M12 2 18 20 12 16 6 20z" fill="currentColor" />
          </svg>
        </button>
      </div>
      ${renderLegend(legend, lang)} ${renderInfoPanel(this._info, lang, () => this.closePanel())}
      ${this._message ? html`<div class="message" part="message" role="alert">${this._message}</div>` : nothing}
      <div class="sr-only" id="keyboard-help">${t(lang, 'viewer.keyboardHelp')}</div>
      <div class="sr-only" aria-live="polite">${this._announce}</div>
      <slot @slotchange=${this.syncLayers}></slot>`;
  }

  // ---- internals ------------------------------------------------------------------------------

  private get langCode(): Lang {
    return parseLang(this.lang);
  }

  private addMainTileset(engine: Engine): void {
    const url = new URL(this.src!, document.baseURI).href;
    const prefetch = this.prefetch?.url === url ? this.prefetch : null;
    engine.addTileset(mainLayerId, url, prefetch ? { prefetched: (u) => prefetch.take(u) } : {}).catch(() => {});
  }

  private report(detail: ErrorDetail): void {
    if (detail.kind === 'tileset' || detail.kind === 'webgl') {
      this._message =
        detail.kind === 'webgl'
          ? t(this.langCode, 'viewer.webglMissing')
          : t(this.langCode, 'viewer.tilesetMissing', { url: detail.url ?? '', message: detail.message });
    }
    dispatch(this, 'twinby-error', detail);
  }

  private syncLayers = (): void => {
    const slot = this.renderRoot.querySelector('slot');
    const assigned = slot?.assignedElements({ flatten: true }) ?? [];
    whenLayersDefined(assigned, this.syncLayers);
    const present = new Set(assigned.filter(isTwinbyLayer));
    for (const layer of this.layers) {
      if (!present.has(layer)) {
        layer.detachLayer();
        this.layers.delete(layer);
      }
    }
    const engine = this.engines.engine;
    if (!engine) return;
    const langOf = () => this.langCode;
    const host: LayerHost = {
      engine,
      get lang() {
        return langOf();
      },
      reportError: (detail) => this.report(detail),
      hideFor: (id, ids) => engine.setHidden(unionHidden(this.hiddenSet, this.layerHidden, id, ids)),
    };
    for (const layer of present) {
      if (this.layers.has(layer)) continue;
      this.layers.add(layer);
      layer.attachLayer(host);
    }
  };

  private async pickAt(x: number, y: number): Promise<void> {
    const engine = this.engines.engine;
    if (!engine) return;
    const result = await engine.pick(x, y);
    if (result || this.selection) this.applySelection(result);
  }

  private applySelection(result: PickResult | null): SelectDetail {
    const engine = this.engines.engine;
    this.selection = result;
    engine?.setSelected(result?.kind === 'building' ? result.id : null);
    const lang = this.langCode;
    this._info = result ? this.panelFor(result) : null;
    this._announce = result ? t(lang, 'info.selected', { name: this._info!.title }) : t(lang, 'info.deselected');
    const detail: SelectDetail = result
      ? { id: result.id, kind: result.kind, layerId: result.layerId || null, attributes: result.attributes }
      : { id: null, kind: null, layerId: null, attributes: null };
    dispatch(this, 'twinby-select', detail);
    return detail;
  }

  private panelFor(pick: PickResult): InfoPanelState {
    return panelFor(pick, this.langCode, this.plugins.invokeFirst('describePick', pick, this.langCode));
  }

  private closePanel(): void {
    const hadFocus = this.renderRoot.querySelector('.info')?.matches(':focus-within') ?? false;
    this.applySelection(null);
    if (hadFocus) this.renderRoot.querySelector<HTMLElement>('.stage canvas')?.focus();
  }

  private goHome = async (): Promise<void> => {
    if (this.engines.engine) await flyHome(this.engines.engine, this.view);
  };

  private northUp = async (): Promise<void> => {
    await this.engines.engine?.rotateToNorth();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-viewer': TwinbyViewer;
  }
}
