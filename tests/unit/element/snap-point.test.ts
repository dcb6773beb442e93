import { describe, expect, it } from 'vitest';
import { snapPoint, SNAP_M } from '../../../src/element/scenario/block-drawer.js';

describe('snapPoint (block editor)', () => {
  const baugrenze = Float64Array.of(0, 0, 100, 0);
  const footprint = Float64Array.of(50, 10, 60, 10, 60, 20, 50, 20, 50, 10);

  it('snaps to the nearest corner within 1.5 m before any edge', () => {
    expect(snapPoint([50.8, 9.5], [baugrenze, footprint])).toEqual([50, 10]);
    expect(snapPoint([99, 1], [baugrenze])).toEqual([100, 0]);
  });

  it('snaps onto a line when no corner is near', () => {
    expect(snapPoint([30, 1.2], [baugrenze])).toEqual([30, 0]);
    expect(snapPoint([55, 21], [footprint])).toEqual([55, 20]);
  });

  it('keeps a point farther than the snap radius', () => {
    expect(snapPoint([30, SNAP_M + 0.1], [baugrenze])).toEqual([30, SNAP_M + 0.1]);
    expect(snapPoint([30, 5], [])).toEqual([30, 5]);
  });
});
