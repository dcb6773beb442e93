/**
 * Drawing an area on the ground for <twinby-spatial>: clicks (or P at the view centre) add points picked on
 * the ground, Enter or a double click closes the area, Backspace removes the last point, Escape cancels.
 * The outline shows as an overlay while drawing; a closed area goes to `finish` in the dataset's CRS.
 */
import type { SpatialText } from './spatial-texts.js';
import type { Engine } from '../../engines/engine.js';
import { AREA_OVERLAY_ID, AreaDrawing } from './area-drawing.js';

export interface AreaDrawHost {
  engine(): Engine | null;
  /** The dataset's EPSG code, or null before the footprints are indexed. */
  epsg(): number | null;
  /** The viewer's box, for the point at the view centre. */
  viewerRect(): DOMRect;
  /** Says something in the panel's language. */
  status(key: SpatialText, params?: Record<string, string | number>): void;
  /** The tool's state changed: render again. */
  changed(): void;
  finish(polygons: Float64Array[][]): Promise<unknown>;
}

export class AreaDrawTool {
  readonly drawing = new AreaDrawing();
  active = false;
  /** Ellipsoidal ground height of the last picked point (places the camera when a result is flown to). */
  groundEllipsoid: number | null = null;

  constructor(private readonly host: AreaDrawHost) {}

  get points(): number {
    return this.drawing.points.length;
  }

  toggle(): void {
    if (this.active) return this.cancel();
    this.drawing.clear();
    this.active = true;
    this.host.status('draw.start');
    this.host.changed();
  }

  cancel(): void {
    this.active = false;
    this.drawing.clear();
    this.host.engine()?.removeOverlay(AREA_OVERLAY_ID);
    this.host.status('draw.cancelled');
    this.host.changed();
  }

  async addPointAt(clientX: number, clientY: number): Promise<void> {
    const engine = this.host.engine();
    if (!engine) return;
    const position = await engine.pickPosition(clientX, clientY);
    if (!position) return this.host.status('draw.noGround');
    this.drawing.add(position);
    this.groundEllipsoid = this.drawing.groundHeight;
    this.redraw(engine);
    this.host.status('draw.points', { n: this.points });
  }

  addCentrePoint(): Promise<void> {
    const rect = this.host.viewerRect();
    return this.addPointAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
  }

  async finish(): Promise<void> {
    const epsg = this.host.epsg();
    if (!this.drawing.closable || epsg === null) return this.host.status('draw.tooFew');
    this.active = false;
    this.host.changed();
    await this.host.finish(this.drawing.polygons(epsg));
  }

  readonly onKey = (e: KeyboardEvent): void => {
    if (!this.active) return;
    const actions: Record<string, () => unknown> = {
      Enter: () => this.finish(),
      Escape: () => this.cancel(),
      Backspace: () => {
        this.drawing.undo();
        const engine = this.host.engine();
        if (engine) this.redraw(engine);
      },
      p: () => this.addCentrePoint(),
      P: () => this.addCentrePoint(),
    };
    const action = actions[e.key];
    if (!action || (e.target as HTMLElement).matches?.('input, select')) return;
    e.preventDefault();
    void action();
  };

  readonly onClick = (e: MouseEvent): void => {
    if (e.detail > 1) return; // the second click of a double click closes instead
    void this.addPointAt(e.clientX, e.clientY);
  };

  private redraw(engine: Engine): void {
    engine.removeOverlay(AREA_OVERLAY_ID);
    if (this.points) engine.addOverlay(this.drawing.overlay());
    this.host.changed();
  }
}
