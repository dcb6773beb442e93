/**
 * The ground area a camera view shows, as a WGS84 bbox: around the point the camera looks at,
 * grown with the distance, so that a WFS layer can ask for what is on screen (and a margin).
 * An estimate: the engine interface has no frustum query, and a generous box costs little.
 */
import type { ViewState } from '../view/view-state';
import { METRES_PER_DEGREE } from '../view/frame-target';

export type LonLatBbox = [west: number, south: number, east: number, north: number];


/** Bbox of the view; `groundHeight` is the ellipsoidal height of the ground (default 0). */
export function viewExtent(view: ViewState, groundHeight = 0, factor = 1.5): LonLatBbox {
  const h = Math.max(1, view.height - groundHeight);
  const pitch = Math.min(-5, view.pitch); // near-horizontal views would reach the horizon
  const along = h / Math.tan((-pitch * Math.PI) / 180);
  const heading = (view.heading * Math.PI) / 180;
  const cosLat = Math.cos((view.lat * Math.PI) / 180);
  const cx = view.lon + (along * Math.sin(heading)) / (METRES_PER_DEGREE * cosLat);
  const cy = view.lat + (along * Math.cos(heading)) / METRES_PER_DEGREE;
  const r = Math.hypot(h, along) * factor;
  const dx = r / (METRES_PER_DEGREE * cosLat);
  const dy = r / METRES_PER_DEGREE;
  return [cx - dx, cy - dy, cx + dx, cy + dy];
}

export function bboxContains(outer: LonLatBbox, inner: LonLatBbox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}
