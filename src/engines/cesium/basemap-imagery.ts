import { Event, GeographicTilingScheme, Rectangle, WebMercatorTilingScheme, type Credit, type ImageryProvider, type TilingScheme } from '@cesium/engine';
import type { ErrorDetail, TileRef } from '../../core/index.js';
import type { BasemapTiles } from '../engine.js';
import { geographicMaximumLevel, gridLonLatBox, nativeTiling, type LonLatBox, type NativeTiling } from './basemap-grid.js';
import { sourceTilesFor, warpTile } from './basemap-warp.js';

const WARP_SIZE = 256;

/**
 * A TwinBy base map as a Cesium imagery provider. Grids that are levels of Cesium's Web Mercator or geographic
 * scheme go through as they are; any other CRS (EPSG:25832 from MapProxy, a WMS extent grid) is warped per tile
 * into the geographic scheme. Tiles come by fetch (a status or a non-image is an error naming the URL); a failed
 * tile rejects, Cesium draws its parent instead, and the first failure of a run is reported.
 */
export class GridImageryProvider {
  readonly tilingScheme: TilingScheme;
  readonly rectangle: Rectangle;
  readonly tileWidth: number;
  readonly tileHeight: number;
  readonly minimumLevel: number;
  readonly maximumLevel: number;
  readonly errorEvent = new Event();
  readonly hasAlphaChannel = true;
  readonly tileDiscardPolicy = undefined;
  readonly credit = undefined as unknown as Credit;
  readonly proxy = undefined;
  /** Source tiles that arrived (for tests). */
  loadedCount = 0;
  private readonly native: NativeTiling | null;
  private readonly area: LonLatBox;
  private readonly abort = new AbortController();
  private failing = false;

  constructor(
    private readonly source: BasemapTiles,
    private readonly onError: (detail: ErrorDetail) => void,
  ) {
    this.native = nativeTiling(source.grid);
    this.area = gridLonLatBox(source.grid, source.toLonLat);
    this.rectangle = Rectangle.fromDegrees(...this.area);
    if (this.native) {
      this.tilingScheme = this.native.scheme === 'mercator' ? new WebMercatorTilingScheme() : new GeographicTilingScheme();
      this.tileWidth = this.tileHeight = source.grid.matrices[0].tileWidth;
      this.minimumLevel = this.native.minimumLevel;
      this.maximumLevel = this.native.maximumLevel;
    } else {
      this.tilingScheme = new GeographicTilingScheme();
      this.tileWidth = this.tileHeight = WARP_SIZE;
      this.minimumLevel = 0;
      this.maximumLevel = geographicMaximumLevel(source.grid, this.area, source.fromLonLat, WARP_SIZE);
    }
  }

  getTileCredits(): Credit[] {
    return [];
  }

  pickFeatures(): undefined {
    return undefined;
  }

  requestImage(x: number, y: number, level: number): Promise<HTMLCanvasElement | ImageBitmap> {
    if (this.native) return this.fetchTile({ level: this.native.matrixOf.get(level)!, col: x, row: y }, true);
    return this.warped(x, y, level);
  }

  /** Ends pending requests: the layer was removed. */
  destroy(): void {
    this.abort.abort();
  }

  private async warped(x: number, y: number, level: number): Promise<HTMLCanvasElement> {
    const r = this.tilingScheme.tileXYToRectangle(x, y, level);
    const deg = 180 / Math.PI;
    const tile: LonLatBox = [r.west * deg, r.south * deg, r.east * deg, r.north * deg];
    const inside: LonLatBox = [Math.max(tile[0], this.area[0]), Math.max(tile[1], this.area[1]), Math.min(tile[2], this.area[2]), Math.min(tile[3], this.area[3])];
    if (!(inside[2] > inside[0] && inside[3] > inside[1])) return warpTile(this.source.grid, this.source.fromLonLat, [], tile, this.area, WARP_SIZE);
    // as many source pixels across the part inside as the warped tile has there
    const pixels = (WARP_SIZE * Math.max((inside[2] - inside[0]) / (tile[2] - tile[0]), (inside[3] - inside[1]) / (tile[3] - tile[1])));
    const refs = sourceTilesFor(this.source.grid, this.source.fromLonLat, inside, Math.max(1, pixels));
    const settled = await Promise.allSettled(refs.map((ref) => this.fetchTile(ref, false)));
    const sources = refs.flatMap((ref, i) => (settled[i].status === 'fulfilled' ? [{ ref, image: (settled[i] as PromiseFulfilledResult<ImageBitmap>).value }] : []));
    const failed = settled.find((s) => s.status === 'rejected');
    // every source failed: Cesium keeps the parent; some did: draw what came (the failure was reported)
    if (failed && !sources.length) throw (failed as PromiseRejectedResult).reason;
    const canvas = warpTile(this.source.grid, this.source.fromLonLat, sources, tile, this.area, WARP_SIZE);
    for (const s of sources) (s.image as ImageBitmap).close();
    return canvas;
  }

  private async fetchTile(ref: TileRef, flip: boolean): Promise<ImageBitmap> {
    const url = this.source.tileUrl(ref.level, ref.col, ref.row);
    try {
      const response = await fetch(url, { signal: this.abort.signal });
      if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('image/')) throw new Error(`not an image (${type || 'no content type'}): ${(await response.text()).slice(0, 200)}`);
      // Cesium uploads ImageBitmaps as they are (WebGL ignores UNPACK_FLIP_Y for them): flip here as Cesium's own loader does
      const bitmap = await createImageBitmap(await response.blob(), { imageOrientation: flip ? 'flipY' : 'from-image' });
      this.loadedCount++;
      this.failing = false;
      return bitmap;
    } catch (error) {
      if (!this.abort.signal.aborted && !this.failing) {
        this.failing = true;
        const status = (error as { status?: number }).status;
        this.onError({ kind: 'basemap', layerId: this.source.id, url, status, message: `Base map tile ${url} failed: ${(error as Error).message}` });
      }
      throw error;
    }
  }
}

/** The provider as Cesium's ImageryLayer takes it (the interface is structural in JS). */
export function asImageryProvider(provider: GridImageryProvider): ImageryProvider {
  return provider as unknown as ImageryProvider;
}
