/**
 * <twinby-sun date="2025-03-21" time="15:00" [no-shadows]> inside a <twinby-viewer>: the sun at a local
 * date and time (Europe/Berlin, DST from Intl), shadows in the engine, a time slider from sunrise to sunset,
 * playing a day, presets (21 March, 21 June, 21 December), and "Besonnung vergleichen": the sun hours a
 * variant takes from each neighbouring building on the chosen day, computed in the shadow worker, shown as
 * a sortable table (CSV export) and a heatmap of hours lost on the ground.
 * Property API: `instant` (a Date), `date`, `time`, `shadows`, `comparison`; `play()`, `pause()`, `compare()`.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CompactPanelController, compactPanelStyles } from '../compact-panel.js';
import { PanelLayoutController } from '../panel-layout.js';
import { panelStyles } from '../panel-styles.js';
import { en17037, fromLocal, spa, sunTimes, toLocal, type Lang } from '../../core/index.js';
import type { Engine } from '../../engines/engine.js';
import type { ShadowScenario, SunHoursResult } from '../../worker-clients/shadow-client.js';
import { ShadowClient } from '../../worker-clients/shadow-client.js';
import type { LayerHost } from '../layer-element.js';
import { downloadText } from '../spatial/download.js';
import { classLabel, comparisonCsv, heatmapOverlay, HEATMAP_OVERLAY_ID, lostClasses } from './sun-comparison.js';
import { st } from './sun-strings.js';
import { sunStyles } from './sun-styles.js';
import { renderSunTable, sortRows, type SunSortKey, type SunTableState } from './sun-table.js';

/** Two scenarios to compare: the base (e.g. Bestand) and a variant (hidden ids replaced, planned tilesets added). */
export interface SunComparisonInput {
  base: ShadowScenario;
  variant: ShadowScenario;
  baseLabel?: string;
  variantLabel?: string;
  /** Buildings whose facades are measured; default: those within 150 m of a changed building. */
  buildings?: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const PLAY_STEP_MINUTES = 10;
const PLAY_TICK_MS = 120;

interface ViewerLike extends HTMLElement {
  src: string | null;
  hiddenIds: ReadonlySet<string>;
  select(id: string | null): Promise<unknown>;
}

export class TwinbySun extends LitElement {
  static override styles = [panelStyles, sunStyles, compactPanelStyles];
  static override properties = {
    date: { type: String, reflect: true },
    time: { type: String, reflect: true },
    to: { type: String },
    noShadows: { type: Boolean, attribute: 'no-shadows' },
    comparison: { attribute: false },
    _open: { state: true },
    _playing: { state: true },
    _status: { state: true },
    _error: { state: true },
    _progress: { state: true },
    _table: { state: true },
  };

  /** Local date, YYYY-MM-DD (default: 21 March of this year, DIN EN 17037's reference day). */
  declare date: string;
  /** Local time, HH:MM. */
  declare time: string;
  /** Optional last day (YYYY-MM-DD) of the comparison: hours are then per day over date…to. */
  declare to: string | null;
  declare noShadows: boolean;
  declare comparison: SunComparisonInput | null;
  declare private _open: boolean;
  declare private _playing: boolean;
  declare private _status: string;
  declare private _error: string | null;
  declare private _progress: number | null;
  declare private _table: SunTableState | null;

  readonly isTwinbyLayer = true;
  /** Sun azimuth and elevation (degrees) of the current instant at the view, once an engine shows it. */
  sun: { azimuth: number; elevation: number } | null = null;
  /** The last comparison's result. */
  result: SunHoursResult | null = null;
  private layerHost: LayerHost | null = null;
  private client: ShadowClient | null = null;
  private running: AbortController | null = null;
  private timer = 0;
  private daylightCache: { key: string; value: { sunrise: number; sunset: number } | null } | null = null;

  constructor() {
    super();
    this.date = `${new Date().getFullYear()}-03-21`;
    this.time = '15:00';
    this.to = null;
    this.noShadows = false;
    this.comparison = null;
    this._open = true;
    new CompactPanelController(this, () => this._open, (open) => (this._open = open));
    // below a planning scenario's panel when there is one
    new PanelLayoutController(this, { corner: 'top-left', order: 1, box: () => this.renderRoot.querySelector('.panel'), sheet: () => this._open });
    this._playing = false;
    this._status = '';
    this._error = null;
    this._progress = null;
    this._table = null;
  }

  // ---- layer protocol ------------------------------------------------------------------------

  attachLayer(host: LayerHost): void {
    this.layerHost = host;
    // the first tileset fixes where the scene is: sunrise, sunset and the shown sun are for that place
    this.viewer?.addEventListener('twinby-ready', this.onReady);
    this.apply();
  }

  detachLayer(): void {
    this.viewer?.removeEventListener('twinby-ready', this.onReady);
    this.pause();
    this.running?.abort();
    const engine = this.engine;
    engine?.removeOverlay(HEATMAP_OVERLAY_ID);
    engine?.setSun?.({ date: Date.now(), enabled: false });
    this.layerHost = null;
  }

  langChanged(_lang: Lang): void {
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
    this.running?.abort();
    this.client?.dispose();
    this.client = null;
  }

  // ---- public API ----------------------------------------------------------------------------

  /** The instant of date and time in Europe/Berlin. */
  get instant(): Date {
    const [year, month, day] = this.date.split('-').map(Number);
    const [hour, minute] = this.time.split(':').map(Number);
    return new Date(fromLocal({ year, month, day, hour, minute }));
  }

  set instant(value: Date) {
    const l = toLocal(value.getTime());
    this.date = `${l.year}-${pad(l.month)}-${pad(l.day)}`;
    this.time = `${pad(l.hour)}:${pad(l.minute)}`;
  }

  /** Sunrise and sunset of the date at the view, as local minutes of the day (null in polar day or night). */
  get daylight(): { sunrise: number; sunset: number } | null {
    const place = this.place();
    // cached per day and place: every render asks, and a day's search costs a few hundred SPA evaluations
    const key = `${this.date}|${place.lat.toFixed(3)}|${place.lon.toFixed(3)}`;
    if (this.daylightCache?.key === key) return this.daylightCache.value;
    const [year, month, day] = this.date.split('-').map(Number);
    const times = sunTimes(year, month, day, place);
    const minutes = (ms: number) => {
      const l = toLocal(ms);
      return l.hour * 60 + l.minute;
    };
    const value = times.sunrise === null || times.sunset === null ? null : { sunrise: Math.ceil(minutes(times.sunrise)), sunset: Math.floor(minutes(times.sunset)) };
    this.daylightCache = { key, value };
    return value;
  }

  /** Plays the day from now (or sunrise) to sunset in 10-minute steps; nothing renders between steps. */
  play(): void {
    if (this._playing) return;
    const day = this.daylight;
    if (!day) return;
    if (this.minutes() >= day.sunset || this.minutes() < day.sunrise) this.setMinutes(day.sunrise);
    this._playing = true;
    const tick = () => {
      const next = this.minutes() + PLAY_STEP_MINUTES;
      if (next > day.sunset) return this.pause();
      this.setMinutes(next);
      this.emitChange();
      this.timer = window.setTimeout(tick, PLAY_TICK_MS);
    };
    this.timer = window.setTimeout(tick, PLAY_TICK_MS);
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = 0;
    this._playing = false;
  }

  /**
   * Compares two states on `date`: `comparison`, else a <twinby-scenario>'s Bestand against its shown variant,
   * else the viewer's main tileset against everything now shown (hidden ids left out).
   */
  async compare(): Promise<SunHoursResult> {
    const input = this.comparison ?? this.defaultComparison();
    this.running?.abort();
    const abort = (this.running = new AbortController());
    const lang = this.uiLang;
    this._error = null;
    this._progress = 0;
    this._status = st(lang, 'loading');
    this.client ??= new ShadowClient();
    try {
      const result = await this.client.sunHours(
        { base: input.base, variant: input.variant, from: this.date, to: this.to && this.to > this.date ? this.to : undefined, buildings: input.buildings, minAltitude: en17037.defaultMinAltitude },
        {
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase === 'computing') {
              this._progress = p.fraction;
              this._status = st(lang, 'computing', { percent: Math.round(p.fraction * 100) });
            }
            this.dispatchEvent(new CustomEvent('twinby-sun-progress', { detail: p, bubbles: true, composed: true }));
          },
        },
      );
      this.result = result;
      const labels = { base: input.baseLabel ?? st(lang, 'base'), variant: input.variantLabel ?? st(lang, 'variant') };
      this._table = { rows: sortRows(result.buildings, 'lostHours', true), sort: 'lostHours', descending: true, labels };
      const engine = this.engine;
      engine?.removeOverlay(HEATMAP_OVERLAY_ID);
      engine?.addOverlay(heatmapOverlay(result, lang));
      const losing = result.buildings.filter((b) => b.lostHours > 0.005).length;
      const day = result.to !== result.from ? `${result.from} – ${result.to}` : result.from;
      this._status = losing
        ? st(lang, 'done', { day, count: result.buildings.length, seconds: (result.elapsedMs / 1000).toFixed(1), rays: (result.rays / 1e6).toFixed(1) })
        : st(lang, 'nothing');
      this.dispatchEvent(new CustomEvent('twinby-sun-compare', { detail: { result }, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      this._status = abort.signal.aborted ? st(lang, 'cancelled') : '';
      if (!abort.signal.aborted) this._error = st(lang, 'failed', { message: (error as Error).message });
      throw error;
    } finally {
      if (this.running === abort) this.running = null;
      this._progress = null;
    }
  }

  cancelCompare(): void {
    this.running?.abort();
  }

  // ---- internals -----------------------------------------------------------------------------

  private readonly onReady = (): void => this.apply();

  private get engine(): Engine | null {
    return this.layerHost?.engine ?? null;
  }

  private get uiLang(): Lang {
    return this.layerHost?.lang ?? (this.closest('twinby-viewer')?.getAttribute('lang') === 'en' ? 'en' : 'de');
  }

  private get viewer(): ViewerLike | null {
    return this.closest('twinby-viewer') as ViewerLike | null;
  }

  private place() {
    const view = this.engine?.getView();
    return view ? { lat: view.lat, lon: view.lon, elevation: 0 } : { lat: 48.14, lon: 11.58, elevation: 0 };
  }

  private defaultComparison(): SunComparisonInput {
    const viewer = this.viewer;
    const main = viewer?.src ? [viewer.src] : [];
    // a planning scenario in the viewer: Bestand (or the compared side) against the variant shown
    const scenario = viewer?.querySelector('twinby-scenario') as { sunComparison?(base: string[]): SunComparisonInput | null } | null;
    const planned = main.length ? scenario?.sunComparison?.(main) : null;
    if (planned) return planned;
    const extra = [...(viewer?.querySelectorAll('twinby-tileset') ?? [])].map((t) => t.getAttribute('src')).filter((s): s is string => !!s);
    if (main.length + extra.length === 0) throw new Error('<twinby-sun>: no tileset to compare (set `comparison`)');
    const base = main.length ? main : extra;
    return { base: { tilesets: base }, variant: { tilesets: [...new Set([...base, ...extra])], hidden: [...(viewer?.hiddenIds ?? [])] } };
  }

  private minutes(): number {
    const [h, m] = this.time.split(':').map(Number);
    return h * 60 + m;
  }

  private setMinutes(total: number): void {
    this.time = `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
  }

  private apply(): void {
    const engine = this.engine;
    if (!engine?.setSun) return;
    engine.setSun({ date: this.instant, enabled: !this.noShadows });
    // what the panel shows: the sun at the view (the engine lights from its world origin, nearby)
    const p = spa({ ...this.place(), date: this.instant });
    this.sun = { azimuth: p.azimuth, elevation: p.elevation };
    this.requestUpdate();
  }

  private emitChange(): void {
    this.dispatchEvent(new CustomEvent('twinby-sun-change', { detail: { date: this.date, time: this.time, instant: this.instant, sun: this.sun }, bubbles: true, composed: true }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('date') || changed.has('time') || changed.has('noShadows')) this.apply();
  }

  private preset(month: number): void {
    this.date = `${this.date.slice(0, 4)}-${pad(month)}-21`;
    this.emitChange();
  }

  private sortBy(key: SunSortKey): void {
    const t = this._table;
    if (!t) return;
    const descending = t.sort === key ? !t.descending : key !== 'id';
    this._table = { ...t, sort: key, descending, rows: sortRows(t.rows, key, descending) };
  }

  private exportCsv(): void {
    if (!this.result || !this._table) return;
    downloadText(comparisonCsv(this.result, this._table.labels), `besonnung-${this.date}.csv`, 'text/csv;charset=utf-8');
  }

  override render() {
    const lang = this.uiLang;
    return html`<section class="panel ${this._open ? '' : 'collapsed'}" aria-label=${st(lang, 'title')}>
      <div class="row">
        <button type="button" aria-expanded=${this._open ? 'true' : 'false'} @click=${() => (this._open = !this._open)}>${st(lang, 'title')}</button>
      </div>
      ${this._open ? this.renderBody(lang) : nothing}
    </section>`;
  }

  private renderBody(lang: Lang) {
    const day = this.daylight;
    const clock = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
    const sun = this.sun;
    const num = (n: number) => n.toLocaleString(lang === 'en' ? 'en' : 'de', { maximumFractionDigits: 1 });
    return html`<div class="row">
        <label>${st(lang, 'date')} <input type="date" class="date" .value=${this.date} @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (v) this.date = v;
          this.emitChange();
        }} /></label>
        <label>${st(lang, 'to')} <input type="date" class="to" .value=${this.to ?? ''} min=${this.date} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value || null)} /></label>
        <label><input type="checkbox" class="shadows" .checked=${!this.noShadows} @change=${(e: Event) => {
          this.noShadows = !(e.target as HTMLInputElement).checked;
          this.emitChange();
        }} /> ${st(lang, 'shadows')}</label>
      </div>
      <div class="row">
        <button type="button" class="preset-march" @click=${() => this.preset(3)}>${st(lang, 'march')}</button>
        <button type="button" class="preset-june" @click=${() => this.preset(6)}>${st(lang, 'june')}</button>
        <button type="button" class="preset-december" @click=${() => this.preset(12)}>${st(lang, 'december')}</button>
      </div>
      <div class="row">
        <label style="flex:1">${st(lang, 'time')} ${this.time}
          <input type="range" class="time" min=${day?.sunrise ?? 0} max=${day?.sunset ?? 1439} step="1" .value=${String(this.minutes())}
            aria-valuetext=${this.time} @input=${(e: Event) => {
              this.setMinutes(Number((e.target as HTMLInputElement).value));
              this.emitChange();
            }} />
        </label>
        <button type="button" class="play" aria-pressed=${this._playing ? 'true' : 'false'} @click=${() => (this._playing ? this.pause() : this.play())}>
          ${this._playing ? st(lang, 'pause') : st(lang, 'play')}
        </button>
      </div>
      <p class="status">${day ? html`${st(lang, 'sunrise', { time: clock(day.sunrise) })} · ${st(lang, 'sunset', { time: clock(day.sunset) })}` : nothing}
        ${sun ? html`<br />${sun.elevation > 0 ? st(lang, 'position', { azimuth: num(sun.azimuth), elevation: num(sun.elevation) }) : st(lang, 'night')}` : nothing}</p>
      <div class="row">
        <button type="button" class="compare" ?disabled=${this._progress !== null} @click=${() => void this.compare().catch(() => {})}>${st(lang, 'compare')}</button>
        ${this._progress !== null ? html`<button type="button" class="cancel" @click=${() => this.cancelCompare()}>${st(lang, 'cancel')}</button>` : nothing}
      </div>
      ${this._progress !== null ? html`<progress max="1" .value=${this._progress}></progress>` : nothing}
      <p class="status" role="status" aria-live="polite">${this._status}</p>
      ${this._error ? html`<p class="status error" role="alert">${this._error}</p>` : nothing}
      ${this._table ? this.renderResult(lang, this._table) : nothing}`;
  }

  private renderResult(lang: Lang, table: SunTableState) {
    return html`<ul class="legend" aria-label=${st(lang, 'heatmap')}>
        ${lostClasses.map((c, k) => html`<li><span class="swatch" style="background:${c.colour}"></span>${classLabel(lang, k)}</li>`)}
      </ul>
      <p class="status">${st(lang, 'legendNote', { min: this.result?.minAltitude ?? en17037.defaultMinAltitude })}</p>
      ${renderSunTable(lang, table, { sort: (k) => this.sortBy(k), activate: (id) => void this.viewer?.select(id).catch(() => {}) })}
      <div class="row"><button type="button" class="csv" @click=${() => this.exportCsv()}>${st(lang, 'csv')}</button></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-sun': TwinbySun;
  }
}
