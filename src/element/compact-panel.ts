import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Below this viewer width (CSS px) panels start collapsed, open as bottom sheets, and one at a time. */
export const COMPACT_WIDTH = 600;

export function isCompact(el: Element): boolean {
  const width = el.closest('twinby-viewer')?.getBoundingClientRect().width || globalThis.innerWidth || Infinity;
  return width < COMPACT_WIDTH;
}

/**
 * Phones and small embeds: a layer panel (sun, spatial, scenario, …) starts as its toggle, and opening it closes
 * the other panels, as does selecting a building (the info panel then takes the sheet), so panels never cover
 * one another and the map keeps most of the screen. Wide viewers are left alone.
 */
export class CompactPanel {
  private viewer: Element | null = null;
  private wasOpen = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly isOpen: () => boolean,
    private readonly setOpen: (open: boolean) => void,
  ) {}

  connect(): void {
    this.viewer = this.host.closest('twinby-viewer');
    if (isCompact(this.host)) this.setOpen(false);
    this.wasOpen = this.isOpen();
    this.viewer?.addEventListener('twinby-panel-open', this.onOtherOpened);
    this.viewer?.addEventListener('twinby-select', this.onSelect);
  }

  disconnect(): void {
    this.viewer?.removeEventListener('twinby-panel-open', this.onOtherOpened);
    this.viewer?.removeEventListener('twinby-select', this.onSelect);
    this.viewer = null;
  }

  /** After each render: a panel just opened on a compact viewer closes the others. */
  changed(): void {
    const open = this.isOpen();
    if (open && !this.wasOpen && isCompact(this.host)) this.viewer?.dispatchEvent(new CustomEvent('twinby-panel-open', { detail: this.host }));
    this.wasOpen = open;
  }

  private readonly onOtherOpened = (e: Event): void => {
    if ((e as CustomEvent).detail !== this.host && this.isOpen() && isCompact(this.host)) this.setOpen(false);
  };

  private readonly onSelect = (e: Event): void => {
    if ((e as CustomEvent<{ id: string | null }>).detail?.id && this.isOpen() && isCompact(this.host)) this.setOpen(false);
  };
}

/** CompactPanel for Lit elements. */
export class CompactPanelController extends CompactPanel implements ReactiveController {
  constructor(host: ReactiveControllerHost & HTMLElement, isOpen: () => boolean, setOpen: (open: boolean) => void) {
    super(host, isOpen, setOpen);
    host.addController(this);
  }
  hostConnected(): void {
    this.connect();
  }
  hostDisconnected(): void {
    this.disconnect();
  }
  hostUpdated(): void {
    this.changed();
  }
}

/** An open panel in a narrow viewer (the viewer is the size container) is a bottom sheet of at most a third. */
export const compactPanelStyles = css`
  @container (max-width: 599px) {
    /* collapsed panels are toggles, stacked in their corners by the panel layout */
    .panel.collapsed {
      width: auto;
      max-width: calc(50% - 50px);
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .panel:not(.collapsed) {
      left: 0;
      right: 0;
      top: auto;
      bottom: 0;
      width: auto;
      max-width: none;
      max-height: 33%;
      border-radius: 12px 12px 0 0;
    }
  }
`;
