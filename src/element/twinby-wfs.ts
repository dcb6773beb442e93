import { PlanLayerElement } from './plan-layer.js';
import type { LayerHost } from './layer-element.js';
import type { FetchLike } from '../core/sources/wfs-request.js';
import type { WfsCapabilities, WfsVersion } from '../core/formats/wfs/capabilities.js';
import type { LonLatBbox } from '../core/sources/view-extent.js';
import type { WfsClient, WfsSessionEvent, WfsSessionOptions } from '../worker-clients/gml-client.js';

/** Quiet time after the camera stops before the view's features are asked for. */
const VIEW_DEBOUNCE_MS = 300;

/** The layer's source as the page sees it: it lives in the data worker. */
export interface WfsSourceHandle {
  /** Requests in flight, as last reported by the worker. */
  pending(): number;
  capabilities(): Promise<WfsCapabilities>;
  hits(typeName: string, extent?: LonLatBbox): Promise<number | null>;
}

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

  private source: WfsClient | null = null;
  private inFlight = 0;
  private unsubscribe: Array<() => void> = [];
  private viewTimer: ReturnType<typeof setTimeout> | undefined;

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

  /** The source behind the layer (capabilities, hits, requests in flight), while attached. */
  get wfs(): WfsSourceHandle | null {
    const source = this.source;
    if (!source) return null;
    return { pending: () => this.inFlight, capabilities: () => source.capabilities(), hits: (t, e) => source.hits(t, e) };
  }

  private options(): WfsSessionOptions | null {
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
      id: this.layerId,
      storeyHeight: this.storeyHeight,
    };
  }

  protected onAttach(host: LayerHost): void {
    this.renderPanel();
    const options = this.options();
    if (!options) {
      this.fail('wfs', '<twinby-wfs> needs url and type-names');
      return;
    }
    // capabilities, paging, parsing and the overlay all run in the data worker: only the overlay comes back
    this.inFlight = 0;
    this.source = this.startClient().openWfs(options, (event) => this.host === host && this.receive(event), this.fetch ?? undefined);
    this.unsubscribe = [host.engine.events.on('view-change', () => this.scheduleView())];
    void this.updateView(host);
  }

  private receive(event: WfsSessionEvent): void {
    if (event.type === 'loading') {
      this.inFlight = event.pending;
      this.setStatus(event.pending > 0);
    } else if (event.type === 'plan') this.showPlan(event.plan);
    else if (event.type === 'error') this.fail('wfs', event.detail.message, { url: event.detail.url, status: event.detail.status });
  }

  protected onDetach(host: LayerHost): void {
    clearTimeout(this.viewTimer);
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
    const source = this.source;
    if (this.host !== host || !source) return;
    const { viewExtent } = await import('./wfs-runtime.js');
    await source.setExtent(viewExtent(view, ground)).catch((err: Error) => this.source === source && this.fail('wfs', err.message));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-wfs': TwinbyWfs;
  }
}
