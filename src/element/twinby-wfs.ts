import { PlanLayerElement } from './plan-layer.js';
import type { LayerHost } from './layer-element.js';
import type { WfsSource, WfsSourceOptions } from '../core/sources/wfs-source.js';
import type { FetchLike } from '../core/sources/wfs-request.js';
import type { Feature } from '../core/formats/feature.js';
import type { WfsVersion } from '../core/formats/wfs/capabilities.js';

/** Quiet time after the camera stops before the view's features are asked for. */
const VIEW_DEBOUNCE_MS = 300;
/** Pages arriving close together are drawn once. */
const BUILD_DEBOUNCE_MS = 120;

/**
 * <twinby-wfs url="https://…/wfs" type-names="xplan:BP_BaugebietsTeilFlaeche,xplan:BP_BauGrenze"
 *             [version="2.0.0|1.1.0"] [format="geojson|gml"] [storey-height="3.5"] [page-size] [cell-size]>:
 * features of the current view from a WFS, as a Bebauungsplan overlay (XPlanung types) or plain
 * shapes (other types). Requests a moved camera made stale are aborted; finished areas are cached.
 * Failures become twinby-error events on the viewer; what is on screen stays.
 * @tagname twinby-wfs
 */
export class TwinbyWfs extends PlanLayerElement {
  static get observedAttributes(): string[] {
    return ['url', 'type-names', 'version', 'format', 'storey-height', 'page-size', 'cell-size'];
  }

  /** A fetch to use instead of the global one, e.g. to add an Authorization header. Set before attaching. */
  fetch: FetchLike | null = null;

  private source: WfsSource | null = null;
  private unsubscribe: Array<() => void> = [];
  private viewTimer: ReturnType<typeof setTimeout> | undefined;
  private buildTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Counts attaches, so that a slow first import cannot start a layer that was re-attached since. */
  private attaches = 0;

  get url(): string | null {
    return this.getAttribute('url');
  }

  set url(v: string | null) {
    if (v === null) this.removeAttribute('url');
    else this.setAttribute('url', v);
  }

  get typeNames(): string[] {
    return (this.getAttribute('type-names') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  }

  set typeNames(v: string[]) {
    this.setAttribute('type-names', v.join(','));
  }

  /** The source behind the layer (capabilities, hits, features), while attached. */
  get wfs(): WfsSource | null {
    return this.source;
  }

  private options(): WfsSourceOptions | null {
    const url = this.url;
    const typeNames = this.typeNames;
    if (!url || !typeNames.length) return null;
    const num = (name: string) => {
      const v = Number(this.getAttribute(name));
      return Number.isFinite(v) && v > 0 ? v : undefined;
    };
    const version = this.getAttribute('version');
    const format = this.getAttribute('format');
    return {
      url: new URL(url, document.baseURI).href,
      typeNames,
      version: version === '2.0.0' || version === '1.1.0' ? (version as WfsVersion) : 'auto',
      format: format === 'geojson' || format === 'gml' ? format : 'auto',
      pageSize: num('page-size'),
      cellSize: num('cell-size'),
      fetch: this.fetch ?? undefined,
      parse: this.startClient().parse,
    };
  }

  protected onAttach(host: LayerHost): void {
    this.renderPanel();
    const options = this.options();
    if (!options) {
      this.fail('wfs', '<twinby-wfs> needs url and type-names');
      return;
    }
    // the WFS code (capabilities, paging, XML for error bodies) loads with the first <twinby-wfs> only
    const attach = ++this.attaches;
    void import('./wfs-runtime.js').then(({ WfsSource }) => {
      if (attach === this.attaches && this.host === host) this.start(host, new WfsSource(options));
    });
  }

  private start(host: LayerHost, source: WfsSource): void {
    this.source = source;
    this.unsubscribe = [
      source.events.on('loading', ({ pending }) => this.setStatus(pending > 0)),
      source.events.on('features', ({ features, complete }) => this.scheduleBuild(features, complete)),
      source.events.on('error', (e) => this.fail('wfs', e.message, { url: e.url, status: e.status })),
      host.engine.events.on('view-change', () => this.scheduleView()),
    ];
    void this.updateView(host);
  }

  protected onDetach(host: LayerHost): void {
    this.attaches++;
    clearTimeout(this.viewTimer);
    clearTimeout(this.buildTimer);
    this.generation++;
    for (const off of this.unsubscribe.splice(0)) off();
    this.source?.dispose();
    this.source = null;
    this.stopClient(host);
  }

  private scheduleView(): void {
    clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => this.host && void this.updateView(this.host), VIEW_DEBOUNCE_MS);
  }

  /** Asks the source for the area the camera shows, measured from the ground under the screen centre. */
  private async updateView(host: LayerHost): Promise<void> {
    const view = host.engine.getView();
    const rect = this.parentElement?.getBoundingClientRect();
    let ground = 0;
    if (rect && rect.width > 0) {
      const hit = await host.engine.pickPosition(rect.left + rect.width / 2, rect.top + rect.height / 2).catch(() => null);
      if (hit) ground = hit.height;
    }
    if (this.host !== host || !this.source) return;
    const { viewExtent } = await import('./wfs-runtime.js');
    await this.source.setExtent(viewExtent(view, ground));
  }

  private scheduleBuild(features: Feature[], complete: boolean): void {
    clearTimeout(this.buildTimer);
    const generation = ++this.generation;
    this.buildTimer = setTimeout(() => void this.build(features, generation), complete ? 0 : BUILD_DEBOUNCE_MS);
  }

  private async build(features: Feature[], generation: number): Promise<void> {
    const client = this.client;
    if (!client || !this.host) return;
    try {
      const plan = await client.buildPlan({ features, id: this.layerId, storeyHeight: this.storeyHeight });
      if (generation === this.generation) this.showPlan(plan);
    } catch (err) {
      if (generation === this.generation) this.fail('parse', (err as Error).message);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-wfs': TwinbyWfs;
  }
}
