/** The terrain worker's API (workers/terrain.worker.ts): GeoTIFF DGM or quantized-mesh terrain → height grid, heights transferred. */
import type { HeightGrid } from '../src/core/terrain/height-grid';

export interface DgmLoadParams {
  /** Fetched in the worker (absolute URL), or the file's bytes (transferred). */
  url?: string;
  bytes?: ArrayBuffer;
  /** Name for messages (default: the URL). */
  file?: string;
  /** Horizontal CRS when the file names none, or to override it, e.g. "EPSG:25832". */
  crs?: string;
  /** 'auto' (EGM96 for normal heights, the default), 'none', or metres. */
  geoid?: string;
  /** Samples per side handed over (larger rasters are thinned); default 1025. */
  maxSide?: number;
}

/** A quantized-mesh terrain read into a height grid over one extent (workers/lib/terrain/read-quantized-mesh.ts). */
export interface QuantizedMeshLoadParams {
  /** The layer.json URL (absolute); tiles are fetched beside it. */
  url: string;
  file?: string;
  /** [west, south, east, north] degrees; default: the layer's data at its deepest level. */
  bbox?: [number, number, number, number];
  maxSide?: number;
  /** Tiles read at most (default 64): the deepest level within it is read. */
  maxTiles?: number;
}

export interface QuantizedMeshLoadResult {
  grid: HeightGrid;
  level: number;
  tiles: number;
  /** "url: reason" per tile that could not be read (the grid holds the others). */
  failures: string[];
}

export interface TerrainWorkerApi {
  loadDgm(params: DgmLoadParams): Promise<HeightGrid>;
  loadQuantizedMesh(params: QuantizedMeshLoadParams): Promise<QuantizedMeshLoadResult>;
}
