import type { ViewState } from '../core/index.js';

/** Degrees and ellipsoidal metres, as the converter's summary gives them. */
export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
  minHeight: number;
  maxHeight: number;
}

const EARTH_RADIUS = 6_371_000;
const RAD = Math.PI / 180;

/**
 * A view from the south, looking north and down at `pitch`, that shows the whole box with a vertical
 * field of view of `fov` degrees. Engine-neutral: spherical Earth, good to a few metres for a town.
 */
export function viewOfBounds(b: GeoBounds, options: { pitch?: number; fov?: number; minRadius?: number } = {}): ViewState {
  const pitch = options.pitch ?? -40;
  const fov = options.fov ?? 45;
  const lat = (b.south + b.north) / 2;
  const lon = (b.west + b.east) / 2;
  const width = (b.east - b.west) * RAD * EARTH_RADIUS * Math.cos(lat * RAD);
  const depth = (b.north - b.south) * RAD * EARTH_RADIUS;
  const radius = Math.max(Math.hypot(width, depth, b.maxHeight - b.minHeight) / 2, options.minRadius ?? 25);
  const distance = radius / Math.sin((fov / 2) * RAD);
  const down = -pitch * RAD;
  const back = distance * Math.cos(down);
  return {
    lon,
    lat: lat - back / EARTH_RADIUS / RAD,
    height: (b.minHeight + b.maxHeight) / 2 + distance * Math.sin(down),
    heading: 0,
    pitch,
  };
}
