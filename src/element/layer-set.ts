import { isTwinbyLayer, type LayerHost, type TwinbyLayerElement } from './layer-element.js';

/**
 * The layer children a viewer has attached. A child whose tag is not defined yet (its chunk loads lazily)
 * upgrades without any slotchange, so the set waits for its definition and syncs again then: a scenario or
 * plan written in the page is attached however the chunk and the engine race.
 */
export class LayerSet {
  private readonly layers = new Set<TwinbyLayerElement>();
  private readonly awaited = new Set<string>();

  constructor(private readonly resync: () => void) {}

  /** Attaches the layers among `children` (when a host is given) and detaches those no longer there. */
  sync(children: readonly Element[], host: (() => LayerHost) | null): void {
    const present = new Set(children.filter(isTwinbyLayer));
    for (const layer of this.layers) {
      if (present.has(layer)) continue;
      layer.detachLayer();
      this.layers.delete(layer);
    }
    for (const child of children) {
      const tag = child.localName;
      if (!tag.includes('-') || customElements.get(tag) || this.awaited.has(tag)) continue;
      this.awaited.add(tag);
      void customElements.whenDefined(tag).then(() => {
        this.awaited.delete(tag);
        this.resync();
      });
    }
    if (!host) return;
    let shared: LayerHost | null = null;
    for (const layer of present) {
      if (this.layers.has(layer)) continue;
      this.layers.add(layer);
      layer.attachLayer((shared ??= host()));
    }
  }

  detachAll(): void {
    for (const layer of this.layers) layer.detachLayer();
    this.layers.clear();
  }

  forEach(fn: (layer: TwinbyLayerElement) => void): void {
    this.layers.forEach(fn);
  }
}
