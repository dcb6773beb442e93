/**
 * Base map tiles for a tour, so flights between stops find their ground offline: every level of the grid from
 * the coarsest, covering the stops plus the ground a camera there sees around it (the base map layer covers
 * about three times the camera's distance), until a tile budget is spent. Finer tiles right at a stop come from
 * flying the tour once while the Service Worker records.
 */
import { tilesCovering, unitsPerMetre, type TileGrid, type TileRef } from '../basemap/index.js';

export interface TourCamera {
  lon: number;
  lat: number;
  height: number;
  pitch: number;
}

/** How far (metres) the base map reaches around a camera: three times its distance to the ground it looks at, at most 40 km. */
export function groundReach(camera: TourCamera): number {
  const down = Math.max(10, Math.min(90, -camera.pitch));
  return Math.min(3 * (Math.max(camera.height, 1) / Math.sin((down * Math.PI) / 180)), 40_000);
}

/**
 * Tiles level by level, coarse to fine, covering the stops' box grown by the largest reach; stops when the next
 * level would pass `budget` tiles. `project` maps lon/lat to the grid's CRS.
 */
export function basemapTilesForTour(grid: TileGrid, cameras: readonly TourCamera[], project: (lon: number, lat: number) => number[], budget = 2000): TileRef[] {
  if (!cameras.length || !grid.matrices.length) return [];
  const box = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  let reach = 0;
  for (const c of cameras) {
    const [x, y] = project(c.lon, c.lat);
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
    reach = Math.max(reach, groundReach(c));
  }
  const grow = reach * unitsPerMetre(grid.epsg);
  const extent: [number, number, number, number] = [box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow];
  const out: TileRef[] = [];
  for (let level = 0; level < grid.matrices.length; level++) {
    const tiles = tilesCovering(grid, level, extent, budget - out.length);
    if (!tiles) break;
    out.push(...tiles);
  }
  return out;
}
