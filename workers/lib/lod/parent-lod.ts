/**
 * Which LoD1 blocks a parent tile carries and what that costs in geometric error. The outline
 * tolerance and the smallest kept footprint grow with the cell, and a cap on buildings bounds
 * a parent's bytes however many buildings lie beneath it. The error is measured, not guessed:
 * the largest building left out, the outline tolerance, and the largest roof-to-block height gap.
 */
import type { Lod1Block } from './lod1-block';

/** At most this many blocks per parent (the largest footprints win): ~0.3 MB of GLB at typical outlines. */
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
  let kept = blocks.filter((b) => {
    if (b.area >= minArea) return true;
    droppedSize = Math.max(droppedSize, b.size);
    return false;
  });
  if (kept.length > MAX_PARENT_BUILDINGS) {
    // Stable order (largest first, then as given) keeps the output deterministic.
    const order = kept.map((b, i) => i).sort((a, b) => kept[b].area - kept[a].area || a - b);
    const chosen = new Uint8Array(kept.length);
    for (let k = 0; k < MAX_PARENT_BUILDINGS; k++) chosen[order[k]] = 1;
    kept.forEach((b, i) => {
      if (!chosen[i]) droppedSize = Math.max(droppedSize, b.size);
    });
    kept = kept.filter((_, i) => chosen[i]);
  }
  let error = Math.max(droppedSize, tolerance);
  for (const b of kept) error = Math.max(error, b.roofError);
  return { kept, tolerance, droppedSize, error };
}
