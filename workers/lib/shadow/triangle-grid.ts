/**
 * Any-hit shadow rays against triangles, exact (Möller–Trumbore in doubles), accelerated by a uniform grid
 * in plan: each cell lists the triangles whose bounding box touches it and keeps their highest point. A ray
 * walks the cells along its plan direction (Amanatides–Woo) and skips every cell whose highest point lies
 * below the ray where it enters; once the ray is above the whole scene it stops. Towns are 2.5D-ish, so a
 * shadow ray touches few cells with anything tall enough in them.
 */
export interface TriangleGridOptions {
  /** Cell edge in metres (default: chosen from the triangles' mean size, 2–16 m). */
  cellSize?: number;
}

export class TriangleGrid {
  readonly minX: number;
  readonly minY: number;
  readonly cellSize: number;
  readonly nx: number;
  readonly ny: number;
  readonly maxZ: number;
  readonly minZ: number;
  /** Per triangle: v0 (3), edge1 (3), edge2 (3). */
  private readonly tri: Float64Array;
  private readonly cellStart: Uint32Array;
  private readonly cellTris: Uint32Array;
  private readonly cellMaxZ: Float64Array;
  /** Ray tests counted (for benchmarks). */
  rays = 0;

  constructor(positions: Float64Array, options: TriangleGridOptions = {}) {
    const count = positions.length / 9;
    let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
    let extent = 0;
    for (let t = 0; t < count; t++) {
      let tx0 = Infinity, tx1 = -Infinity, ty0 = Infinity, ty1 = -Infinity;
      for (let k = 0; k < 3; k++) {
        const x = positions[t * 9 + k * 3], y = positions[t * 9 + k * 3 + 1], z = positions[t * 9 + k * 3 + 2];
        tx0 = Math.min(tx0, x); tx1 = Math.max(tx1, x); ty0 = Math.min(ty0, y); ty1 = Math.max(ty1, y);
        minZ = Math.min(minZ, z); maxZ = Math.max(maxZ, z);
      }
      minX = Math.min(minX, tx0); maxX = Math.max(maxX, tx1); minY = Math.min(minY, ty0); maxY = Math.max(maxY, ty1);
      extent += Math.max(tx1 - tx0, ty1 - ty0);
    }
    if (count === 0) { minX = minY = minZ = maxZ = 0; maxX = maxY = 1; }
    const cell = options.cellSize ?? Math.min(16, Math.max(2, count ? (extent / count) * 1.5 : 4));
    this.cellSize = cell;
    this.minX = minX;
    this.minY = minY;
    this.minZ = minZ;
    this.maxZ = maxZ;
    this.nx = Math.max(1, Math.ceil((maxX - minX) / cell) + 1);
    this.ny = Math.max(1, Math.ceil((maxY - minY) / cell) + 1);
    if (this.nx * this.ny > 64e6) throw new Error(`Shadow grid of ${this.nx} × ${this.ny} cells is too large: use a larger cell size`);

    this.tri = new Float64Array(count * 9);
    const cells = this.nx * this.ny;
    const counts = new Uint32Array(cells + 1);
    this.cellMaxZ = new Float64Array(cells).fill(-Infinity);
    const range = (t: number): [number, number, number, number, number] => {
      const p = positions;
      const o = t * 9;
      const x0 = Math.min(p[o], p[o + 3], p[o + 6]), x1 = Math.max(p[o], p[o + 3], p[o + 6]);
      const y0 = Math.min(p[o + 1], p[o + 4], p[o + 7]), y1 = Math.max(p[o + 1], p[o + 4], p[o + 7]);
      const z1 = Math.max(p[o + 2], p[o + 5], p[o + 8]);
      return [Math.floor((x0 - minX) / cell), Math.floor((x1 - minX) / cell), Math.floor((y0 - minY) / cell), Math.floor((y1 - minY) / cell), z1];
    };
    for (let t = 0; t < count; t++) {
      const o = t * 9;
      const p = positions;
      this.tri.set([p[o], p[o + 1], p[o + 2], p[o + 3] - p[o], p[o + 4] - p[o + 1], p[o + 5] - p[o + 2], p[o + 6] - p[o], p[o + 7] - p[o + 1], p[o + 8] - p[o + 2]], o);
      const [i0, i1, j0, j1, z1] = range(t);
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const c = j * this.nx + i;
          counts[c + 1]++;
          if (z1 > this.cellMaxZ[c]) this.cellMaxZ[c] = z1;
        }
      }
    }
    for (let c = 0; c < cells; c++) counts[c + 1] += counts[c];
    this.cellStart = counts;
    this.cellTris = new Uint32Array(counts[cells]);
    const fill = counts.slice(0, cells);
    for (let t = 0; t < count; t++) {
      const [i0, i1, j0, j1] = range(t);
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) this.cellTris[fill[j * this.nx + i]++] = t;
    }
  }

  /** True when the ray from (ox, oy, oz) along the unit direction (dx, dy, dz), dz ≥ 0, hits any triangle at t > 1 mm. */
  occluded(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): boolean {
    this.rays++;
    const cell = this.cellSize;
    const nx = this.nx, ny = this.ny;
    let gx = (ox - this.minX) / cell;
    let gy = (oy - this.minY) / cell;
    let t = 0;
    // enter the grid if the origin lies outside it
    if (gx < 0 || gy < 0 || gx >= nx || gy >= ny) {
      const tEnter = entry(gx, gy, dx / cell, dy / cell, nx, ny);
      if (tEnter === null) return false;
      t = tEnter;
      gx += (dx / cell) * t;
      gy += (dy / cell) * t;
    }
    let i = Math.min(nx - 1, Math.max(0, Math.floor(gx)));
    let j = Math.min(ny - 1, Math.max(0, Math.floor(gy)));
    const stepI = dx > 0 ? 1 : dx < 0 ? -1 : 0;
    const stepJ = dy > 0 ? 1 : dy < 0 ? -1 : 0;
    const tDeltaX = stepI ? cell / Math.abs(dx) : Infinity;
    const tDeltaY = stepJ ? cell / Math.abs(dy) : Infinity;
    let tMaxX = stepI > 0 ? t + ((i + 1 - gx) * cell) / dx : stepI < 0 ? t + ((i - gx) * cell) / dx : Infinity;
    let tMaxY = stepJ > 0 ? t + ((j + 1 - gy) * cell) / dy : stepJ < 0 ? t + ((j - gy) * cell) / dy : Infinity;
    const maxZ = this.maxZ;
    const cellMaxZ = this.cellMaxZ;
    for (;;) {
      const zEnter = oz + t * dz;
      if (zEnter > maxZ) return false;
      const c = j * nx + i;
      if (cellMaxZ[c] >= zEnter && this.hitsCell(c, ox, oy, oz, dx, dy, dz)) return true;
      if (tMaxX < tMaxY) {
        t = tMaxX;
        tMaxX += tDeltaX;
        i += stepI;
        if (i < 0 || i >= nx) return false;
      } else {
        if (tMaxY === Infinity) return false; // vertical ray: one cell only
        t = tMaxY;
        tMaxY += tDeltaY;
        j += stepJ;
        if (j < 0 || j >= ny) return false;
      }
    }
  }

  private hitsCell(c: number, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): boolean {
    const tri = this.tri;
    const list = this.cellTris;
    for (let k = this.cellStart[c], end = this.cellStart[c + 1]; k < end; k++) {
      const o = list[k] * 9;
      const e1x = tri[o + 3], e1y = tri[o + 4], e1z = tri[o + 5];
      const e2x = tri[o + 6], e2y = tri[o + 7], e2z = tri[o + 8];
      const px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
      const det = e1x * px + e1y * py + e1z * pz;
      if (det > -1e-12 && det < 1e-12) continue;
      const inv = 1 / det;
      const sx = ox - tri[o], sy = oy - tri[o + 1], sz = oz - tri[o + 2];
      const u = (sx * px + sy * py + sz * pz) * inv;
      if (u < 0 || u > 1) continue;
      const qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
      const v = (dx * qx + dy * qy + dz * qz) * inv;
      if (v < 0 || u + v > 1) continue;
      const dist = (e2x * qx + e2y * qy + e2z * qz) * inv;
      if (dist > 1e-3) return true;
    }
    return false;
  }
}

/** Parameter where a ray from outside enters [0, nx] × [0, ny] (grid units), or null when it misses. */
function entry(gx: number, gy: number, dx: number, dy: number, nx: number, ny: number): number | null {
  let t0 = 0;
  let t1 = Infinity;
  for (const [o, d, n] of [[gx, dx, nx], [gy, dy, ny]] as const) {
    if (d === 0) {
      if (o < 0 || o >= n) return null;
      continue;
    }
    let a = (0 - o) / d;
    let b = (n - o) / d;
    if (a > b) [a, b] = [b, a];
    t0 = Math.max(t0, a);
    t1 = Math.min(t1, b);
  }
  return t0 <= t1 ? t0 + 1e-9 : null;
}
