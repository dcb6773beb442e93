/** The terrain worker's API (workers/terrain.worker.ts): GeoTIFF DGM → height grid, heights transferred. */
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

export interface TerrainWorkerApi {
  loadDgm(params: DgmLoadParams): Promise<HeightGrid>;
}
