/**
 * <twinby-basemap> inside a <twinby-viewer>: raster base maps on the ground, a switcher between them and the
 * attribution of the one shown (always visible while a map is on). One layer from attributes:
 *   <twinby-basemap type="wmts" url="…/WMTSCapabilities.xml" layer="de_basemapde_web_raster_farbe"
 *                   attribution="© GeoBasis-DE / BKG (2025) CC BY 4.0" label="basemap.de"></twinby-basemap>
 * or several through the `layers` property (BasemapLayerConfig[]) and `active` (an id, or '' for none).
 * @tagname twinby-basemap
 */
import { html, LitElement, nothing } from 'lit';
import { resolveBasemap, type BasemapLayerConfig, type BasemapSpec, type Extent } from '../../core/basemap/index.js';
import { fromWgs84, toWgs84 } from '../../core/geo/index.js';
import type { Lang } from '../../core/index.js';
import type { LayerHost } from '../layer-element.js';
import { PanelLayoutController } from '../panel-layout.js';
import { basemapText } from './basemap-strings.js';
import { basemapStyles } from './basemap-styles.js';

export class TwinbyBasemap extends LitElement {
  static override styles = basemapStyles;
  static override properties = {
    type: { type: String },
    url: { type: String },
    layer: { type: String },
    matrixSet: { type: String, attribute: 'matrix-set' },
    crs: { type: String },
    format: { type: String },
    extent: { type: String },
    label: { type: String },
    attribution: { type: String },
    opacity: { type: Number },
    layers: { attribute: false },
    active: { type: String, reflect: true },
  };

  declare type: 'wmts' | 'wms' | 'xyz' | null;
  declare url: string | null;
  /** WMTS layer identifier or WMS LAYERS. */
  declare layer: string | null;
  declare matrixSet: string | null;
  declare crs: string | null;
  declare format: string | null;
  /** WMS grid extent "minX,minY,maxX,maxY" in `crs`. */
  declare extent: string | null;
  declare label: string | null;
  declare attribution: string | null;
  declare opacity: number;
  /** Base maps to switch between; replaces the attribute-defined one. Replace the array, do not mutate it. */
  declare layers: BasemapLayerConfig[];
  /** Id of the shown base map ('' for none; default the first). */
  declare active: string | null;

  readonly isTwinbyLayer = true;
  private layerHost: LayerHost | null = null;
  private shownId: string | null = null;
  private applying = 0;

  constructor() {
    super();
    // the attribution keeps the very corner; plan legends stack above it
    new PanelLayoutController(this, { corner: 'bottom-right', order: 0, box: () => this, fixed: true });
    this.type = null;
    this.url = null;
    this.layer = null;
    this.matrixSet = null;
    this.crs = null;
    this.format = null;
    this.extent = null;
    this.label = null;
    this.attribution = null;
    this.opacity = 1;
    this.layers = [];
    this.active = null;
  }

  /** The configured base maps: `layers`, else the one the attributes describe. */
  get configs(): BasemapLayerConfig[] {
    if (this.layers.length) return this.layers;
    const spec = this.specFromAttributes();
    return spec ? [{ id: this.id || 'basemap', title: this.label ?? this.layer ?? basemapText(this.langCode(), 'label'), attribution: this.attribution ?? '', source: spec, opacity: this.opacity }] : [];
  }

  /** The base map on show, or null. */
  get current(): BasemapLayerConfig | null {
    const configs = this.configs;
    if (this.active === '') return null;
    return configs.find((c) => c.id === this.active) ?? configs[0] ?? null;
  }

  attachLayer(host: LayerHost): void {
    this.layerHost = host;
    void this.apply();
  }

  detachLayer(): void {
    this.hide();
    this.layerHost = null;
  }

  langChanged(_lang: Lang): void {
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.hide();
  }

  protected override updated(): void {
    // every property names the map or its source: show it anew (an older apply still running is dropped)
    if (this.layerHost) void this.apply();
  }

  override render() {
    const lang = this.langCode();
    const configs = this.configs;
    const current = this.current;
    const switcher =
      configs.length > 0
        ? html`<label class="switcher" part="switcher"
            >${basemapText(lang, 'label')}
            <select aria-label=${basemapText(lang, 'label')} @change=${this.onSelect}>
              ${configs.map((c) => html`<option value=${c.id} ?selected=${c.id === current?.id}>${c.title}</option>`)}
              <option value="" ?selected=${!current}>${basemapText(lang, 'none')}</option>
            </select></label
          >`
        : nothing;
    // data text is rendered as text by lit, never as HTML
    return html`${switcher}${current?.attribution ? html`<div class="attribution" part="attribution">${current.attribution}</div>` : nothing}`;
  }

  private onSelect = (e: Event): void => {
    this.active = (e.target as HTMLSelectElement).value;
  };

  private langCode(): Lang {
    return this.layerHost?.lang ?? (this.closest('twinby-viewer')?.getAttribute('lang') === 'en' ? 'en' : 'de');
  }

  private specFromAttributes(): BasemapSpec | null {
    if (!this.url || !this.type) return null;
    if (this.type === 'xyz') return { type: 'xyz', url: this.url };
    if (this.type === 'wmts') return { type: 'wmts', url: this.url, layer: this.layer ?? undefined, matrixSet: this.matrixSet ?? undefined, format: this.format ?? undefined };
    const extent = this.extent?.split(',').map(Number);
    return {
      type: 'wms',
      url: this.url,
      layers: this.layer ?? '',
      crs: this.crs ?? undefined,
      format: this.format ?? undefined,
      extent: extent?.length === 4 && extent.every(Number.isFinite) ? (extent as Extent) : undefined,
    };
  }

  private hide(): void {
    if (this.shownId) this.layerHost?.engine.removeBasemap?.(this.shownId);
    this.shownId = null;
  }

  private async apply(): Promise<void> {
    const host = this.layerHost;
    const config = this.current;
    const run = ++this.applying;
    this.hide();
    if (!host || !config || !host.engine.addBasemap) return;
    try {
      const base = document.baseURI;
      const spec = { ...config.source, url: new URL(config.source.url, base).href };
      const resolved = await resolveBasemap(spec, async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.text();
      });
      if (run !== this.applying || this.layerHost !== host) return;
      const epsg = resolved.grid.epsg;
      const id = `basemap:${config.id}`;
      await host.engine.addBasemap({ id, ...resolved, toLonLat: toWgs84(epsg), fromLonLat: fromWgs84(epsg), opacity: config.opacity });
      this.shownId = id;
    } catch (error) {
      if (run !== this.applying) return;
      const message = basemapText(this.langCode(), 'failed', { title: config.title, message: (error as Error).message });
      host.reportError({ kind: 'basemap', layerId: config.id, url: config.source.url, message });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-basemap': TwinbyBasemap;
  }
}
