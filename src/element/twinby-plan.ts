import { PlanLayerElement } from './plan-layer.js';
import type { LayerHost } from './layer-element.js';
import { listenForDrops } from './file-drop.js';

const PLAN_FILE = /\.(gml|xml|xplan|json|geojson)$/i;

/**
 * <twinby-plan src="plan.xplan.gml" [storey-height="3.5"] [droppable]>: an XPlanGML or GeoJSON
 * Bebauungsplan from a file, in a <twinby-viewer>. With `droppable`, a plan file dropped on the
 * viewer replaces it; `load(file)` does the same from script. Parsing runs in a worker.
 * @tagname twinby-plan
 */
export class TwinbyPlan extends PlanLayerElement {
  static get observedAttributes(): string[] {
    return ['src', 'storey-height', 'droppable'];
  }

  private abort: AbortController | null = null;
  private stopDrops: (() => void) | null = null;
  /** A file loaded by drop or load(), kept over re-attaches (src is only read when there is none). */
  private loaded: Blob | null = null;
  private waiting: { resolve: () => void; reject: (err: unknown) => void } | null = null;

  get src(): string | null {
    return this.getAttribute('src');
  }

  set src(value: string | null) {
    if (value === null) this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  /**
   * Loads a plan from a File/Blob or a URL; resolves when it is on screen, rejects when it cannot
   * be read. Before the element is in a running viewer, it waits for that.
   */
  async load(input: Blob | string): Promise<void> {
    if (typeof input !== 'string') this.loaded = input;
    const host = this.host;
    if (!host) {
      this.waiting?.resolve();
      return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
    }
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const source = typeof input === 'string' ? new URL(input, document.baseURI).href : ((input as File).name ?? 'plan');
    this.setStatus(true);
    try {
      const client = this.startClient();
      const options = { signal: abort.signal };
      // a URL is fetched and read in the data worker, once for every layer and panel that shows this plan
      const plan =
        typeof input === 'string'
          ? await client.parsePlanUrl({ url: source, id: this.layerId, storeyHeight: this.storeyHeight }, options)
          : await client.parsePlan({ body: await input.arrayBuffer(), source, id: this.layerId, storeyHeight: this.storeyHeight }, options);
      if (abort.signal.aborted || this.host !== host) return;
      this.showPlan(plan, plan.warnings);
    } catch (err) {
      if (abort.signal.aborted) return;
      const status = /: HTTP (\d{3})\b/.exec((err as Error).message)?.[1];
      this.fail('parse', (err as Error).message, { url: typeof input === 'string' ? source : undefined, ...(status ? { status: Number(status) } : {}) });
      throw err;
    } finally {
      if (this.abort === abort) this.setStatus(false);
    }
  }

  protected onAttach(_host: LayerHost): void {
    this.renderPanel();
    if (this.hasAttribute('droppable') && this.parentElement) {
      this.stopDrops = listenForDrops(this.parentElement, {
        accept: PLAN_FILE,
        sniff: (head) => /xplan/i.test(head) || head.trimStart().startsWith('{'),
        receive: (file) => void this.load(file).catch(() => {}),
      });
    }
    const what = this.loaded ?? this.src;
    const waiting = this.waiting;
    this.waiting = null;
    if (what) this.load(what).then(() => waiting?.resolve(), (err) => waiting?.reject(err));
    else waiting?.resolve();
  }

  protected onDetach(host: LayerHost): void {
    this.abort?.abort();
    this.abort = null;
    this.stopDrops?.();
    this.stopDrops = null;
    this.stopClient(host);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-plan': TwinbyPlan;
  }
}
