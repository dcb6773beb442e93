import type { Engine } from '../engines/engine.js';
import type { ErrorDetail, Lang } from '../core/index.js';

/** What a child layer element gets from its <twinby-viewer> while an engine runs. */
export interface LayerHost {
  readonly engine: Engine;
  readonly lang: Lang;
  /** Reports a failure as a twinby-error on the viewer (and a message where fitting). */
  reportError(detail: ErrorDetail): void;
  /** Hides these building ids for this layer (e.g. a scenario variant's replaced buildings), on top of the page's hide(); [] shows them again. */
  hideFor(layerId: string, ids: Iterable<string>): void;
}

let counter = 0;

/**
 * Base of the declarative layer children of <twinby-viewer> (<twinby-tileset>, later <twinby-wfs> …).
 * The viewer calls attachLayer() when an engine is running and the child is present, and
 * detachLayer() when either goes away; a layer adds its content in onAttach and removes it in onDetach.
 * Attribute changes while attached re-attach the layer.
 */
export abstract class TwinbyLayerElement extends HTMLElement {
  readonly isTwinbyLayer = true;
  protected host: LayerHost | null = null;
  private generatedId = `layer-${++counter}`;

  /** The id the engine knows this layer by: the id attribute, or a generated one. */
  get layerId(): string {
    return this.id || this.generatedId;
  }

  attachLayer(host: LayerHost): void {
    if (this.host) this.detachLayer();
    this.host = host;
    this.onAttach(host);
  }

  detachLayer(): void {
    if (!this.host) return;
    const host = this.host;
    this.host = null;
    this.onDetach(host);
  }

  /** Called when the viewer's language changes. */
  langChanged(_lang: Lang): void {}

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue || !this.host) return;
    const host = this.host;
    this.detachLayer();
    this.attachLayer(host);
  }

  protected abstract onAttach(host: LayerHost): void;
  protected abstract onDetach(host: LayerHost): void;
}

export function isTwinbyLayer(node: unknown): node is TwinbyLayerElement {
  return typeof node === 'object' && node !== null && (node as { isTwinbyLayer?: unknown }).isTwinbyLayer === true;
}

/**
 * Calls `then` when a twinby-* child not yet defined gets its definition: a lazily defined layer (its chunk
 * arriving after the engine started) is no slot change, and would otherwise never attach.
 */
export function whenLayersDefined(children: Iterable<Element>, then: () => void): void {
  for (const el of children) {
    if (el.localName.startsWith('twinby-') && !customElements.get(el.localName)) void customElements.whenDefined(el.localName).then(then);
  }
}
