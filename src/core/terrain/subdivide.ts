/**
 * Splitting flat shapes so they can follow a terrain: a draped area or line whose vertices alone sit on the
 * ground would cut through hills between them. Triangles are bisected at their longest edge and segments
 * split evenly until no edge is longer than `maxEdge`; depth is capped, so a huge polygon costs at most
 * 2^maxDepth triangles, never unbounded work.
 */

/** Calls emit with x/z of each resulting triangle's corners (a, b, c in the input's winding). */
export function subdivideTriangle(
  ax: number, az: number, bx: number, bz: number, cx: number, cz: number,
  maxEdge: number,
  emit: (ax: number, az: number, bx: number, bz: number, cx: number, cz: number) => void,
  maxDepth = 12,
): void {
  const ab = (bx - ax) ** 2 + (bz - az) ** 2;
  const bc = (cx - bx) ** 2 + (cz - bz) ** 2;
  const ca = (ax - cx) ** 2 + (az - cz) ** 2;
  const longest = Math.max(ab, bc, ca);
  if (!(longest > maxEdge * maxEdge) || maxDepth <= 0) {
    emit(ax, az, bx, bz, cx, cz);
    return;
  }
  const d = maxDepth - 1;
  if (longest === ab) {
    const mx = (ax + bx) / 2, mz = (az + bz) / 2;
    subdivideTriangle(ax, az, mx, mz, cx, cz, maxEdge, emit, d);
    subdivideTriangle(mx, mz, bx, bz, cx, cz, maxEdge, emit, d);
  } else if (longest === bc) {
    const mx = (bx + cx) / 2, mz = (bz + cz) / 2;
    subdivideTriangle(ax, az, bx, bz, mx, mz, maxEdge, emit, d);
    subdivideTriangle(ax, az, mx, mz, cx, cz, maxEdge, emit, d);
  } else {
    const mx = (cx + ax) / 2, mz = (cz + az) / 2;
    subdivideTriangle(ax, az, bx, bz, mx, mz, maxEdge, emit, d);
    subdivideTriangle(mx, mz, bx, bz, cx, cz, maxEdge, emit, d);
  }
}

/** Pieces a segment needs so none is longer than maxEdge (at least 1, at most maxPieces). */
export function segmentPieces(ax: number, az: number, bx: number, bz: number, maxEdge: number, maxPieces = 4096): number {
  const length = Math.hypot(bx - ax, bz - az);
  return Number.isFinite(maxEdge) && maxEdge > 0 ? Math.min(maxPieces, Math.max(1, Math.ceil(length / maxEdge))) : 1;
}
