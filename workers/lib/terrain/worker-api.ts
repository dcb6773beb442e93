/**
 * The terrain worker's implementation: fetches a DGM (a source lives in the worker), reads it into a
 * height grid and hands the heights over in the transfer list.
 */
import { transfer } from 'comlink';
import type { DgmLoadParams, QuantizedMeshLoadParams, TerrainWorkerApi } from '../../terrain-protocol';
import { readQuantizedMesh } from './read-quantized-mesh';
import { DgmError, readDgm } from './read-dgm';
import { readCapped } from './read-capped';

/** Bytes a DGM file may have (a 2 × 2 km DGM1 tile is 16 MB as Float32). */
export const MAX_DGM_BYTES = 512 * 1024 * 1024;

export function createTerrainWorkerApi(fetchFn: typeof fetch = fetch): TerrainWorkerApi {
  return {
    async loadDgm(params: DgmLoadParams) {
      const file = params.file ?? params.url ?? 'terrain';
      let bytes = params.bytes;
      if (!bytes) {
        if (!params.url) throw new DgmError(`${file}: no url and no bytes given`);
        bytes = await readCapped(fetchFn, params.url, file, MAX_DGM_BYTES);
      } else if (bytes.byteLength > MAX_DGM_BYTES) {
        throw new DgmError(`${file}: ${bytes.byteLength} bytes, more than the ${MAX_DGM_BYTES} a terrain file may have`);
      }
      const grid = await readDgm(bytes, { file, crs: params.crs, geoid: params.geoid, maxSide: params.maxSide });
      return transfer(grid, [grid.heights.buffer as ArrayBuffer]);
    },
    async loadQuantizedMesh(params: QuantizedMeshLoadParams) {
      // the decoder loads only when a quantized-mesh terrain is asked for
      const { QuantizedMeshLoaderBase } = await import('3d-tiles-renderer/core/plugins');
      const decoder = new QuantizedMeshLoaderBase();
      const result = await readQuantizedMesh((url, file, cap, accept) => readCapped(fetchFn, url, file, cap, accept), (bytes) => decoder.parse(bytes), params);
      return transfer(result, [result.grid.heights.buffer as ArrayBuffer]);
    },
  };
}
