import type { OverlayData } from '../../../src/core/overlay/overlay-data';

/**
 * Gives the overlay arrays of its own and returns their buffers, to transfer instead of copy. Its rings may
 * share buffers with features the worker keeps (WFS cells, cached plans): transferring those would empty them here.
 */
export function overlayBuffers(overlay: OverlayData): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const f of overlay.features) {
    if (f.kind === 'ground-line') {
      f.coords = f.coords.slice();
      buffers.push(f.coords.buffer as ArrayBuffer);
    } else {
      f.rings = f.rings.map((r) => r.slice());
      for (const r of f.rings) buffers.push(r.buffer as ArrayBuffer);
      if (f.triangles) buffers.push(f.triangles.buffer as ArrayBuffer);
    }
  }
  return buffers;
}
