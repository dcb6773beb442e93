/**
 * Far parents merge buildings into massing blocks, one per grid cell: the convex hull of their outlines,
 * extruded from the lowest base to their area-weighted mean height. Dropping the small ones instead left a
 * far view of a town of houses empty (no house reaches a county tile's threshold), and keeping only the
 * largest left it spotty. A massing block answers picks, hiding and selection as its largest building.
 */
import { convexHull, signedArea, type Lod1Block } from './lod1-block';

/** Side of the finest merge cell (m) for a parent whose cell has side `cellSize`: ~60 m for a 4 km cell. */
export function massingCell(cellSize: number): number {
  return cellSize / 64;
}

/**
 * Blocks grouped by the grid cell of their anchor (the same grid for every tile, so neighbours merge alike),
 * each group of two or more as one block in its largest member's frame; a lone block stays as it is.
 */
export function mergeIntoMassing(blocks: readonly Lod1Block[], side: number): Lod1Block[] {
  const groups = new Map<string, Lod1Block[]>();
  for (const b of blocks) {
    const key = cellKey(b, side);
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  const out: Lod1Block[] = [];
  for (const group of groups.values()) out.push(group.length === 1 ? group[0] : massingOf(group));
  return out;
}

/** How many blocks mergeIntoMassing(blocks, side) gives, without building them. */
export function massingCount(blocks: readonly Lod1Block[], side: number): number {
  const cells = new Set<string>();
  for (const b of blocks) cells.add(cellKey(b, side));
  return cells.size;
}

function cellKey(b: Lod1Block, side: number): string {
  return `${Math.floor(b.anchor[0] / side)},${Math.floor(b.anchor[1] / side)}`;
}

function massingOf(group: readonly Lod1Block[]): Lod1Block {
  // The largest member (first of equals: deterministic) lends its frame and its feature.
  let host = group[0];
  for (const b of group) if (b.area > host.area) host = b;
  const [ax, ay, az] = host.anchor;
  let points = 0;
  for (const b of group) for (const o of b.outlines) points += o.length / 2;
  const xyz = new Float32Array(points * 3);
  let k = 0;
  let bottom = Infinity;
  let weighted = 0;
  let area = 0;
  let roofError = 0;
  for (const b of group) {
    const dx = b.anchor[0] - ax, dy = b.anchor[1] - ay, dz = b.anchor[2] - az;
    for (const o of b.outlines) {
      for (let i = 0; i < o.length; i += 2) {
        xyz[k++] = o[i] + dx;
        xyz[k++] = o[i + 1] + dy;
        xyz[k++] = 0;
      }
    }
    bottom = Math.min(bottom, b.bottom + dz);
    weighted += (b.top + dz) * b.area;
    area += b.area;
    roofError = Math.max(roofError, b.roofError);
  }
  const top = area > 0 ? weighted / area : Math.max(...group.map((b) => b.top + b.anchor[2] - az));
  // How far the block is from what it stands for: each member's own roof gap and its height from the mean.
  for (const b of group) roofError = Math.max(roofError, Math.abs(b.top + b.anchor[2] - az - top));
  const hull = convexHull(xyz);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < hull.length; i += 2) {
    minX = Math.min(minX, hull[i]);
    maxX = Math.max(maxX, hull[i]);
    minY = Math.min(minY, hull[i + 1]);
    maxY = Math.max(maxY, hull[i + 1]);
  }
  return {
    index: host.index,
    anchor: host.anchor,
    outlines: [hull],
    bottom,
    top: Math.max(top, bottom + 0.5),
    area: Math.abs(signedArea(hull)),
    size: Math.hypot(maxX - minX, maxY - minY, top - bottom),
    roofError,
  };
}
