/**
 * A quantized-mesh 1.0 tile writer (https://github.com/CesiumGS/quantized-mesh), for the synthetic terrain
 * fixtures: a regular grid of vertices per tile, geographic (EPSG:4326) tiling as Cesium terrain servers use.
 * No maintained JS encoder exists on npm (only decoders), hence this small one. Pure: returns the bytes.
 */
import { geodeticToEcef, WGS84_A, WGS84_F } from '../../src/core/geo/index.ts';

export interface QuantizedTileSpec {
  /** The tile's extent in degrees. */
  west: number;
  south: number;
  east: number;
  north: number;
  /** Vertices per tile edge (≥ 2). */
  size: number;
  /** Ellipsoidal height (metres) at lon/lat degrees. */
  height(lon: number, lat: number): number;
}

const MAX = 32767;
const B = WGS84_A * (1 - WGS84_F);

/** The extent of tile x/y at level z in the geographic TMS scheme (2 × 1 tiles at level 0, y counted from the south). */
export function geographicTile(z: number, x: number, y: number): { west: number; south: number; east: number; north: number } {
  const size = 180 / 2 ** z;
  return { west: -180 + x * size, south: -90 + y * size, east: -180 + (x + 1) * size, north: -90 + (y + 1) * size };
}

export function encodeQuantizedMeshTile(spec: QuantizedTileSpec): Uint8Array {
  const n = spec.size;
  if (!(n >= 2 && n <= 256)) throw new RangeError(`size ${n}: 2–256 vertices per edge`);
  // grid vertices, row by row from the south
  const grid = n * n;
  const lon = new Float64Array(grid);
  const lat = new Float64Array(grid);
  const h = new Float64Array(grid);
  let minH = Infinity;
  let maxH = -Infinity;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      lon[k] = spec.west + ((spec.east - spec.west) * i) / (n - 1);
      lat[k] = spec.south + ((spec.north - spec.south) * j) / (n - 1);
      h[k] = spec.height(lon[k], lat[k]);
      if (!Number.isFinite(h[k])) throw new RangeError(`no height at ${lon[k]}, ${lat[k]}`);
      minH = Math.min(minH, h[k]);
      maxH = Math.max(maxH, h[k]);
    }
  }
  // triangles over the grid, then vertices renumbered in order of first use (the high-water-mark coding needs it)
  const triangles: number[] = [];
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      const a = j * n + i; // south-west
      const b = a + 1;
      const c = a + n; // north-west
      const d = c + 1;
      triangles.push(a, b, c, b, d, c); // counter-clockwise seen from above
    }
  }
  const newId = new Int32Array(grid).fill(-1);
  const order: number[] = [];
  const indices = triangles.map((g) => {
    if (newId[g] < 0) {
      newId[g] = order.length;
      order.push(g);
    }
    return newId[g];
  });

  const ecef = order.map((g) => Array.from(geodeticToEcef(lon[g], lat[g], h[g])));
  const center = Array.from(geodeticToEcef((spec.west + spec.east) / 2, (spec.south + spec.north) / 2, (minH + maxH) / 2));
  const sphere = boundingSphere(ecef);
  const occlusion = horizonOcclusionPoint(sphere.center, ecef);

  const count = order.length;
  const index16 = count <= 65536;
  const bytes = 88 + 4 + count * 6 + (index16 ? 0 : 2) + 4 + indices.length * (index16 ? 2 : 4) + 16 + 4 * n * (index16 ? 2 : 4);
  const view = new DataView(new ArrayBuffer(bytes + 8));
  let at = 0;
  const f64 = (v: number) => void view.setFloat64((at += 8) - 8, v, true);
  const f32 = (v: number) => void view.setFloat32((at += 4) - 4, v, true);
  const u32 = (v: number) => void view.setUint32((at += 4) - 4, v, true);
  const u16 = (v: number) => void view.setUint16((at += 2) - 2, v, true);
  const idx = index16 ? u16 : u32;
  center.forEach(f64);
  f32(minH);
  f32(maxH);
  sphere.center.forEach(f64);
  f64(sphere.radius);
  occlusion.forEach(f64);
  u32(count);
  const quantized = (g: number, c: 0 | 1 | 2): number => {
    const i = g % n;
    const j = Math.floor(g / n);
    if (c === 0) return Math.round((i / (n - 1)) * MAX);
    if (c === 1) return Math.round((j / (n - 1)) * MAX);
    return maxH > minH ? Math.round(((h[g] - minH) / (maxH - minH)) * MAX) : 0;
  };
  for (const c of [0, 1, 2] as const) {
    let previous = 0;
    for (const g of order) {
      const value = quantized(g, c);
      u16(zigZag(value - previous));
      previous = value;
    }
  }
  if (!index16) at = Math.ceil(at / 4) * 4;
  u32(indices.length / 3);
  let highest = 0;
  for (const v of indices) {
    idx(highest - v);
    if (v === highest) highest++;
  }
  // edge vertices: west, south, east, north
  const edges: Array<(g: number) => boolean> = [(g) => g % n === 0, (g) => g < n, (g) => g % n === n - 1, (g) => g >= n * (n - 1)];
  for (const onEdge of edges) {
    const ids = order.map((g, k) => (onEdge(g) ? k : -1)).filter((k) => k >= 0);
    u32(ids.length);
    ids.forEach(idx);
  }
  return new Uint8Array(view.buffer, 0, at);
}

function zigZag(v: number): number {
  return ((v << 1) ^ (v >> 31)) & 0xffff;
}

function boundingSphere(points: number[][]): { center: number[]; radius: number } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let c = 0; c < 3; c++) {
      min[c] = Math.min(min[c], p[c]);
      max[c] = Math.max(max[c], p[c]);
    }
  }
  const center = min.map((v, c) => (v + max[c]) / 2);
  let radius = 0;
  for (const p of points) radius = Math.max(radius, Math.hypot(p[0] - center[0], p[1] - center[1], p[2] - center[2]));
  return { center, radius };
}

/**
 * The horizon occlusion point in ellipsoid-scaled space (Cesium's EllipsoidalOccluder method): along the direction of
 * the bounding sphere's centre, far enough out that it is visible whenever any vertex is. A tile spanning a quarter
 * of the globe or more has vertices no such point can cover: it gets a point far out, hidden only from the far side.
 */
function horizonOcclusionPoint(center: number[], points: number[][]): number[] {
  const scale = (p: number[]) => [p[0] / WGS84_A, p[1] / WGS84_A, p[2] / B];
  const dc = scale(center);
  const len = Math.hypot(dc[0], dc[1], dc[2]);
  const dir = dc.map((v) => v / len);
  let magnitude = 1;
  for (const p of points) {
    const s = scale(p);
    const m2 = Math.max(1, s[0] ** 2 + s[1] ** 2 + s[2] ** 2);
    const m = Math.sqrt(m2);
    const d = s.map((v) => v / Math.hypot(s[0], s[1], s[2]));
    const cosA = d[0] * dir[0] + d[1] * dir[1] + d[2] * dir[2];
    const sinA = Math.hypot(d[1] * dir[2] - d[2] * dir[1], d[2] * dir[0] - d[0] * dir[2], d[0] * dir[1] - d[1] * dir[0]);
    const cosB = 1 / m;
    const sinB = Math.sqrt(m2 - 1) * cosB;
    const denominator = cosA * cosB - sinA * sinB;
    if (!(denominator > 1e-6)) return dir.map((v) => v * 1e6);
    magnitude = Math.max(magnitude, 1 / denominator);
  }
  return dir.map((v) => v * magnitude);
}
