import { render } from 'lit';
import type { ErrorDetail, Lang, LoadProgressDetail, ViewState } from '../core/index.js';
import type { ConvertProgress, ConvertSummary } from '../worker-clients/citygml-client.js';
import { CityGMLClient } from '../worker-clients/citygml-client.js';
import { serveInMemoryTileset, type InMemoryTileset } from '../worker-clients/in-memory-tileset.js';
import { viewOfBounds } from './bounds-view.js';
import { joinPanelLayout, type PanelSlot } from './panel-layout.js';
import { cityGMLPanelStyles, readFraction, renderCityGMLPanel, type CityGMLPanelState } from './citygml-panel.js';
import { listenForDrops } from './file-drop.js';
import { TwinbyLayerElement, type LayerHost } from './layer-element.js';

const CITYGML_FILE = /\.(gml|xml|citygml)$/i;
const GML_ACCEPT = 'application/gml+xml, application/xml, text/xml, application/octet-stream';

/** detail of `twinby-load-progress` from <twinby-citygml>: the viewer's progress plus what the converter counted. */
export interface CityGMLProgressDetail extends LoadProgressDetail {
  layerId: string;
  file: string;
  bytesRead: number;
  /** The input's size, or null when unknown (a stream without Content-Length). */
  totalBytes: number | null;
  buildings: number;
  tiles: number;
  phase: ConvertProgress['phase'];
}

/** detail of `twinby-citygml-load`: a conversion ended (summary.error says when the input was broken part way). */
export interface CityGMLLoadDetail {
  layerId: string;
  file: string;
  summary: ConvertSummary;
  /** The in-memory tileset now shown, or null when nothing converted. */
  tilesetUrl: string | null;
}

/** detail of the `twinby-error` a broken CityGML raises: kind 'parse', with the place in the file. */
export interface CityGMLErrorDetail extends ErrorDetail {
  file?: string;
  line?: number;
  column?: number;
  code?: string;
}

const abortError = (message: string) => new DOMException(message, 'AbortError');

/**
 * <twinby-citygml src="model.gml" [crs="EPSG:25832"] [geoid="auto|none|<m>"] [droppable]>: a CityGML
 * file converted to 3D Tiles in the browser (the CityGML worker, started on first use) and shown in
 * the <twinby-viewer> from memory, without a server. `load(file)` converts a File, Blob or URL; with
 * `droppable`, a CityGML file dropped on the viewer does the same. `cancel()` stops a conversion.
 * @tagname twinby-citygml
 */
export class TwinbyCityGML extends TwinbyLayerElement {
  static get observedAttributes(): string[] {
    return ['src', 'crs', 'geoid', 'droppable'];
  }

  private client: CityGMLClient | null = null;
  private served: InMemoryTileset | null = null;
  private abort: AbortController | null = null;
  private stopDrops: (() => void) | null = null;
  /** The input of the last load() or drop, kept over re-attaches (src is only read when there is none). */
  private input: Blob | string | null = null;
  private waiting: { resolve: (s: ConvertSummary) => void; reject: (err: unknown) => void } | null = null;
  private panel: CityGMLPanelState = { kind: 'idle' };
  private lastSummary: ConvertSummary | null = null;
  private readonly root: ShadowRoot;
  /** The load message stacks with the viewer's other bottom panels (base map, legends, council). */
  private panelSlot: PanelSlot | null = null;

  connectedCallback(): void {
    this.panelSlot = joinPanelLayout(this, { corner: 'bottom-left', order: 2, box: () => (this.root.childElementCount ? this : null) });
  }

  disconnectedCallback(): void {
    this.panelSlot?.leave();
    this.panelSlot = null;
  }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [cityGMLPanelStyles.styleSheet!];
  }

  get src(): string | null {
    return this.getAttribute('src');
  }

  set src(value: string | null) {
    if (value === null) this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  /** Source CRS when the file names none or an unknown one, e.g. "EPSG:25832". */
  get crs(): string | null {
    return this.getAttribute('crs');
  }

  set crs(value: string | null) {
    if (value === null) this.removeAttribute('crs');
    else this.setAttribute('crs', value);
  }

  /** "auto" (default: EGM96 for normal heights), "none", or a fixed offset in metres. */
  get geoid(): string | null {
    return this.getAttribute('geoid');
  }

  set geoid(value: string | null) {
    if (value === null) this.removeAttribute('geoid');
    else this.setAttribute('geoid', value);
  }

  /** The summary of the last finished conversion, or null. */
  get summary(): ConvertSummary | null {
    return this.lastSummary;
  }

  /** The blob: URL of the converted tileset.json while it is shown, or null. */
  get tilesetUrl(): string | null {
    return this.served?.url ?? null;
  }

  /** The blob: URL of a file of the converted tileset (e.g. "footprints.bin" for <twinby-spatial>), or null. */
  fileUrl(path: string): string | null {
    try {
      return this.served?.urlOf(path) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * Converts a CityGML File, Blob or URL and shows it, replacing what this layer showed. Resolves with
   * the summary once the buildings are on screen, also when the file was broken part way (summary.error;
   * what converted before is shown); rejects when the input cannot be read, and with an AbortError when
   * cancelled or replaced. Before the element is in a running viewer, it waits for that.
   */
  load(input: Blob | string): Promise<ConvertSummary> {
    this.input = input;
    const host = this.host;
    if (!host) {
      this.waiting?.reject(abortError('replaced by a newer load()'));
      return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
    }
    return this.convert(input, host);
  }

  /** Stops the running conversion; what was shown before stays. */
  cancel(): void {
    this.abort?.abort(abortError('The conversion was cancelled'));
  }

  override attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue) return;
    if (name === 'droppable') {
      this.syncDrops();
      return;
    }
    // a new src replaces a dropped file; crs or geoid re-convert what is loaded
    if (name === 'src') this.input = null;
    super.attributeChangedCallback(name, oldValue, newValue);
  }

  override langChanged(_lang: Lang): void {
    this.renderPanel();
  }

  protected onAttach(host: LayerHost): void {
    this.syncDrops();
    this.renderPanel();
    const what = this.input ?? this.src;
    const waiting = this.waiting;
    this.waiting = null;
    if (what) this.convert(what, host).then((s) => waiting?.resolve(s), (err) => waiting?.reject(err));
  }

  protected onDetach(host: LayerHost): void {
    const abort = this.abort;
    this.abort = null;
    abort?.abort(abortError('The layer left the viewer'));
    this.syncDrops();
    host.engine.removeTileset(this.layerId);
    this.served?.revoke();
    this.served = null;
    this.client?.dispose();
    this.client = null;
    if (this.panel.kind === 'converting') this.setPanel({ kind: 'idle' });
  }

  private async convert(input: Blob | string, host: LayerHost): Promise<ConvertSummary> {
    this.abort?.abort(abortError('replaced by a newer load()'));
    const abort = (this.abort = new AbortController());
    const file = nameOf(input);
    let totalBytes = input instanceof Blob ? input.size : null;
    let last: ConvertProgress = { bytesRead: 0, buildings: 0, tiles: 0, phase: 'reading' };
    const report = (p: ConvertProgress) => {
      if (this.abort !== abort) return;
      last = p;
      this.setPanel({ kind: 'converting', file, totalBytes, ...p });
      this.emitProgress(file, totalBytes, p);
    };
    report(last);
    try {
      let source: Blob | ReadableStream<Uint8Array> = input as Blob;
      if (typeof input === 'string') {
        const url = new URL(input, document.baseURI).href;
        // named types and no wildcard: a dev server's SPA fallback answers a missing file with a 404, not index.html
        const res = await fetch(url, { signal: abort.signal, headers: { Accept: GML_ACCEPT } });
        if (!res.ok || !res.body) throw Object.assign(new Error(`${url}: HTTP ${res.status} ${res.statusText}`), { url, status: res.status });
        // a compressed response counts compressed bytes in Content-Length, the converter counts decoded ones
        const length = Number(res.headers.get('content-length'));
        totalBytes = length > 0 && !res.headers.get('content-encoding') ? length : null;
        source = res.body;
      }
      this.client ??= new CityGMLClient();
      const { files, summary } = await this.client.convert(source, {
        signal: abort.signal,
        file,
        crs: this.crs || undefined,
        geoid: this.geoid || undefined,
        onProgress: report,
      });
      if (abort.signal.aborted) throw abort.signal.reason;
      if (summary.error) host.reportError(this.errorDetail(summary.error, file));
      const view = files.has('tileset.json') ? await this.show(files, summary, host) : null;
      if (this.abort !== abort) throw abortError('replaced by a newer load()');
      this.abort = null;
      this.lastSummary = summary;
      this.setPanel({ kind: 'done', file, summary });
      this.emitProgress(file, totalBytes, { bytesRead: summary.bytesRead, buildings: summary.buildings, tiles: summary.tiles, phase: 'done' });
      const detail: CityGMLLoadDetail = { layerId: this.layerId, file, summary, tilesetUrl: this.tilesetUrl };
      this.dispatchEvent(new CustomEvent('twinby-citygml-load', { detail, bubbles: true, composed: true }));
      if (view) await host.engine.flyTo(view);
      return summary;
    } catch (err) {
      if (abort.signal.aborted) {
        if (this.abort === abort) {
          // cancel(): the previous model stays, the panel says so
          this.abort = null;
          this.setPanel({ kind: 'cancelled', file });
          this.emitProgress(file, totalBytes, { ...last, phase: 'done' });
        }
        throw abort.signal.reason ?? err;
      }
      if (this.abort === abort) this.abort = null;
      const e = err as Error & { url?: string; status?: number };
      this.setPanel({ kind: 'unreadable', file, message: e.message });
      host.reportError({ kind: 'other', message: e.message, layerId: this.layerId, ...(e.url ? { url: e.url } : {}), ...(e.status ? { status: e.status } : {}) });
      throw err;
    }
  }

  /** Puts the converted tileset in the engine in place of the previous one; the view that frames it. */
  private async show(files: Map<string, Uint8Array>, summary: ConvertSummary, host: LayerHost): Promise<ViewState | null> {
    const served = serveInMemoryTileset(files);
    const previous = this.served;
    this.served = served;
    // the engine reports a tileset that cannot load through its error event
    await host.engine.addTileset(this.layerId, served.url).catch(() => {});
    previous?.revoke();
    return summary.bounds ? viewOfBounds(summary.bounds) : null;
  }

  private errorDetail(error: NonNullable<ConvertSummary['error']>, file: string): CityGMLErrorDetail {
    return {
      kind: 'parse',
      message: error.message,
      layerId: this.layerId,
      file: error.file ?? file,
      ...(error.line !== undefined ? { line: error.line } : {}),
      ...(error.column !== undefined ? { column: error.column } : {}),
      ...(error.code ? { code: error.code } : {}),
    };
  }

  private emitProgress(file: string, totalBytes: number | null, p: ConvertProgress): void {
    const fraction = readFraction(p.bytesRead, totalBytes);
    const detail: CityGMLProgressDetail = {
      progress: p.phase === 'reading' ? (fraction ?? 0) : 1,
      loading: p.phase !== 'done',
      layerId: this.layerId,
      file,
      totalBytes,
      ...p,
    };
    this.dispatchEvent(new CustomEvent('twinby-load-progress', { detail, bubbles: true, composed: true }));
  }

  private syncDrops(): void {
    const want = this.host !== null && this.hasAttribute('droppable') && this.parentElement !== null;
    if (want && !this.stopDrops) {
      this.stopDrops = listenForDrops(this.parentElement!, {
        accept: CITYGML_FILE,
        sniff: (head) => /opengis\.net\/citygml/i.test(head),
        receive: (file) => void this.load(file).catch(() => {}),
      });
    } else if (!want && this.stopDrops) {
      this.stopDrops();
      this.stopDrops = null;
    }
  }

  private setPanel(state: CityGMLPanelState): void {
    this.panel = state;
    this.renderPanel();
  }

  private renderPanel(): void {
    const lang = this.host?.lang ?? 'de';
    render(
      renderCityGMLPanel(this.panel, lang, {
        cancel: () => this.cancel(),
        close: () => this.setPanel({ kind: 'idle' }),
      }),
      this.root,
    );
    this.panelSlot?.update();
  }
}

function nameOf(input: Blob | string): string {
  if (typeof input === 'string') {
    const path = input.split(/[?#]/)[0];
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || input;
  }
  return (input as File).name || 'CityGML';
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-citygml': TwinbyCityGML;
  }
  interface HTMLElementEventMap {
    'twinby-citygml-load': CustomEvent<CityGMLLoadDetail>;
  }
}
