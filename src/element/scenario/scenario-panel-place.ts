import { CompactPanel } from '../compact-panel.js';
import { joinPanelLayout, type PanelSlot } from '../panel-layout.js';

/**
 * Where the scenario panel sits and whether it is open: first in the viewer's top-left column (the sun panel
 * stacks below it) and, on a compact viewer, a toggle that opens as the bottom sheet.
 */
export class ScenarioPanelPlace {
  open = true;
  private slot: PanelSlot | null = null;
  private readonly compact: CompactPanel;

  constructor(
    private readonly host: HTMLElement,
    private readonly rerender: () => void,
  ) {
    this.compact = new CompactPanel(host, () => this.open, (open) => this.setOpen(open));
  }

  attach(): void {
    this.slot ??= joinPanelLayout(this.host, { corner: 'top-left', order: 0, box: () => this.host.shadowRoot?.querySelector<HTMLElement>('.panel') ?? null, sheet: () => this.open });
    this.compact.connect();
  }

  detach(): void {
    this.compact.disconnect();
    this.slot?.leave();
    this.slot = null;
  }

  /** After each render of the panel. */
  rendered(): void {
    this.compact.changed();
    this.slot?.update();
  }

  toggle(): void {
    this.setOpen(!this.open);
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this.rerender();
  }
}
