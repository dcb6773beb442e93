import type { ViewState } from './view-state';

/** Metres per degree of latitude (and of longitude at the equator): enough for offsets of a few kilometres. */
export const METRES_PER_DEGREE = 111_320;

export interface FrameTarget {
  lon: number;
  lat: number;
  /** Ellipsoidal height of the point looked at, metres. */
  height: number;
}

/**
 * The view that looks at `target` from `distance` metres along a line of `pitch` (negative: down) and
 * `heading` (0: looking north, so the camera stands south of the target).
 */
export function frameTarget(target: FrameTarget, distance: number, pitch = -40, heading = 0): ViewState {
  const rad = Math.PI / 180;
  const back = distance * Math.cos(pitch * rad);
  const east = -back * Math.sin(heading * rad);
  const north = -back * Math.cos(heading * rad);
  return {
    lon: target.lon + east / (METRES_PER_DEGREE * Math.cos(target.lat * rad)),
    lat: target.lat + north / METRES_PER_DEGREE,
    height: target.height + distance * Math.sin(-pitch * rad),
    heading,
    pitch,
  };
}
