import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Two layer panels that share a corner of the viewer stack instead of covering each other: the host's panel
 * starts 10 px below (or, with edge 'above', ends 10 px above) the `.panel` of the sibling layer matched by
 * `selector`, and follows it as it grows, shrinks or appears. The host's CSS reads `--twinby-stack-top`
 * (or `--twinby-stack-bottom`). A host that is no Lit element calls hostConnected/hostDisconnected itself.
 */
export class StackBelowController implements ReactiveController {
  private sibling: Element | null = null;
  private readonly resize = new ResizeObserver(() => this.place());
  private readonly mutations = new MutationObserver(() => this.watchPanel());
  private readonly children = new MutationObserver(() => this.findSibling());
  private observed = false;
  private panel: Element | null = null;

  constructor(
    private readonly host: Partial<ReactiveControllerHost> & HTMLElement,
    private readonly selector: string,
    private readonly edge: 'below' | 'above' = 'below',
  ) {
    host.addController?.(this);
  }

  hostConnected(): void {
    // the sibling may come later in the page (the demo writes <twinby-sun> before <twinby-scenario>)
    const parent = this.host.parentElement;
    if (parent) this.children.observe(parent, { childList: true });
    this.findSibling();
  }

  hostDisconnected(): void {
    this.children.disconnect();
    this.mutations.disconnect();
    this.resize.disconnect();
    this.panel = null;
    this.sibling = null;
  }

  private findSibling(): void {
    const sibling = this.host.parentElement?.querySelector(this.selector) ?? null;
    if (sibling && !sibling.shadowRoot && !customElements.get(sibling.localName)) {
      // defined from a lazy chunk: its shadow root comes with the definition
      void customElements.whenDefined(sibling.localName).then(() => setTimeout(() => this.host.isConnected && this.findSibling()));
    }
    if (sibling !== this.sibling || (sibling?.shadowRoot && !this.observed)) {
      this.sibling = sibling;
      this.mutations.disconnect();
      this.observed = false;
      // the sibling renders its panel once its data has loaded: watch its shadow root until then
      if (sibling?.shadowRoot) {
        this.mutations.observe(sibling.shadowRoot, { childList: true, subtree: true, attributes: true });
        this.observed = true;
      }
    }
    this.watchPanel();
  }

  private watchPanel(): void {
    const panel = this.sibling?.shadowRoot?.querySelector('.panel') ?? null;
    if (panel !== this.panel) {
      this.resize.disconnect();
      this.panel = panel;
      if (panel) this.resize.observe(panel);
    }
    this.place();
  }

  private place(): void {
    const panel = this.panel;
    const visible = panel && panel.getClientRects().length > 0;
    const property = this.edge === 'below' ? '--twinby-stack-top' : '--twinby-stack-bottom';
    if (!visible) {
      this.host.style.removeProperty(property);
      return;
    }
    if (this.edge === 'above') {
      // the host is positioned from the viewer's bottom: measure from the viewer (its offset parent)
      const frame = (this.host.offsetParent ?? this.host.parentElement ?? this.host).getBoundingClientRect();
      const bottom = frame.bottom - panel.getBoundingClientRect().top + 10;
      this.host.style.setProperty(property, `${Math.max(10, Math.round(bottom))}px`);
      return;
    }
    const top = panel.getBoundingClientRect().bottom - this.host.getBoundingClientRect().top + 10;
    this.host.style.setProperty('--twinby-stack-top', `${Math.max(10, Math.round(top))}px`);
  }
}
