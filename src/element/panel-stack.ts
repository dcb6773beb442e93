import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Two layer panels that share the viewer's top-left corner (a planning scenario and the sun) stack instead of
 * covering each other: the host's panel starts 10 px below the `.panel` of the sibling layer matched by
 * `selector`, and follows it as it grows, shrinks or appears. The host's CSS reads `--twinby-stack-top`.
 */
export class StackBelowController implements ReactiveController {
  private sibling: Element | null = null;
  private readonly resize = new ResizeObserver(() => this.place());
  private readonly mutations = new MutationObserver(() => this.watchPanel());
  private panel: Element | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sibling = this.host.parentElement?.querySelector(this.selector) ?? null;
    // the sibling renders its panel once its data has loaded: watch its shadow root until then
    if (this.sibling?.shadowRoot) this.mutations.observe(this.sibling.shadowRoot, { childList: true, subtree: true, attributes: true });
    this.watchPanel();
  }

  hostDisconnected(): void {
    this.mutations.disconnect();
    this.resize.disconnect();
    this.panel = null;
    this.sibling = null;
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
    if (!visible) {
      this.host.style.removeProperty('--twinby-stack-top');
      return;
    }
    const top = panel.getBoundingClientRect().bottom - this.host.getBoundingClientRect().top + 10;
    this.host.style.setProperty('--twinby-stack-top', `${Math.max(10, Math.round(top))}px`);
  }
}
