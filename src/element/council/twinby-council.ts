/**
 * <twinby-council> inside a <twinby-viewer>: council mode. "Link kopieren" writes the whole view (camera,
 * variant, sun, layers, style, selection) into `#view=…` and a link opened with it restores that view.
 * Viewpoints (title, caption, view) are saved, renamed, reordered, removed and kept in a presentation file;
 * present() shows them full screen with large captions, stepped by → ← PageDown PageUp Space (what clickers
 * send) and on-screen buttons; flights follow prefers-reduced-motion (the engine's default). exportPng()
 * renders the view at a chosen size with attribution, north arrow, scale bar, sun time and title.
 * prepareOffline() ("Für die Sitzung vorbereiten") caches the tour for a room without network (council-offline.ts).
 * Events: twinby-council-arrive {index, viewpoint} when a stop's flight ended, twinby-offline-ready {cache, files,
 * bytes}, twinby-error for bad links/files and offline preparations that cannot run.
 */
import { html, LitElement, nothing } from 'lit';
import { parseLang, type Lang } from '../../core/index.js';
import {
  encodeViewParam, freshViewpointId, moveViewpoint, readViewParam, readViewpoints, removeViewpoint, renameViewpoint, setFragmentParam,
  toPresentationFile, VIEW_KEY, type ViewSnapshot, type Viewpoint,
} from '../../core/council/index.js';
import type { LayerHost } from '../layer-element.js';
import { PanelLayoutController } from '../panel-layout.js';
import { panelStyles } from '../panel-styles.js';
import { downloadText } from '../spatial/download.js';
import { renderCouncilPanel, renderStageBar } from './council-panel.js';
import { councilStyles } from './council-styles.js';
import { ct } from './council-texts.js';
import { prepareCouncilOffline } from './council-offline.js';
import type { OfflineProgress } from './offline-files.js';
import { clearOffline, storedTour, type PrepareResult } from './offline-prepare.js';
import { exportPng, type PngOptions, type PngResult } from './png-export.js';
import { applyView, captureView, type CouncilViewer } from './view-capture.js';

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp']);

export class TwinbyCouncil extends LitElement {
  static override styles = [panelStyles, councilStyles];
  static override properties = {
    viewpoints: { attribute: false },
    presentationTitle: { type: String, attribute: 'presentation-title' },
    attribution: { type: String },
    noPanel: { type: Boolean, attribute: 'no-panel' },
    swUrl: { type: String, attribute: 'sw-url' },
    swScope: { type: String, attribute: 'sw-scope' },
    _index: { state: true },
    _progress: { state: true },
    _status: { state: true },
  };

  declare viewpoints: Viewpoint[];
  /** The presentation's title (on exported PNGs and in the presentation file). */
  declare presentationTitle: string;
  /** Attribution when the tileset's asset.copyright has none. */
  declare attribution: string;
  declare noPanel: boolean;
  /** Offline: the Service Worker script (default twinby-sw.js beside the library) and its scope (default its folder). */
  declare swUrl: string | undefined;
  declare swScope: string | undefined;
  declare private _progress: OfflineProgress | null;
  /** Index of the stop shown while presenting, -1 when not presenting. */
  declare private _index: number;
  declare private _status: string;

  readonly isTwinbyLayer = true;
  private layerHost: LayerHost | null = null;
  private hiddenPanels: Array<[HTMLElement, string]> = [];
  private linkApplied = false;

  constructor() {
    super();
    // above the style legend, bottom left
    new PanelLayoutController(this, { corner: 'bottom-left', order: 1, box: () => this.renderRoot.querySelector('.panel') });
    this.viewpoints = [];
    this.presentationTitle = '';
    this.attribution = '';
    this.noPanel = false;
    this._index = -1;
    this._status = '';
    this._progress = null;
  }

  // ---- layer protocol ------------------------------------------------------------------------

  attachLayer(host: LayerHost): void {
    this.layerHost = host;
    this.requestUpdate();
    this.viewer?.addEventListener('twinby-scenario-load', this.adoptScenarioViewpoints);
    this.adoptScenarioViewpoints();
    // a meeting prepared for offline brings its tour back after a reload
    void storedTour().then((file) => file && !this.viewpoints.length && this.load(file));
    if (this.linkApplied || !location.hash.includes(`${VIEW_KEY}=`)) return;
    this.linkApplied = true;
    // the engine places views once its first tileset fixed the scene's origin
    if (host.engine.getHomeView()) void this.openLink();
    else this.viewer?.addEventListener('twinby-ready', () => void this.openLink(), { once: true });
  }

  detachLayer(): void {
    this.viewer?.removeEventListener('twinby-scenario-load', this.adoptScenarioViewpoints);
    this.layerHost = null;
    this.requestUpdate();
  }

  langChanged(_lang: Lang): void {
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.presenting) this.exit();
  }

  // ---- public API ----------------------------------------------------------------------------

  get presenting(): boolean {
    return this._index >= 0;
  }

  /** The stop shown while presenting, or -1. */
  get index(): number {
    return this._index;
  }

  /** What is on screen now. */
  captureView(): ViewSnapshot {
    const viewer = this.viewer;
    if (!viewer) throw new Error('<twinby-council> must be inside a <twinby-viewer>');
    return captureView(viewer);
  }

  /** Shows a view; resolves when the camera arrived. */
  async applyView(view: ViewSnapshot, options: { duration?: number } = {}): Promise<void> {
    const viewer = this.viewer;
    if (!viewer) throw new Error('<twinby-council> must be inside a <twinby-viewer>');
    const problems = await applyView(viewer, view, options);
    for (const message of problems) this.error('view', message);
  }

  /** Writes the view into location.hash (keeping #scenario=… if present) and copies the whole URL; resolves with it. */
  async copyLink(): Promise<string> {
    const param = await encodeViewParam(this.captureView());
    history.replaceState(history.state, '', setFragmentParam(location.hash, VIEW_KEY, param) || location.pathname + location.search);
    const url = location.href;
    const copied = await navigator.clipboard?.writeText(url).then(() => true, () => false);
    this._status = ct(this.uiLang, copied ? 'copied' : 'linkInAddress');
    return url;
  }

  /** Saves what is on screen as a new viewpoint at the end of the list. */
  saveViewpoint(title?: string, caption = ''): Viewpoint {
    const vp: Viewpoint = { id: freshViewpointId(this.viewpoints), title: title ?? ct(this.uiLang, 'untitled', { n: this.viewpoints.length + 1 }), caption, view: this.captureView() };
    this.viewpoints = [...this.viewpoints, vp];
    this.emitChange();
    return vp;
  }

  moveViewpoint(id: string, by: number): void {
    this.viewpoints = moveViewpoint(this.viewpoints, id, by);
    this.emitChange();
  }

  renameViewpoint(id: string, changes: { title?: string; caption?: string }): void {
    this.viewpoints = renameViewpoint(this.viewpoints, id, changes);
    this.emitChange();
  }

  removeViewpoint(id: string): void {
    this.viewpoints = removeViewpoint(this.viewpoints, id);
    this.emitChange();
  }

  /** The presentation as a file (`twinby-presentation`, version 1). */
  toFile(): File {
    return new File([JSON.stringify(toPresentationFile(this.viewpoints, this.presentationTitle || undefined), null, 2)], 'praesentation.twinby.json', { type: 'application/json' });
  }

  /** Reads a presentation file (Blob, JSON text or object); keeps the valid viewpoints, reports the others. */
  async load(input: Blob | string | object): Promise<Viewpoint[]> {
    const file = input instanceof File ? input.name : 'presentation';
    let raw: unknown = input;
    try {
      if (input instanceof Blob) raw = JSON.parse(await input.text());
      else if (typeof input === 'string') raw = JSON.parse(input);
    } catch (err) {
      this.error('parse', `${file}: not JSON (${(err as Error).message})`);
      return this.viewpoints;
    }
    const { viewpoints, title, issues } = readViewpoints(raw);
    for (const issue of issues) this.error('parse', `${file} ${issue.path}: ${issue.message}`);
    this.viewpoints = viewpoints;
    if (title) this.presentationTitle = title;
    return viewpoints;
  }

  /** Full-screen presentation from a stop (default the first). */
  async present(start = 0): Promise<void> {
    if (!this.viewpoints.length) return;
    if (!this.presenting) {
      document.addEventListener('keydown', this.onKey, true);
      this.viewer?.setAttribute('presenting', '');
      this.hidePanels();
      // fullscreen needs a user gesture; from a script the layout alone fills the viewer
      const full = await this.viewer?.requestFullscreen?.().then(() => true, () => false);
      // Escape in fullscreen is taken by the browser: leaving fullscreen ends the presentation too
      if (full) document.addEventListener('fullscreenchange', this.onFullscreenChange);
    }
    await this.go(start);
  }

  async next(): Promise<void> {
    if (this.presenting && this._index < this.viewpoints.length - 1) await this.go(this._index + 1);
  }

  async previous(): Promise<void> {
    if (this.presenting && this._index > 0) await this.go(this._index - 1);
  }

  exit(): void {
    if (!this.presenting) return;
    this._index = -1;
    document.removeEventListener('keydown', this.onKey, true);
    this.viewer?.removeAttribute('presenting');
    for (const [el, display] of this.hiddenPanels.splice(0)) el.style.display = display;
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    if (document.fullscreenElement === this.viewer) void document.exitFullscreen().catch(() => {});
  }

  private onFullscreenChange = (): void => {
    if (!document.fullscreenElement) this.exit();
  };

  /** The current view as a PNG at 1×, 2× or a given size (at most 3840×2160), with attribution and map furniture. */
  async exportPng(options: PngOptions = {}): Promise<PngResult> {
    const viewer = this.viewer;
    const engine = this.layerHost?.engine;
    if (!viewer || !engine) throw new Error('<twinby-council>: no running viewer to export');
    const stage = viewer.renderRoot?.querySelector<HTMLElement>('.stage') ?? viewer;
    return exportPng(engine, stage, viewer, { title: this.presentationTitle, attribution: this.attribution, ...options });
  }

  /** Caches what the tour needs (library, tiles, plan, scenario, base map) for a meeting without network. */
  async prepareOffline(): Promise<PrepareResult | null> {
    const viewer = this.viewer;
    if (!viewer || this._progress) return null;
    const result = await prepareCouncilOffline({
      viewer, lang: this.uiLang, tour: this.viewpoints, title: this.presentationTitle, swUrl: this.swUrl || undefined, swScope: this.swScope || undefined,
      captureView: () => this.captureView(), applyView: (v, o) => this.applyView(v, o),
      status: (text, progress) => ((this._status = text), (this._progress = progress)),
      error: (message) => this.layerHost?.reportError({ kind: 'other', message }),
    });
    if (result) this.dispatchEvent(new CustomEvent('twinby-offline-ready', { detail: result, bubbles: true, composed: true }));
    return result;
  }

  /** Removes this page's prepared meeting from the browser's cache. */
  async clearOffline(): Promise<void> {
    await clearOffline({ swUrl: this.swUrl || undefined, swScope: this.swScope || undefined });
    this._status = ct(this.uiLang, 'cleared');
  }

  // ---- internals -----------------------------------------------------------------------------

  private get viewer(): (CouncilViewer & { renderRoot?: ParentNode }) | null {
    return this.closest('twinby-viewer') as (CouncilViewer & { renderRoot?: ParentNode }) | null;
  }

  private get uiLang(): Lang {
    return parseLang(this.layerHost?.lang ?? this.viewer?.getAttribute('lang') ?? 'de');
  }

  private async go(index: number): Promise<void> {
    this._index = index;
    const vp = this.viewpoints[index];
    await this.applyView(vp.view);
    if (this._index === index) {
      this.dispatchEvent(new CustomEvent('twinby-council-arrive', { detail: { index, viewpoint: vp }, bubbles: true, composed: true }));
    }
  }

  private onKey = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (NEXT_KEYS.has(e.key)) void this.next();
    else if (PREVIOUS_KEYS.has(e.key)) void this.previous();
    else if (e.key === 'Escape') this.exit();
    else return;
    // the stage would move the camera on arrows, the page would scroll on Space and PageDown
    e.preventDefault();
    e.stopPropagation();
  };

  /** The working panels (the other child elements) step aside while presenting. */
  private hidePanels(): void {
    for (const el of this.viewer?.children ?? []) {
      if (el === this || !(el instanceof HTMLElement)) continue;
      this.hiddenPanels.push([el, el.style.display]);
      el.style.display = 'none';
    }
  }

  private async openLink(): Promise<void> {
    const { state, issues } = await readViewParam(location.hash);
    for (const issue of issues) this.error('parse', ct(this.uiLang, 'linkBroken', { message: `${issue.path}: ${issue.message}` }));
    if (state) await this.applyView(state, { duration: 0 });
  }

  private error(kind: 'parse' | 'view', message: string): void {
    this._status = message;
    this.layerHost?.reportError({ kind: kind === 'parse' ? 'parse' : 'other', message });
  }

  private get scenarioElement(): { scenario: { viewpoints?: Viewpoint[] } | null } | null {
    return this.viewer?.querySelector('twinby-scenario') as { scenario: { viewpoints?: Viewpoint[] } | null } | null;
  }

  /** A scenario that brings viewpoints fills an empty list (the page's own list wins). */
  private adoptScenarioViewpoints = (): void => {
    const stored = this.scenarioElement?.scenario?.viewpoints;
    if (stored?.length && !this.viewpoints.length) this.viewpoints = [...stored];
  };

  private emitChange(): void {
    // stored with the scenario, so its file carries the tour; viewpoints change no building, so written in place (no rebuild)
    const scenario = this.scenarioElement?.scenario;
    if (scenario) scenario.viewpoints = [...this.viewpoints];
    this.dispatchEvent(new CustomEvent('twinby-viewpoints-change', { detail: { viewpoints: this.viewpoints }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.uiLang;
    if (this.presenting) return renderStageBar(lang, this.viewpoints, this._index, { previous: () => void this.previous(), next: () => void this.next(), exit: () => this.exit() });
    if (this.noPanel || !this.layerHost) return nothing;
    return html`${renderCouncilPanel(lang, this.viewpoints, this._status, {
      copyLink: () => void this.copyLink(),
      save: () => void this.saveViewpoint(),
      rename: (id, changes) => this.renameViewpoint(id, changes),
      move: (id, by) => this.moveViewpoint(id, by),
      remove: (id) => this.removeViewpoint(id),
      present: () => void this.present(),
      saveFile: () => downloadText(JSON.stringify(toPresentationFile(this.viewpoints, this.presentationTitle || undefined), null, 2), 'praesentation.twinby.json', 'application/json'),
      png: () => void this.exportPng({ scale: 2 }).then((r) => this.downloadPng(r)),
      go: (i) => void this.applyView(this.viewpoints[i].view),
      prepare: () => void this.prepareOffline(),
      clear: () => void this.clearOffline(),
    }, this._progress)}`;
  }

  private downloadPng(result: PngResult): void {
    const url = URL.createObjectURL(result.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'ansicht.png';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-council': TwinbyCouncil;
  }
}
