/** Far parents: small buildings merge per grid cell, and a parent over its cap merges everything in coarser cells. */
import { describe, expect, it } from 'vitest';
import type { Lod1Block } from '../../../workers/lib/lod/lod1-block';
import { signedArea } from '../../../workers/lib/lod/lod1-block';
import { massingCell, massingCount, mergeIntoMassing } from '../../../workers/lib/lod/massing';
import fc from 'fast-check';
import { MAX_PARENT_BUILDINGS, minParentArea, selectParentBlocks } from '../../../workers/lib/lod/parent-lod';

/** A square house of side `side` at (x, y), base `z`, `height` tall. */
/** Block indices name their houses in these tests. */
const names: string[] = [];

function house(id: string, x: number, y: number, side: number, height: number, z = 0): Lod1Block {
  const h = side / 2;
  names.push(id);
  return {
    index: names.length - 1,
    anchor: Float64Array.of(x, y, z),
    outlines: [Float64Array.of(-h, -h, h, -h, h, h, -h, h)],
    bottom: 0,
    top: height,
    area: side * side,
    size: Math.hypot(side, side, height),
    roofError: 0,
  };
}

/** Whether (px, py) lies in the convex, counter-clockwise ring (edges included, with a little slack). */
function inside(ring: Float64Array, px: number, py: number): boolean {
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const ax = ring[2 * i], ay = ring[2 * i + 1], bx = ring[2 * ((i + 1) % n)], by = ring[2 * ((i + 1) % n) + 1];
    if ((bx - ax) * (py - ay) - (by - ay) * (px - ax) < -1e-6) return false;
  }
  return true;
}

describe('massing blocks', () => {
  it('merge the buildings of one grid cell into the hull of their outlines, at their area-weighted mean height', () => {
    // Three sheds in one 16 m cell (anchors 0–12 m), one in the next cell.
    const blocks = [house('a', 1, 1, 4, 3), house('b', 10, 2, 6, 6, 1), house('c', 5, 12, 2, 9), house('d', 30, 3, 4, 4)];
    const merged = mergeIntoMassing(blocks, 16);
    expect(merged).toHaveLength(2);
    const [m, lone] = merged;
    expect(lone).toBe(blocks[3]);
    // the largest member lends its frame and feature
    expect(names[m.index]).toBe('b');
    expect([...m.anchor]).toEqual([10, 2, 1]);
    const hull = m.outlines[0];
    expect(signedArea(hull)).toBeGreaterThan(0);
    for (const b of blocks.slice(0, 3)) {
      for (let i = 0; i < b.outlines[0].length; i += 2) {
        expect(inside(hull, b.outlines[0][i] + b.anchor[0] - 10, b.outlines[0][i + 1] + b.anchor[1] - 2)).toBe(true);
      }
    }
    // lowest base and mean top in b's frame (b stands 1 m higher): (3·16 + 7·36 + 9·4) / 56 − 1
    expect(m.bottom).toBe(-1);
    expect(m.top).toBeCloseTo((2 * 16 + 6 * 36 + 8 * 4) / 56, 9);
    // how far a member's top is from the mean
    expect(m.roofError).toBeCloseTo(Math.max(m.top - 2, 6 - m.top, 8 - m.top), 9);
    expect(m.area).toBeCloseTo(Math.abs(signedArea(hull)), 9);
  });

  it('keep a far view whole: a parent with more buildings than its cap merges them all, in coarser cells, and says so in its error', () => {
    const cell = 2048;
    // 60 × 60 houses of 12 m on a 30 m grid: 3,600 buildings, each above the keep-alone threshold.
    const blocks: Lod1Block[] = [];
    for (let i = 0; i < 60; i++) for (let j = 0; j < 60; j++) blocks.push(house(`h${i}-${j}`, i * 30, j * 30, 12, 8 + ((i + j) % 5)));
    expect(blocks[0].area).toBeGreaterThan(minParentArea(cell));
    const s = selectParentBlocks(blocks, cell);
    expect(s.kept.length).toBeLessThanOrEqual(MAX_PARENT_BUILDINGS);
    expect(s.kept.length).toBeGreaterThan(MAX_PARENT_BUILDINGS / 8);
    // every house stands inside some kept block: nothing of the town is missing from afar
    for (const b of blocks) {
      const found = s.kept.some((k) => inside(k.outlines[0], b.anchor[0] - k.anchor[0], b.anchor[1] - k.anchor[1]));
      expect(found, names[b.index]).toBe(true);
    }
    expect(s.droppedSize).toBe(0);
    // the hulls span up to a merge cell's diagonal, at the coarser cell that fitted the cap
    expect(s.error).toBeGreaterThanOrEqual(2 * massingCell(cell) * Math.SQRT2);
  });

  it('leave out a lone building too small even for a far parent, and count it in the error', () => {
    const cell = 4096;
    const s = selectParentBlocks([house('big', 0, 0, 40, 10), house('shed', 1000, 1000, 2, 2)], cell);
    expect(s.kept.map((b) => names[b.index])).toEqual(['big']);
    expect(s.droppedSize).toBeCloseTo(Math.hypot(2, 2, 2), 9);
    expect(s.error).toBe(Math.max(s.droppedSize, cell / 1024));
  });

  it('are counted without being built: a parent picks its merge cell by the count, then builds only those blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 2000 }),
        (points, side) => {
          const blocks = points.map(([x, y], i) => house(`p${i}`, x, y, 4, 5));
          expect(massingCount(blocks, side)).toBe(mergeIntoMassing(blocks, side).length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
