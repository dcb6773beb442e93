/**
 * A building as an LoD1 block for a parent tile: its footprint's exterior rings, simplified
 * (Douglas–Peucker) to the parent's tolerance and extruded from its lowest to its highest point.
 * Kept compact (outline + heights + feature record) so a parent is built from what its
 * children hand up, never from the whole dataset.
 */
import earcut from 'earcut';
import type { BuildingMesh } from '../mesh/building-mesh';
import { SURFACE_CODE } from '../mesh/surface-style';
import type { FeatureRecord } from '../tiles3d/metadata-schema';

export interface Lod1Block {
  /** The dataset item of the building it stands for: its feature row and model are read back when a parent is
   * written, so thousands of blocks waiting for their parent hold no attributes (1M buildings: 78 MB less). */
  index: number;
  /** The mesh anchor (mesh plane): where outlines, bottom and top are relative to, and what places merges. */
  anchor: Float64Array;
  /** Exterior rings as x,y pairs relative to the mesh anchor (mesh plane), unclosed. */
  outlines: Float64Array[];
  bottom: number;
  top: number;
  /** Footprint area (m², sum of exteriors): what decides whether a far parent keeps it. */
  area: number;
  /** Bounding-box diagonal (m): the error of leaving it out. */
  size: number;
  /** Top minus the lowest roof vertex: how far the flat LoD1 top is from the LoD2 roof (for a massing block, also
   * how far its members' tops are from its mean height). */
  roofError: number;
}

export function lod1BlockOf(mesh: BuildingMesh, index: number, size: number): Lod1Block {
  const { anchor, bbox, positions, surfaces } = mesh;
  const bottom = bbox[2] - anchor[2];
  const top = bbox[5] - anchor[2];
  let lowestRoof = top;
  for (let i = 0; i < surfaces.length; i++) if (surfaces[i] === SURFACE_CODE.RoofSurface) lowestRoof = Math.min(lowestRoof, positions[i * 3 + 2]);
  let outlines = footprintOutlines(mesh);
  // Footprints keep source coordinates; in a geographic CRS the mesh plane differs: use the hull of the mesh there.
  if (!outlines.length) outlines = [convexHull(positions)];
  let area = 0;
  for (const o of outlines) area += Math.abs(signedArea(o));
  return {
    index,
    anchor: Float64Array.from(anchor),
    outlines,
    bottom,
    top,
    area,
    size,
    roofError: Math.max(0, top - lowestRoof),
  };
}

/** Exterior rings relative to the anchor, or none when the footprint is not in the mesh plane. */
function footprintOutlines(mesh: BuildingMesh): Float64Array[] {
  const { anchor, bbox, footprint } = mesh;
  const slack = 1e-3 + 1e-6 * Math.max(Math.abs(bbox[3]), Math.abs(bbox[4]));
  const out: Float64Array[] = [];
  for (const polygon of footprint) {
    const ring = polygon[0];
    if (!ring || ring.length < 6) continue;
    let n = ring.length / 2;
    if (ring[0] === ring[2 * n - 2] && ring[1] === ring[2 * n - 1]) n--;
    const rel = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const x = ring[2 * i], y = ring[2 * i + 1];
      if (!(x >= bbox[0] - slack && x <= bbox[3] + slack && y >= bbox[1] - slack && y <= bbox[4] + slack)) return [];
      rel[2 * i] = x - anchor[0];
      rel[2 * i + 1] = y - anchor[1];
    }
    if (n >= 3) out.push(rel);
  }
  return out;
}

export function signedArea(ring: ArrayLike<number>): number {
  let a = 0;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) a += ring[2 * j] * ring[2 * i + 1] - ring[2 * i] * ring[2 * j + 1];
  return a / 2;
}

/** Andrew's monotone chain over the x,y of a mesh's vertices (counter-clockwise). */
export function convexHull(positions: Float32Array): Float64Array {
  const pts: [number, number][] = [];
  for (let i = 0; i < positions.length; i += 3) pts.push([positions[i], positions[i + 1]]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  const hull = lower.slice(0, -1).concat(upper.slice(0, -1));
  return Float64Array.from(hull.flat());
}

/**
 * Douglas–Peucker on a closed ring: split at the two farthest-apart vertices, simplify each half.
 * Every dropped vertex is within `tolerance` of the kept outline. Never fewer than 3 vertices.
 */
export function simplifyRing(ring: Float64Array, tolerance: number): Float64Array {
  const n = ring.length / 2;
  if (n <= 3 || !(tolerance > 0)) return ring;
  let far = 0;
  let best = -1;
  for (let i = 1; i < n; i++) {
    const d = (ring[2 * i] - ring[0]) ** 2 + (ring[2 * i + 1] - ring[1]) ** 2;
    if (d > best) [best, far] = [d, i];
  }
  const keep = new Uint8Array(n);
  keep[0] = keep[far] = 1;
  const stack: [number, number][] = [[0, far], [far, n]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = ring[2 * a], ay = ring[2 * a + 1];
    const bx = ring[2 * (b % n)], by = ring[2 * (b % n) + 1];
    const dx = bx - ax, dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1, at = -1;
    for (let i = a + 1; i < b; i++) {
      const px = ring[2 * i] - ax, py = ring[2 * i + 1] - ay;
      const d = len > 0 ? Math.abs(dx * py - dy * px) / len : Math.hypot(px, py);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i];
  if (count < 3) return ring;
  const out = new Float64Array(count * 2);
  let k = 0;
  for (let i = 0; i < n; i++) if (keep[i]) { out[k++] = ring[2 * i]; out[k++] = ring[2 * i + 1]; }
  return out;
}

/** The block as a BuildingMesh (anchor-relative positions) the tile geometry builder merges like any building. */
export function lod1Mesh(block: Lod1Block, tolerance: number, feature: FeatureRecord): BuildingMesh {
  const positions: number[] = [];
  const normals: number[] = [];
  const surfaces: number[] = [];
  const indices: number[] = [];
  for (const outline of block.outlines) {
    let ring = simplifyRing(outline, tolerance);
    if (signedArea(ring) < 0) ring = reverseRing(ring);
    const n = ring.length / 2;
    // Walls: one quad per edge with its own outward normal.
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const x0 = ring[2 * i], y0 = ring[2 * i + 1], x1 = ring[2 * j], y1 = ring[2 * j + 1];
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const nx = Math.round(((y1 - y0) / len) * 127), ny = Math.round((-(x1 - x0) / len) * 127);
      const base = positions.length / 3;
      positions.push(x0, y0, block.bottom, x1, y1, block.bottom, x1, y1, block.top, x0, y0, block.top);
      for (let k = 0; k < 4; k++) {
        normals.push(nx, ny, 0);
        surfaces.push(SURFACE_CODE.WallSurface);
      }
      indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
    }
    // Roof: the outline at the top, ear-cut (counter-clockwise, facing up).
    const base = positions.length / 3;
    for (let i = 0; i < n; i++) {
      positions.push(ring[2 * i], ring[2 * i + 1], block.top);
      normals.push(0, 0, 127);
      surfaces.push(SURFACE_CODE.RoofSurface);
    }
    for (const t of earcut(Array.from(ring))) indices.push(base + t);
  }
  return {
    id: feature.id,
    attributes: feature.attributes,
    lod: feature.lod,
    line: 0,
    column: 0,
    anchor: new Float64Array(3),
    positions: Float32Array.from(positions),
    normals: Int8Array.from(normals),
    surfaces: Uint8Array.from(surfaces),
    indices: Uint32Array.from(indices),
    bbox: new Float64Array(6),
    footprint: [],
    groundHeight: block.bottom,
  };
}

function reverseRing(ring: Float64Array): Float64Array {
  const n = ring.length / 2;
  const out = new Float64Array(ring.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = ring[2 * (n - 1 - i)];
    out[2 * i + 1] = ring[2 * (n - 1 - i) + 1];
  }
  return out;
}
