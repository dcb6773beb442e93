/**
 * A quantized-mesh terrain's layer.json (the Cesium terrain server convention): which tiles exist, where, and how
 * their URLs are made; and which tiles of one level cover an extent. Only the geographic tiling (EPSG:4326, 2 × 1
 * tiles at level 0) that Cesium terrain servers and cesium-terrain-builder write is read.
 */
import { DgmError } from './read-dgm';

export interface TileRange {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

export interface QuantizedLayer {
  /** URL templates, resolved against the layer.json URL. */
  tiles: string[];
  version: string;
  /** 'tms' (y from the south, the default) or 'slippyMap' (y from the north). */
  scheme: 'tms' | 'slippyMap';
  maxzoom: number;
  /** [west, south, east, north] degrees. */
  bounds: [number, number, number, number];
  /** Tile ranges per level; null when the layer lists none (every tile up to maxzoom exists). */
  available: TileRange[][] | null;
}

/** Levels read at most: deeper than any terrain server writes (≈ 2 cm tiles). */
const MAX_LEVEL = 30;

export function parseLayer(bytes: ArrayBuffer, file: string): QuantizedLayer {
  const fail = (what: string): never => {
    throw new DgmError(`${file}: ${what}`);
  };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return fail(`not a readable layer.json (${(error as Error).message})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return fail('not a layer.json (no JSON object)');
  const format = String(json.format ?? '');
  if (!/^quantized-mesh-1\./.test(format)) fail(`has format "${format}"; TwinBy reads quantized-mesh-1.0 terrain`);
  const projection = String(json.projection ?? 'EPSG:4326');
  if (projection !== 'EPSG:4326') fail(`uses ${projection} tiling; TwinBy reads quantized-mesh in the geographic EPSG:4326 tiling`);
  const tiles = json.tiles;
  if (!Array.isArray(tiles) || !tiles.length || !tiles.every((t) => typeof t === 'string')) fail('has no "tiles" URL templates');
  const scheme = json.scheme === 'slippyMap' ? 'slippyMap' : 'tms';
  const bounds = Array.isArray(json.bounds) && json.bounds.length === 4 && json.bounds.every(Number.isFinite) ? (json.bounds as QuantizedLayer['bounds']) : ([-180, -90, 180, 90] as QuantizedLayer['bounds']);
  let available: TileRange[][] | null = null;
  if (Array.isArray(json.available)) {
    available = (json.available as unknown[]).slice(0, MAX_LEVEL + 1).map((level, z) => {
      if (!Array.isArray(level)) return fail(`"available" level ${z} is not a list of tile ranges`);
      return level.map((r: Partial<TileRange>, k: number) => {
        const range = { startX: Number(r?.startX), startY: Number(r?.startY), endX: Number(r?.endX), endY: Number(r?.endY) };
        if (!Object.values(range).every(Number.isInteger)) fail(`"available" level ${z}, range ${k} is not four whole tile numbers`);
        return range;
      });
    });
  }
  const listed = available ? available.length - 1 : MAX_LEVEL;
  const maxzoom = Math.min(Number.isInteger(json.maxzoom) ? (json.maxzoom as number) : listed, listed, MAX_LEVEL);
  return { tiles: tiles as string[], version: String(json.version ?? '1.0.0'), scheme, maxzoom, bounds, available };
}

/** Degrees per tile at a level. */
export function tileSize(z: number): number {
  return 180 / 2 ** z;
}

/** The TMS tiles (y from the south) of level z over a lon/lat box. */
export function tilesOver(z: number, [w, s, e, n]: readonly number[]): TileRange {
  const size = tileSize(z);
  const lastX = 2 ** (z + 1) - 1;
  const lastY = 2 ** z - 1;
  const col = (lon: number) => Math.min(lastX, Math.max(0, Math.floor((lon + 180) / size)));
  const row = (lat: number) => Math.min(lastY, Math.max(0, Math.floor((lat + 90) / size)));
  // a box edge exactly on a tile edge does not take the next tile
  return { startX: col(w), startY: row(s), endX: Math.max(col(w), col(e - 1e-12)), endY: Math.max(row(s), row(n - 1e-12)) };
}

export function isAvailable(layer: QuantizedLayer, z: number, x: number, y: number): boolean {
  if (z > layer.maxzoom) return false;
  if (!layer.available) return true;
  return (layer.available[z] ?? []).some((r) => x >= r.startX && x <= r.endX && y >= r.startY && y <= r.endY);
}

/** The extent the layer has data for at its finest: the deepest level's ranges, or the bounds. */
export function dataExtent(layer: QuantizedLayer): [number, number, number, number] {
  const ranges = layer.available?.[layer.maxzoom];
  if (!ranges?.length) return layer.bounds;
  const size = tileSize(layer.maxzoom);
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of ranges) {
    box[0] = Math.min(box[0], -180 + r.startX * size);
    box[1] = Math.min(box[1], -90 + r.startY * size);
    box[2] = Math.max(box[2], -180 + (r.endX + 1) * size);
    box[3] = Math.max(box[3], -90 + (r.endY + 1) * size);
  }
  return box;
}

/** A tile's URL: the first template with {z}, {x}, {y} (flipped for slippyMap) and {version} filled in. */
export function tileUrl(layer: QuantizedLayer, base: string, z: number, x: number, y: number): string {
  const row = layer.scheme === 'slippyMap' ? 2 ** z - 1 - y : y;
  const path = layer.tiles[0].replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(row)).replace(/\{version\}/g, layer.version);
  return new URL(path, base).href;
}
