import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { COMPACT_WIDTH } from './compact-panel.js';

export type PanelCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface PanelSlotOptions {
  corner: PanelCorner;
  /** Lower numbers sit nearer the corner's edge. */
  order: number;
  /** The box to place (absolutely positioned); null while there is none. */
  box(): HTMLElement | null;
  /** True while the box is a compact viewer's bottom sheet: left where its CSS puts it, the bottom corners rise above it. */
  sheet?(): boolean;
  /** The box keeps its own place (an attribution on the very edge); the column continues above it. */
  fixed?: boolean;
}

export interface PanelSlot {
  /** The box changed (re-rendered, opened, closed): lay the corners out again. */
  update(): void;
  leave(): void;
}

const EDGE = 10;
const GAP = 8;
/** A panel is never squeezed below its toggle row. */
const MIN_HEIGHT = 44;

interface Slot {
  owner: Element;
  options: PanelSlotOptions;
}

interface Entry {
  slot: Slot;
  box: HTMLElement;
}

/**
 * The panels of one viewer, whoever renders them (the viewer's legend, layer elements, plan legends), stacked
 * from the top and bottom edges so that none covers another: each box keeps its horizontal place (its CSS) and
 * goes as near its edge as the boxes already placed in the same vertical band allow. Bottom boxes go first
 * (the attribution and legends stay on the edge, at most half the height when a top panel shares the band),
 * top boxes get what is left. Each box gets an inline top or bottom and max-height and scrolls when too small.
 * Writes happen in an animation frame after a resize, so a placement never feeds back into the same observation.
 */
class PanelLayout {
  readonly slots = new Set<Slot>();
  private readonly observed = new Set<Element>();
  private readonly resize = new ResizeObserver(() => this.schedule());
  private frame = 0;

  constructor(private readonly viewer: HTMLElement) {
    this.resize.observe(viewer);
  }

  schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.run());
  }

  runNow(): void {
    cancelAnimationFrame(this.frame);
    this.run();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.observed.clear();
  }

  private run(): void {
    this.frame = 0;
    const height = this.viewer.clientHeight;
    if (!height) return;
    const compact = this.viewer.clientWidth < COMPACT_WIDTH;
    const viewer = this.viewer.getBoundingClientRect();
    let lift = 0;
    const bottom: Entry[] = [];
    const top: Entry[] = [];
    for (const entry of this.visibleEntries()) {
      if (compact && entry.slot.options.sheet?.()) {
        clear(entry.box);
        lift = Math.max(lift, entry.box.offsetHeight);
      } else (entry.slot.options.corner.startsWith('top') ? top : bottom).push(entry);
    }
    const span = (box: HTMLElement) => {
      const r = box.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const overlaps = (a: { left: number; right: number }, b: { left: number; right: number }) => a.left < b.right && b.left < a.right;
    // bottom: each box as low as the boxes already placed below it (horizontally overlapping) allow
    const placed: Array<{ left: number; right: number; to: number }> = [];
    const fixedFirst = [...bottom.filter((e) => e.slot.options.fixed), ...bottom.filter((e) => !e.slot.options.fixed)];
    for (const { slot, box } of fixedFirst) {
      const x = span(box);
      if (slot.options.fixed) {
        // an attribution stays on the edge, or just above an open sheet
        if (lift) place(box, 'bottom', lift, height, viewer);
        else clear(box);
        placed.push({ ...x, to: viewer.bottom - box.getBoundingClientRect().top });
        continue;
      }
      const y = Math.max(EDGE + lift, ...placed.filter((p) => overlaps(p, x)).map((p) => p.to + GAP));
      const limit = top.some((t) => overlaps(span(t.box), x)) ? height / 2 : height - EDGE;
      place(box, 'bottom', y, Math.max(MIN_HEIGHT, limit - y), viewer);
      placed.push({ ...x, to: y + box.offsetHeight });
    }
    // top: downwards, each box above the nearest bottom box it shares a column with
    const above: Array<{ left: number; right: number; to: number }> = [];
    top.forEach(({ box }, i) => {
      const x = span(box);
      const y = Math.max(EDGE, ...above.filter((p) => overlaps(p, x)).map((p) => p.to + GAP));
      const limit = height - Math.max(EDGE, ...placed.filter((p) => overlaps(p, x)).map((p) => p.to + GAP));
      // the boxes still to come in this band keep at least their toggle row
      const later = top.slice(i + 1).filter((t) => overlaps(span(t.box), x)).length;
      place(box, 'top', y, Math.max(MIN_HEIGHT, limit - y - later * (MIN_HEIGHT + GAP)), viewer);
      above.push({ ...x, to: y + box.offsetHeight });
    });
  }

  private visibleEntries(): Entry[] {
    const entries: Entry[] = [];
    for (const slot of this.slots) {
      const box = slot.options.box();
      if (box && box.getClientRects().length > 0) entries.push({ slot, box });
    }
    const boxes = new Set<Element>(entries.map((e) => e.box));
    for (const el of this.observed) {
      if (boxes.has(el)) continue;
      this.resize.unobserve(el);
      this.observed.delete(el);
    }
    for (const el of boxes) {
      if (this.observed.has(el)) continue;
      this.resize.observe(el);
      this.observed.add(el);
    }
    // order, then document order of the owners (a page's first plan legend sits nearest the corner)
    return entries.sort((a, b) => a.slot.options.order - b.slot.options.order || (a.slot.owner.compareDocumentPosition(b.slot.owner) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }
}

const layouts = new WeakMap<HTMLElement, PanelLayout>();

/** Joins the panel layout of the viewer around `owner` (or `owner` itself when it is the viewer). */
export function joinPanelLayout(owner: HTMLElement, options: PanelSlotOptions): PanelSlot {
  const viewer = owner.localName === 'twinby-viewer' ? owner : owner.closest<HTMLElement>('twinby-viewer');
  if (!viewer) return { update() {}, leave() {} };
  let layout = layouts.get(viewer);
  if (!layout) layouts.set(viewer, (layout = new PanelLayout(viewer)));
  const slot: Slot = { owner, options };
  layout.slots.add(slot);
  layout.schedule();
  const joined = layout;
  return {
    // a host's own render is measured at once: a panel opened as a sheet must not keep its toggle's place for a frame
    update: () => joined.runNow(),
    leave: () => {
      joined.slots.delete(slot);
      const box = options.box();
      if (box) clear(box);
      if (joined.slots.size === 0) {
        joined.dispose();
        layouts.delete(viewer);
      } else joined.schedule();
    },
  };
}

/** The same for Lit elements: joins on connect, re-lays out after each update, leaves on disconnect. */
export class PanelLayoutController implements ReactiveController {
  private slot: PanelSlot | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PanelSlotOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.slot = joinPanelLayout(this.host, this.options);
  }
  hostUpdated(): void {
    this.slot?.update();
  }
  hostDisconnected(): void {
    this.slot?.leave();
    this.slot = null;
  }
}

function place(box: HTMLElement, edge: 'top' | 'bottom', offset: number, maxHeight: number, viewer: DOMRect): void {
  // the box's containing block may not be the viewer itself (a panel inside a layer's full-size shadow host)
  const parent = box.offsetParent?.getBoundingClientRect();
  const shift = parent ? (edge === 'top' ? parent.top - viewer.top : viewer.bottom - parent.bottom) : 0;
  set(box, edge, `${Math.round(offset - shift)}px`);
  set(box, edge === 'top' ? 'bottom' : 'top', 'auto');
  set(box, 'maxHeight', `${Math.round(maxHeight)}px`);
  // the share is the whole box, padding and border included
  if (box.style.boxSizing !== 'border-box') box.style.boxSizing = 'border-box';
}

function set(box: HTMLElement, property: 'top' | 'bottom' | 'maxHeight', value: string): void {
  if (box.style[property] !== value) box.style[property] = value;
}

function clear(box: HTMLElement): void {
  for (const p of ['top', 'bottom', 'maxHeight'] as const) if (box.style[p]) box.style[p] = '';
}
