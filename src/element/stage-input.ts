/** What the map area's input needs from the viewer. */
export interface StageInputHost {
  stage(): HTMLElement | null;
  /** Select what is under a client point. */
  pick(clientX: number, clientY: number): void;
  /** Escape was pressed on the map; returns true when it closed something. */
  escape(): boolean;
}

/**
 * Clicks and keys on the map area (the camera controls handle dragging): a press and release within
 * 5 px is a click that picks; Enter picks at the centre; Escape closes the panel. The focus ring shows
 * for keyboard users only, because the camera controls focus the canvas on every pointer press.
 */
export class StageInput {
  private start: { x: number; y: number; id: number } | null = null;

  constructor(private readonly host: StageInputHost) {}

  readonly focusIn = (): void => {
    if (!this.start) this.host.stage()?.classList.add('keyboard');
  };

  readonly pointerDown = (e: PointerEvent): void => {
    this.host.stage()?.classList.remove('keyboard');
    this.start = e.isPrimary && e.button === 0 ? { x: e.clientX, y: e.clientY, id: e.pointerId } : null;
  };

  readonly pointerUp = (e: PointerEvent): void => {
    const start = this.start;
    this.start = null;
    // a click, not the end of a drag
    if (!start || start.id !== e.pointerId || Math.hypot(e.clientX - start.x, e.clientY - start.y) > 5) return;
    this.host.pick(e.clientX, e.clientY);
  };

  readonly keyDown = (e: KeyboardEvent): void => {
    const stage = this.host.stage();
    stage?.classList.add('keyboard');
    if (e.key === 'Escape') {
      this.host.escape();
    } else if (e.key === 'Enter' && stage) {
      const rect = stage.getBoundingClientRect();
      this.host.pick(rect.left + rect.width / 2, rect.top + rect.height / 2);
    }
  };
}
