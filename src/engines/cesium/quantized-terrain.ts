import { CesiumTerrainProvider, type TileProviderError } from '@cesium/engine';
import type { ErrorDetail } from '../../core/index.js';
import type { StreamedTerrain } from '../engine.js';
import { TERRAIN_REFINE } from './ground-terrain.js';

/**
 * A quantized-mesh terrain streamed by Cesium's own provider (levels load as the camera needs them). Only the URL
 * given is asked: no ion, no other host. A tile that fails is reported once (layer URL and z/x/y as in the tile URLs); Cesium draws its parent's
 * surface there and the frame loop goes on.
 */
export async function quantizedTerrain(terrain: StreamedTerrain, onError: (detail: ErrorDetail) => void): Promise<CesiumTerrainProvider> {
  let provider: CesiumTerrainProvider;
  try {
    // Cesium asks for layer.json beside the URL it is given
    provider = await CesiumTerrainProvider.fromUrl(new URL('./', new URL(terrain.url, document.baseURI)).href, { requestVertexNormals: false, requestWaterMask: false, requestMetadata: false });
  } catch (error) {
    throw new Error(`${terrain.url}: ${(error as Error)?.message ?? String(error)}`);
  }
  // the engine's 16 px error suits its flat ground; on terrain Cesium's per-level estimate counts 8× (as for terrain
  // grids in ground-terrain.ts), else a hill 100 m wide is drawn from tiles with ~100 m between vertices
  const coarse = provider.getLevelMaximumGeometricError.bind(provider);
  provider.getLevelMaximumGeometricError = (level: number) => coarse(level) * TERRAIN_REFINE;
  const reported = new Set<string>();
  // a listener also keeps Cesium from logging each failure to the console
  provider.errorEvent.addEventListener((e: TileProviderError) => {
    // Cesium counts rows from the north; quantized-mesh (TMS) URLs from the south
    const tile = e.level !== undefined && e.y !== undefined ? `tile ${e.level}/${e.x}/${2 ** e.level - 1 - e.y}` : 'a tile';
    if (reported.has(tile)) return;
    reported.add(tile);
    onError({ kind: 'terrain', layerId: terrain.id, url: terrain.url, message: `${terrain.url}: ${tile} could not be read (${e.message})` });
  });
  return provider;
}
