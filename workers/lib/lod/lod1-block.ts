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

/** Andrew's monotone chain over the x,y of a mesh's vertices (counter-clockwise). Indices into typed arrays, not
 * [x, y] pairs: massing hulls run over thousands of points per parent. */
export function convexHull(positions: Float32Array): Float64Array {
  const n = positions.length / 3;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const x = (i: number) => positions[i * 3];
  const y = (i: number) => positions[i * 3 + 1];
  order.sort((a, b) => x(a) - x(b) || y(a) - y(b));
  const cross = (o: number, a: number, b: number) => (x(a) - x(o)) * (y(b) - y(o)) - (y(a) - y(o)) * (x(b) - x(o));
  const lower = new Uint32Array(n);
  let nl = 0;
  for (let k = 0; k < n; k++) {
    const p = order[k];
    while (nl >= 2 && cross(lower[nl - 2], lower[nl - 1], p) <= 0) nl--;
    lower[nl++] = p;
  }
  const upper = new Uint32Array(n);
  let nu = 0;
  for (let k = n - 1; k >= 0; k--) {
    const p = order[k];
    while (nu >= 2 && cross(upper[nu - 2], upper[nu - 1], p) <= 0) nu--;
    upper[nu++] = p;
  }
  const hull = new Float64Array(2 * (Math.max(nl - 1, 0) + Math.max(nu - 1, 0)));
  let h = 0;
  for (let k = 0; k < nl - 1; k++) {
    hull[h++] = x(lower[k]);
    hull[h++] = y(lower[k]);
  }
  for (let k = 0; k < nu - 1; k++) {
    hull[h++] = x(upper[k]);
    hull[h++] = y(upper[k]);
  }
  return hull;
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

/** The block as a BuildingMesh (anchor-relative positions) the tile geometry builder merges like any building.
 * Sized first and written into typed arrays (no growing number arrays: a parent has up to 1,000 of them). */
export function lod1Mesh(block: Lod1Block, tolerance: number, feature: FeatureRecord): BuildingMesh {
  const rings: Float64Array[] = [];
  const roofs: number[][] = [];
  let vertexCount = 0;
  let indexCount = 0;
  for (const outline of block.outlines) {
    let ring = simplifyRing(outline, tolerance);
    if (signedArea(ring) < 0) ring = reverseRing(ring);
    // Roof: the outline at the top, ear-cut (counter-clockwise, facing up).
    const roof = earcut(ring);
    rings.push(ring);
    roofs.push(roof);
    vertexCount += (ring.length / 2) * 5;
    indexCount += (ring.length / 2) * 6 + roof.length;
  }
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Int8Array(vertexCount * 3);
  const surfaces = new Uint8Array(vertexCount);
  const indices = new Uint32Array(indexCount);
  let v = 0;
  let t = 0;
  const vertex = (x: number, y: number, z: number, nx: number, ny: number, nz: number, surface: number) => {
    positions[v * 3] = x;
    positions[v * 3 + 1] = y;
    positions[v * 3 + 2] = z;
    normals[v * 3] = nx;
    normals[v * 3 + 1] = ny;
    normals[v * 3 + 2] = nz;
    surfaces[v++] = surface;
  };
  const { bottom, top } = block;
  rings.forEach((ring, r) => {
    const n = ring.length / 2;
    // Walls: one quad per edge with its own outward normal.
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const x0 = ring[2 * i], y0 = ring[2 * i + 1], x1 = ring[2 * j], y1 = ring[2 * j + 1];
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const nx = Math.round(((y1 - y0) / len) * 127), ny = Math.round((-(x1 - x0) / len) * 127);
      const base = v;
      vertex(x0, y0, bottom, nx, ny, 0, SURFACE_CODE.WallSurface);
      vertex(x1, y1, bottom, nx, ny, 0, SURFACE_CODE.WallSurface);
      vertex(x1, y1, top, nx, ny, 0, SURFACE_CODE.WallSurface);
      vertex(x0, y0, top, nx, ny, 0, SURFACE_CODE.WallSurface);
      indices[t++] = base;
      indices[t++] = base + 1;
      indices[t++] = base + 2;
      indices[t++] = base;
      indices[t++] = base + 2;
      indices[t++] = base + 3;
    }
    const base = v;
    for (let i = 0; i < n; i++) vertex(ring[2 * i], ring[2 * i + 1], top, 0, 0, 127, SURFACE_CODE.RoofSurface);
    for (const k of roofs[r]) indices[t++] = base + k;
  });
  return {
    id: feature.id,
    attributes: feature.attributes,
    lod: feature.lod,
    line: 0,
    column: 0,
    anchor: new Float64Array(3),
    positions,
    normals,
    surfaces,
    indices,
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
