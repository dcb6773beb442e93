// frameTarget: the camera stands `distance` metres back along the view line, so looking along heading and pitch reaches the target.
import { describe, expect, it } from 'vitest';
import { frameTarget, METRES_PER_DEGREE } from '../../../src/core/index';

describe('frameTarget', () => {
  it.each([
    [0, -40],
    [90, -30],
    [225, -60],
  ])('heading %i°, pitch %i°: the view line from the camera ends on the target', (heading, pitch) => {
    const target = { lon: 11.5, lat: 48.1, height: 520 };
    const view = frameTarget(target, 200, pitch, heading);
    const rad = Math.PI / 180;
    const east = (target.lon - view.lon) * METRES_PER_DEGREE * Math.cos(target.lat * rad);
    const north = (target.lat - view.lat) * METRES_PER_DEGREE;
    const down = view.height - target.height;
    expect(Math.hypot(east, north, down)).toBeCloseTo(200, 6);
    expect(Math.atan2(east, north) / rad).toBeCloseTo(heading > 180 ? heading - 360 : heading, 6);
    expect(-Math.atan2(down, Math.hypot(east, north)) / rad).toBeCloseTo(pitch, 6);
    expect([view.heading, view.pitch]).toEqual([heading, pitch]);
  });
});
