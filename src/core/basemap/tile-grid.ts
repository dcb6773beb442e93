/**
 * Tile grids of raster base maps in any projected or geographic CRS that src/core/geo knows
 * (EPSG:25832 as basemap.de and the LDBV offer it, EPSG:3857, EPSG:4326 …). One grid model for
 * WMTS tile matrix sets, XYZ templates and WMS (a virtual grid over GetMap bounding boxes).
 */

/** One zoom level, OGC WMTS style: top-left origin, rows count downwards. */
export interface TileMatrix {
  id: string;
  /** Top-left corner in CRS units (x = easting or longitude, y = northing or latitude). */
  originX: number;
  originY: number;
  /** CRS units per pixel. */
  resolution: number;
  tileWidth: number;
  tileHeight: number;
  matrixWidth: number;
  matrixHeight: number;
}

export interface TileGrid {
  epsg: number;
  /** Coarse to fine. */
  matrices: TileMatrix[];
}

/** [minX, minY, maxX, maxY] in the grid's CRS. */
export type Extent = [number, number, number, number];

export interface TileRef {
  level: number;
  col: number;
  row: number;
}

/** OGC's standardized rendering pixel (0.28 mm), which WMTS scale denominators assume. */
export const OGC_PIXEL_METRES = 0.00028;
const METRES_PER_DEGREE = (6378137 * 2 * Math.PI) / 360;
const MERCATOR_HALF = 20037508.342789244;

/** CRS units per metre on the ground (1 for projected CRSs, degrees for geographic ones). */
export function unitsPerMetre(epsg: number): number {
  return epsg === 4326 || epsg === 4258 ? 1 / METRES_PER_DEGREE : 1;
}

/** WMTS ScaleDenominator → CRS units per pixel. */
export function resolutionOf(scaleDenominator: number, epsg: number): number {
  return scaleDenominator * OGC_PIXEL_METRES * unitsPerMetre(epsg);
}

/** The Google/OSM grid of XYZ templates: EPSG:3857, 2^z × 2^z tiles. */
export function webMercatorGrid(levels = 20, tileSize = 256): TileGrid {
  const matrices: TileMatrix[] = [];
  for (let z = 0; z < levels; z++) {
    const n = 2 ** z;
    matrices.push({
      id: String(z),
      originX: -MERCATOR_HALF,
      originY: MERCATOR_HALF,
      resolution: (2 * MERCATOR_HALF) / (tileSize * n),
      tileWidth: tileSize,
      tileHeight: tileSize,
      matrixWidth: n,
      matrixHeight: n,
    });
  }
  return { epsg: 3857, matrices };
}

/** A virtual grid over `extent` for WMS GetMap requests: level 0 is one tile over the whole extent. */
export function extentGrid(epsg: number, extent: Extent, levels = 18, tileSize = 256): TileGrid {
  const [minX, minY, maxX, maxY] = extent;
  if (!(maxX > minX && maxY > minY)) throw new Error(`extentGrid: empty extent ${extent.join(',')}`);
  const size = Math.max(maxX - minX, maxY - minY);
  const matrices: TileMatrix[] = [];
  for (let z = 0; z < levels; z++) {
    const resolution = size / tileSize / 2 ** z;
    matrices.push({
      id: String(z),
      originX: minX,
      originY: maxY,
      resolution,
      tileWidth: tileSize,
      tileHeight: tileSize,
      matrixWidth: Math.ceil((maxX - minX) / (resolution * tileSize)),
      matrixHeight: Math.ceil((maxY - minY) / (resolution * tileSize)),
    });
  }
  return { epsg, matrices };
}

/** A tile's extent in the grid's CRS. */
export function tileExtent(m: TileMatrix, col: number, row: number, target: Extent = [0, 0, 0, 0]): Extent {
  const w = m.tileWidth * m.resolution;
  const h = m.tileHeight * m.resolution;
  target[0] = m.originX + col * w;
  target[2] = target[0] + w;
  target[3] = m.originY - row * h;
  target[1] = target[3] - h;
  return target;
}

/** The coarsest level that is at least as sharp as `unitsPerPixel` (the finest when none is). */
export function levelFor(grid: TileGrid, unitsPerPixel: number): number {
  for (let i = 0; i < grid.matrices.length; i++) if (grid.matrices[i].resolution <= unitsPerPixel) return i;
  return grid.matrices.length - 1;
}

/** The tiles of one level that cover `extent`, clipped to the matrix; null when more than `max` would be needed. */
export function tilesCovering(grid: TileGrid, level: number, extent: Extent, max = 256): TileRef[] | null {
  const m = grid.matrices[level];
  const w = m.tileWidth * m.resolution;
  const h = m.tileHeight * m.resolution;
  const c0 = Math.max(0, Math.floor((extent[0] - m.originX) / w));
  const c1 = Math.min(m.matrixWidth - 1, Math.floor((extent[2] - m.originX) / w));
  const r0 = Math.max(0, Math.floor((m.originY - extent[3]) / h));
  const r1 = Math.min(m.matrixHeight - 1, Math.floor((m.originY - extent[1]) / h));
  if (c1 < c0 || r1 < r0) return [];
  if ((c1 - c0 + 1) * (r1 - r0 + 1) > max) return null;
  const tiles: TileRef[] = [];
  for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) tiles.push({ level, col, row });
  return tiles;
}
