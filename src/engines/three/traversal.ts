/**
 * How the three engine's TilesRenderer walks a tileset. 3d-tiles-renderer by default loads every ancestor of
 * a wanted tile and the siblings of refined tiles, so REPLACE tilesets with levels of detail (`twinby-convert`'s
 * parents) cost close views twice the bytes of a tileset without them (bench:lod, 10k town at 1 km: 18.2 MB
 * against 9.1). Skipping both, as CesiumJS does for siblings, loads what the view needs; tiles already shown
 * stay until their replacements arrive, so zooming shows no holes.
 */
import type { TilesRenderer } from '3d-tiles-renderer';

export function applyTraversal(tiles: TilesRenderer): void {
  tiles.loadAncestors = false;
  tiles.loadSiblings = false;
}
