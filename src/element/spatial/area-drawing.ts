/**
 * The polygon a user draws on the ground: points in WGS 84 (from Engine.pickPosition), shown as an
 * overlay while drawing, handed over in the dataset's CRS when finished.
 */
import { fromWgs84 } from '../../core/geo/index.js';
import type { OverlayData } from '../../core/index.js';
import type { GeoPosition } from '../../engines/engine.js';

export const AREA_OVERLAY_ID = 'twinby-spatial-area';
const STYLE = { fill: '#1565c0', fillOpacity: 0.18, stroke: '#0d47a1', strokeWidth: 2 };

export class AreaDrawing {
  readonly points: GeoPosition[] = [];

  add(p: GeoPosition): void {
    this.points.push(p);
  }

  undo(): void {
    this.points.pop();
  }

  clear(): void {
    this.points.length = 0;
  }

  get closable(): boolean {
    return this.points.length >= 3;
  }

  /** Mean ellipsoidal height of the points: the ground level near the area. */
  get groundHeight(): number | null {
    return this.points.length ? this.points.reduce((s, p) => s + p.height, 0) / this.points.length : null;
  }

  /** The outline so far (closed once it has three points) as an engine overlay. */
  overlay(): OverlayData {
    const lonLat = Float64Array.from(this.points.flatMap((p) => [p.lon, p.lat]));
    const features: OverlayData['features'] = [];
    if (this.closable) {
      features.push({ kind: 'draped-polygon', id: `${AREA_OVERLAY_ID}-fill`, style: STYLE, properties: { name: 'Abfragegebiet' }, rings: [lonLat], zIndex: 100 });
    }
    const line = this.closable ? Float64Array.from([...lonLat, lonLat[0], lonLat[1]]) : lonLat;
    if (this.points.length >= 2) features.push({ kind: 'ground-line', id: `${AREA_OVERLAY_ID}-line`, style: STYLE, properties: { name: 'Abfragegebiet' }, coords: line });
    return { id: AREA_OVERLAY_ID, features };
  }

  /** The area as polygons in the dataset's CRS (x,y interleaved). */
  polygons(epsg: number): Float64Array[][] {
    const project = fromWgs84(epsg);
    const xy = [0, 0];
    const ring = new Float64Array(this.points.length * 2);
    this.points.forEach((p, i) => {
      project(p.lon, p.lat, xy);
      ring[i * 2] = xy[0];
      ring[i * 2 + 1] = xy[1];
    });
    return [[ring]];
  }
}
