/**
 * A quantized-mesh terrain (layer.json + .terrain tiles) → a HeightGrid over one extent, so everything that follows
 * a GeoTIFF terrain (meshes, ground probes, draped overlays, base maps) follows it unchanged. The deepest level whose
 * tiles over the extent stay within a budget is read; a tile that is missing there is taken from its nearest listed
 * ancestor, and so is a tile that fails (reported by URL); only where no ancestor can be read either is there no data (NaN).
 */
import type { HeightGrid } from '../../../src/core/terrain/height-grid';
import { DgmError } from './read-dgm';
import { dataExtent, isAvailable, parseLayer, tileSize, tilesOver, tileUrl, type QuantizedLayer } from './quantized-layer';

export interface QuantizedMeshOptions {
  /** The layer.json URL (absolute). */
  url: string;
  /** Name for messages (default: the URL). */
  file?: string;
  /** [west, south, east, north] degrees to read; default: the layer's data at its deepest level. */
  bbox?: [number, number, number, number];
  /** Samples per side of the grid (default 1025). */
  maxSide?: number;
  /** Tiles read at most (default 64). */
  maxTiles?: number;
}

export interface QuantizedMeshGrid {
  grid: HeightGrid;
  /** Level read and tiles used. */
  level: number;
  tiles: number;
  /** "url: reason" per tile that could not be read. */
  failures: string[];
}

type Decode = (bytes: ArrayBuffer) => { indices: ArrayLike<number>; vertexData: { u: Float32Array; v: Float32Array; height: Float32Array }; header: { minHeight: number; maxHeight: number } };
type Read = (url: string, file: string, cap: number, accept: { types: string; name: string }) => Promise<ArrayBuffer>;

const LAYER_CAP = 4 * 1024 * 1024;
const TILE_CAP = 16 * 1024 * 1024;
const TILE_ACCEPT = { types: 'application/vnd.quantized-mesh, application/octet-stream;q=0.9', name: 'a quantized-mesh tile' };
const PARALLEL = 4;

export async function readQuantizedMesh(read: Read, decode: Decode, options: QuantizedMeshOptions): Promise<QuantizedMeshGrid> {
  const file = options.file ?? options.url;
  const layer = parseLayer(await read(options.url, file, LAYER_CAP, { types: 'application/json', name: 'a layer.json' }), file);
  const box = options.bbox ?? dataExtent(layer);
  const [w, s, e, n] = box;
  if (!(w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90)) throw new DgmError(`${file}: the extent ${box.join(', ')} is no lon/lat box`);
  const maxTiles = options.maxTiles ?? 64;
  let level = Math.min(layer.maxzoom, 30);
  while (level > 0 && count(tilesOver(level, box)) > maxTiles) level--;
  const wanted = new Map<string, [number, number, number]>();
  const r = tilesOver(level, box);
  for (let x = r.startX; x <= r.endX; x++) {
    for (let y = r.startY; y <= r.endY; y++) {
      const tile = listedAncestor(layer, level, x, y);
      if (tile) wanted.set(tile.join('/'), tile);
    }
  }
  if (!wanted.size) throw new DgmError(`${file}: lists no tile over ${box.map((v) => v.toFixed(4)).join(', ')}`);

  const maxSide = options.maxSide ?? 1025;
  // about 64 samples per tile edge, at most maxSide per side; the same angular step both ways keeps cells square-ish
  const perDegree = Math.min(64 / tileSize(level), (maxSide - 1) / Math.max(e - w, n - s));
  const columns = Math.max(2, Math.min(maxSide, Math.round((e - w) * perDegree) + 1));
  const rows = Math.max(2, Math.min(maxSide, Math.round((n - s) * perDegree) + 1));
  const grid: HeightGrid = { source: file, epsg: 4326, columns, rows, originX: w, originY: n, stepX: (e - w) / (columns - 1), stepY: (n - s) / (rows - 1), heights: new Float32Array(columns * rows).fill(NaN), min: Infinity, max: -Infinity, heightNote: 'ellipsoidal heights as the quantized-mesh terrain gives them' };

  const failures: string[] = [];
  const decoded: Array<{ tile: [number, number, number]; data: ReturnType<Decode> }> = [];
  const tried = new Set<string>();
  // a tile that fails is replaced by its nearest listed ancestor (each round one level up, so at most `level` rounds)
  for (let round = [...wanted.values()]; round.length; ) {
    for (const t of round) tried.add(t.join('/'));
    const failed: Array<[number, number, number]> = [];
    let next = 0;
    const fetchNext = async () => {
      while (next < round.length) {
        const tile = round[next++];
        const url = tileUrl(layer, options.url, ...tile);
        try {
          const data = decode(await read(url, url, TILE_CAP, TILE_ACCEPT));
          checkTile(data, url);
          decoded.push({ tile, data });
        } catch (error) {
          const message = (error as Error).message;
          failures.push(message.startsWith(url) ? message : `${url}: ${message}`);
          failed.push(tile);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, round.length) }, fetchNext));
    const parents = new Map<string, [number, number, number]>();
    for (const [z, x, y] of failed) {
      const parent = z > 0 ? listedAncestor(layer, z - 1, x >> 1, y >> 1) : null;
      if (parent && !tried.has(parent.join('/'))) parents.set(parent.join('/'), parent);
    }
    round = [...parents.values()];
  }
  // coarse tiles first: finer ones draw over them
  decoded.sort((a, b) => a.tile[0] - b.tile[0]);
  for (const d of decoded) rasterize(grid, d.tile, d.data);
  for (const h of grid.heights) {
    if (Number.isNaN(h)) continue;
    if (h < grid.min) grid.min = h;
    if (h > grid.max) grid.max = h;
  }
  if (grid.min === Infinity) throw new DgmError(`${file}: no tile over the extent could be read (${failures[0] ?? 'no data'})`);
  return { grid, level, tiles: wanted.size, failures };
}

function count(r: { startX: number; startY: number; endX: number; endY: number }): number {
  return (r.endX - r.startX + 1) * (r.endY - r.startY + 1);
}

function listedAncestor(layer: QuantizedLayer, z: number, x: number, y: number): [number, number, number] | null {
  for (; z >= 0; z--, x >>= 1, y >>= 1) if (isAvailable(layer, z, x, y)) return [z, x, y];
  return null;
}

/** A decoder that read a broken tile may hand back indices past its vertices: refused, not drawn. */
function checkTile(data: ReturnType<Decode>, url: string): void {
  const n = data.vertexData.u.length;
  const { indices } = data;
  if (indices.length % 3 !== 0) throw new DgmError(`${url}: ${indices.length} triangle corners, not a multiple of 3`);
  for (let i = 0; i < indices.length; i++) if (!(indices[i] < n)) throw new DgmError(`${url}: triangle corner ${i} names vertex ${indices[i]} of ${n}`);
  if (!(Number.isFinite(data.header.minHeight) && Number.isFinite(data.header.maxHeight))) throw new DgmError(`${url}: no height range in the header`);
}

/** Writes the tile's surface (linear over each triangle) into the grid samples it covers. */
function rasterize(grid: HeightGrid, [z, x, y]: [number, number, number], data: ReturnType<Decode>): void {
  const size = tileSize(z);
  const west = -180 + x * size;
  const south = -90 + y * size;
  const { u, v, height } = data.vertexData;
  const { minHeight, maxHeight } = data.header;
  const lon = (k: number) => west + u[k] * size;
  const lat = (k: number) => south + v[k] * size;
  const h = (k: number) => minHeight + height[k] * (maxHeight - minHeight);
  const { indices } = data;
  const eps = 1e-9;
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t], b = indices[t + 1], c = indices[t + 2];
    const [ax, ay, bx, by, cx, cy] = [lon(a), lat(a), lon(b), lat(b), lon(c), lat(c)];
    const det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
    if (det === 0) continue;
    const i0 = Math.max(0, Math.ceil((Math.min(ax, bx, cx) - grid.originX) / grid.stepX - eps));
    const i1 = Math.min(grid.columns - 1, Math.floor((Math.max(ax, bx, cx) - grid.originX) / grid.stepX + eps));
    const j0 = Math.max(0, Math.ceil((grid.originY - Math.max(ay, by, cy)) / grid.stepY - eps));
    const j1 = Math.min(grid.rows - 1, Math.floor((grid.originY - Math.min(ay, by, cy)) / grid.stepY + eps));
    for (let j = j0; j <= j1; j++) {
      const py = grid.originY - j * grid.stepY;
      for (let i = i0; i <= i1; i++) {
        const px = grid.originX + i * grid.stepX;
        const l1 = ((by - cy) * (px - cx) + (cx - bx) * (py - cy)) / det;
        const l2 = ((cy - ay) * (px - cx) + (ax - cx) * (py - cy)) / det;
        const l3 = 1 - l1 - l2;
        if (l1 < -eps || l2 < -eps || l3 < -eps) continue;
        grid.heights[j * grid.columns + i] = l1 * h(a) + l2 * h(b) + l3 * h(c);
      }
    }
  }
}
