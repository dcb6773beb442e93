import { TwinbyLayerElement, type LayerHost } from './layer-element.js';

/**
 * <twinby-tileset src="…/tileset.json" [error-target="16"]>: one more 3D Tiles tileset in a
 * <twinby-viewer>. A page composes several, e.g. buildings and planned variants.
 * @tagname twinby-tileset
 */
export class TwinbyTileset extends TwinbyLayerElement {
  static get observedAttributes(): string[] {
    return ['src', 'error-target'];
  }

  get src(): string | null {
    return this.getAttribute('src');
  }

  set src(value: string | null) {
    if (value === null) this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  protected onAttach(host: LayerHost): void {
    const src = this.src;
    if (!src) return;
    const errorTarget = Number(this.getAttribute('error-target'));
    // the engine reports a failed tileset through its error event; the promise only says when it is in
    host.engine.addTileset(this.layerId, new URL(src, document.baseURI).href, Number.isFinite(errorTarget) && errorTarget > 0 ? { errorTarget } : {}).catch(() => {});
  }

  protected onDetach(host: LayerHost): void {
    host.engine.removeTileset(this.layerId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-tileset': TwinbyTileset;
  }
}
