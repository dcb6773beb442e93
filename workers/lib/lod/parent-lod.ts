/**
 * Which LoD1 blocks a parent tile carries and what that costs in geometric error. The outline
 * tolerance and the smallest kept footprint grow with the cell, and a cap on buildings bounds
 * a parent's bytes however many buildings lie beneath it. The error is measured, not guessed:
 * the largest building left out, the outline tolerance, and the largest roof-to-block height gap.
 */
import type { Lod1Block } from './lod1-block';
import { massingCell, massingCount, mergeIntoMassing } from './massing';

/** At most this many blocks per parent (beyond it, buildings merge in coarser cells): ~1 MB of GLB with their feature records. */
export const MAX_PARENT_BUILDINGS = 1000;

/** Outline tolerance (m) for a parent whose cell has side `cellSize` (m): ~4 m for a 4 km cell. */
export function parentTolerance(cellSize: number): number {
  return cellSize / 1024;
}

/** Footprints below this area (m²) are left out: ~240 m² (a 15 m square) in a 4 km cell. */
export function minParentArea(cellSize: number): number {
  return (cellSize / 256) ** 2;
}

export interface ParentSelection {
  kept: Lod1Block[];
  tolerance: number;
  /** Largest size of a block left out (0 when none). */
  droppedSize: number;
  /** What stopping at this parent leaves out (before the monotonicity floor). */
  error: number;
}

export function selectParentBlocks(blocks: readonly Lod1Block[], cellSize: number): ParentSelection {
  const tolerance = parentTolerance(cellSize);
  const minArea = minParentArea(cellSize);
  let droppedSize = 0;
  let side = massingCell(cellSize);
  const big: Lod1Block[] = [];
  const small: Lod1Block[] = [];
  for (const b of blocks) (b.area >= minArea ? big : small).push(b);
  let kept: Lod1Block[];
  let mergedAny = true;
  if (big.length + massingCount(small, side) <= MAX_PARENT_BUILDINGS) {
    // Small buildings merge per grid cell; what is still small after that (a lone shed) is left out.
    const merged = mergeIntoMassing(small, side);
    kept = big.concat(merged);
    mergedAny = merged.length < small.length;
  } else {
    // Too many for one tile: merge everything, in the finest of the coarser cells (twice as coarse each time) in
    // which they fit, so the view stays whole. Cells are counted first: only the blocks kept are built.
    do side *= 2;
    while (massingCount(blocks, side) > MAX_PARENT_BUILDINGS);
    kept = mergeIntoMassing(blocks, side);
  }
  kept = kept.filter((b) => {
    if (b.area >= minArea / 4) return true;
    droppedSize = Math.max(droppedSize, b.size);
    return false;
  });
  // A massing block's hull spans the gaps between its buildings: up to a merge cell's diagonal.
  let error = Math.max(droppedSize, tolerance, mergedAny ? side * Math.SQRT2 : 0);
  for (const b of kept) error = Math.max(error, b.roofError);
  return { kept, tolerance, droppedSize, error };
}
