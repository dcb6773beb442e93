/**
 * Where sun hours are measured: a ground grid (cell centres on the scene's ground, points inside buildings
 * dropped as NaN) and facade points (sub-triangle centroids of each wall triangle, about one per
 * `spacing`² of wall, with the wall's outward normal and the area each stands for).
 */
import type { SceneTriangles } from './tileset-triangles';
import type { TriangleGrid } from './triangle-grid';

export interface GroundGrid {
  minX: number;
  minY: number;
  cellSize: number;
  nx: number;
  ny: number;
  /** Cell centres, x y z; z is NaN inside buildings. */
  positions: Float64Array;
}

export interface Bounds2 {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function groundGrid(bounds: Bounds2, cellSize: number, groundZ: number, grid: TriangleGrid): GroundGrid {
  if (!(cellSize > 0)) throw new RangeError(`cellSize must be positive, not ${cellSize}`);
  const nx = Math.max(1, Math.ceil((bounds.maxX - bounds.minX) / cellSize));
  const ny = Math.max(1, Math.ceil((bounds.maxY - bounds.minY) / cellSize));
  if (nx * ny > 4_000_000) throw new RangeError(`A ground grid of ${nx} × ${ny} cells is too large: use a larger cell or a smaller area`);
  const positions = new Float64Array(nx * ny * 3);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = (j * nx + i) * 3;
      const x = bounds.minX + (i + 0.5) * cellSize;
      const y = bounds.minY + (j + 0.5) * cellSize;
      positions[k] = x;
      positions[k + 1] = y;
      // under a roof: inside a building, not ground
      positions[k + 2] = grid.occluded(x, y, groundZ + 0.05, 0, 0, 1) ? Number.NaN : groundZ;
    }
  }
  return { minX: bounds.minX, minY: bounds.minY, cellSize, nx, ny, positions };
}

export interface FacadePoints {
  positions: Float64Array;
  normals: Float64Array;
  /** Wall area each point stands for, m². */
  areas: Float64Array;
  /** Index into `buildings` per point. */
  building: Uint32Array;
  buildings: string[];
}

/** Facade points of the named buildings (all buildings when ids is undefined). */
export function facadePoints(scene: SceneTriangles, ids: Iterable<string> | undefined, spacing = 2): FacadePoints {
  const wanted = ids ? new Set(ids) : null;
  const rowToBuilding = new Map<number, number>();
  const buildings: string[] = [];
  scene.ids.forEach((id, row) => {
    if (wanted && !wanted.has(id)) return;
    rowToBuilding.set(row, buildings.length);
    buildings.push(id);
  });
  // plan centroid of each building (vertex mean), to turn wall normals outwards
  const cx = new Float64Array(buildings.length);
  const cy = new Float64Array(buildings.length);
  const cn = new Float64Array(buildings.length);
  const p = scene.positions;
  for (let t = 0; t < scene.feature.length; t++) {
    const b = rowToBuilding.get(scene.feature[t]);
    if (b === undefined) continue;
    for (let k = 0; k < 3; k++) {
      cx[b] += p[t * 9 + k * 3];
      cy[b] += p[t * 9 + k * 3 + 1];
      cn[b]++;
    }
  }
  const pos: number[] = [];
  const nor: number[] = [];
  const area: number[] = [];
  const owner: number[] = [];
  for (let t = 0; t < scene.feature.length; t++) {
    const b = rowToBuilding.get(scene.feature[t]);
    if (b === undefined) continue;
    const o = t * 9;
    const ax = p[o], ay = p[o + 1], az = p[o + 2];
    const e1x = p[o + 3] - ax, e1y = p[o + 4] - ay, e1z = p[o + 5] - az;
    const e2x = p[o + 6] - ax, e2y = p[o + 7] - ay, e2z = p[o + 8] - az;
    let nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
    const len = Math.hypot(nx, ny, nz);
    if (len < 1e-9) continue;
    nx /= len; ny /= len; nz /= len;
    if (Math.abs(nz) > 0.35) continue; // roofs and floors are not facades
    const mx = ax + (e1x + e2x) / 3 - cx[b] / cn[b];
    const my = ay + (e1y + e2y) / 3 - cy[b] / cn[b];
    if (nx * mx + ny * my < 0) {
      nx = -nx; ny = -ny; nz = -nz;
    }
    const longest = Math.max(Math.hypot(e1x, e1y, e1z), Math.hypot(e2x, e2y, e2z), Math.hypot(e2x - e1x, e2y - e1y, e2z - e1z));
    const n = Math.min(64, Math.max(1, Math.ceil(longest / spacing)));
    const subArea = len / 2 / (n * n);
    // the n² sub-triangles of a regular subdivision: n(n+1)/2 upright, n(n−1)/2 inverted
    for (let i = 0; i < n; i++) {
      for (let j = 0; i + j < n; j++) {
        for (const [u, v] of i + j < n - 1 ? [[i + 1 / 3, j + 1 / 3], [i + 2 / 3, j + 2 / 3]] : [[i + 1 / 3, j + 1 / 3]]) {
          const s = u / n, r = v / n;
          pos.push(ax + s * e1x + r * e2x, ay + s * e1y + r * e2y, az + s * e1z + r * e2z);
          nor.push(nx, ny, nz);
          area.push(subArea);
          owner.push(b);
        }
      }
    }
  }
  return { positions: new Float64Array(pos), normals: new Float64Array(nor), areas: new Float64Array(area), building: new Uint32Array(owner), buildings };
}
