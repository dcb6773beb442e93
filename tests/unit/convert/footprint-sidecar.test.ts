import { describe, expect, it } from 'vitest';
import { collectFootprints } from '../../../workers/lib/convert/footprint-sidecar';

describe('collectFootprints', () => {
  it('keeps nothing get(i) returns, so the writer can hand out one reused view at a time', () => {
    // One scratch record, overwritten on every call: keeping it past the call would mix buildings up.
    const ring = new Float64Array(8);
    const scratch = { id: '', groundHeight: 0, bbox: new Float64Array(6), footprint: [[ring]], attributes: { generic: {} as Record<string, string | number>, storeysAboveGround: 0 } };
    const get = (i: number) => {
      scratch.id = `B${i}`;
      scratch.groundHeight = 400 + i;
      scratch.bbox[5] = 410 + 2 * i;
      scratch.attributes = { generic: i === 2 ? { planungsstatus: 'geplant' } : {}, storeysAboveGround: i + 1 };
      ring.set([i, 0, i + 1, 0, i + 1, 1, i, 1]);
      return scratch;
    };
    const set = collectFootprints(3, get, 25832);
    expect(set.ids).toEqual(['B0', 'B1', 'B2']);
    expect(Array.from(set.groundHeights)).toEqual([400, 401, 402]);
    expect(Array.from(set.heights)).toEqual([10, 11, 12]);
    expect(Array.from(set.storeys)).toEqual([1, 2, 3]);
    expect(Array.from(set.planned!)).toEqual([0, 0, 1]);
    expect(Array.from(set.coords.subarray(0, 2))).toEqual([0, 0]);
    expect(Array.from(set.coords.subarray(8, 10))).toEqual([1, 0]);
    expect(Array.from(set.coords.subarray(16, 18))).toEqual([2, 0]);
    expect(Array.from(set.polygonOffsets)).toEqual([0, 1, 2, 3]);
  });
});
