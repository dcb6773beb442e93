import { CustomHeightmapTerrainProvider, GeographicTilingScheme } from '@cesium/engine';
import { gridExtent, METRES_PER_DEGREE, sampleHeight, siteAt, type GroundSite, type HeightGrid, type ToWgs84 } from '../../core/index.js';
import type { TerrainModel } from '../engine.js';

const FLAT_SIZE = 16;
/** Samples per tile edge where only site grounds lie (flat discs: their edges need no finer grid). */
const SITE_SIZE = 33;
/** Samples per tile edge where a terrain model lies. */
const TERRAIN_SIZE = 65;
/**
 * Cesium estimates a heightmap tile's error as a quarter of its sample spacing, so at our screen-space error of 16 px
 * samples lie ~64 px apart and a hill 100 m wide is flattened; with terrain the error counts 8× (samples every ~8 px,
 * three more levels). Flat tiles refine too (one provider, errors per level only): the price of a terrain.
 */
export const TERRAIN_REFINE = 8;

/**
 * A flat ground at one ellipsoidal height, as a Cesium terrain: the three engine's ground plane. Buildings stand on
 * it, draped overlays classify it, and pickPosition hits it. Heights are made locally (Cesium's heightmap worker
 * meshes them): no request.
 */
export function flatTerrain(height: number): CustomHeightmapTerrainProvider {
  const heights = new Float32Array(FLAT_SIZE * FLAT_SIZE).fill(height);
  return new CustomHeightmapTerrainProvider({ width: FLAT_SIZE, height: FLAT_SIZE, callback: () => heights });
}

interface Placed {
  grid: HeightGrid;
  fromLonLat: ToWgs84;
  /** [west, south, east, north] in degrees. */
  box: [number, number, number, number];
}

/**
 * The ground with terrain models and site grounds on it: each tile samples the models' height grids (the latest model
 * first, bilinear as the three engine does), else the ground of the site there (buildings loaded away from the first
 * tileset's town, src/core/terrain/ground-sites.ts: the three engine's site discs), else the flat ground at `height`.
 */
export function groundTerrain(height: number, models: readonly TerrainModel[], sites: readonly GroundSite[] = []): CustomHeightmapTerrainProvider {
  if (!models.length && !sites.length) return flatTerrain(height);
  const size = models.length ? TERRAIN_SIZE : SITE_SIZE;
  const sampler = gridSampler(models);
  const discs = sites.map((site) => ({ site, box: siteBox(site) }));
  const tiling = new GeographicTilingScheme();
  const flat = new Float32Array(size * size).fill(height);
  const callback = (x: number, y: number, level: number): Float32Array => {
    const r = tiling.tileXYToRectangle(x, y, level);
    const [w, s, e, n] = [r.west, r.south, r.east, r.north].map((v) => (v * 180) / Math.PI);
    const over = sampler.over(w, s, e, n);
    const near = discs.filter(({ box }) => box[0] <= e && box[2] >= w && box[1] <= n && box[3] >= s).map((d) => d.site);
    if (!over.length && !near.length) return flat;
    const heights = new Float32Array(size * size);
    for (let j = 0; j < size; j++) {
      const lat = n - ((n - s) * j) / (size - 1);
      for (let i = 0; i < size; i++) {
        const lon = w + ((e - w) * i) / (size - 1);
        let h = over.length ? sampler.heightAt(lon, lat, over) : NaN;
        if (Number.isNaN(h) && near.length) h = siteAt(near, lon, lat)?.lowest ?? NaN;
        heights[j * size + i] = Number.isNaN(h) ? height : h;
      }
    }
    return heights;
  };
  const provider = new CustomHeightmapTerrainProvider({ width: size, height: size, tilingScheme: tiling, callback });
  if (models.length) {
    const coarse = provider.getLevelMaximumGeometricError.bind(provider);
    provider.getLevelMaximumGeometricError = (level: number) => coarse(level) * TERRAIN_REFINE;
  }
  return provider;
}

/** The lon/lat box of a site's ground. */
function siteBox(site: GroundSite): Placed['box'] {
  const dLat = site.reach / METRES_PER_DEGREE;
  const dLon = dLat / Math.max(0.01, Math.cos((site.lat * Math.PI) / 180));
  return [site.lon - dLon, site.lat - dLat, site.lon + dLon, site.lat + dLat];
}

/** The models' heights at lon/lat (the latest model first, bilinear as the three engine does); NaN where none has data. */
export function gridSampler(models: readonly TerrainModel[]) {
  const placed = models.map(place).reverse();
  const xy = [0, 0];
  const over = (w: number, s: number, e: number, n: number) => placed.filter((p) => p.box[0] <= e && p.box[2] >= w && p.box[1] <= n && p.box[3] >= s);
  const heightAt = (lon: number, lat: number, candidates: Placed[] = placed): number => {
    let h = NaN;
    for (let k = 0; k < candidates.length && Number.isNaN(h); k++) {
      candidates[k].fromLonLat(lon, lat, xy);
      h = sampleHeight(candidates[k].grid, xy[0], xy[1]);
    }
    return h;
  };
  return { over, heightAt };
}

/** A model's grid with its projection and the lon/lat box of its outline. */
function place(model: TerrainModel): Placed {
  const [x0, y0, x1, y1] = gridExtent(model.grid);
  const box: Placed['box'] = [Infinity, Infinity, -Infinity, -Infinity];
  const out = [0, 0];
  for (let k = 0; k <= 16; k++) {
    const t = k / 16;
    for (const [x, y] of [
      [x0 + t * (x1 - x0), y0],
      [x0 + t * (x1 - x0), y1],
      [x0, y0 + t * (y1 - y0)],
      [x1, y0 + t * (y1 - y0)],
    ]) {
      model.toLonLat(x, y, out);
      box[0] = Math.min(box[0], out[0]);
      box[1] = Math.min(box[1], out[1]);
      box[2] = Math.max(box[2], out[0]);
      box[3] = Math.max(box[3], out[1]);
    }
  }
  return { grid: model.grid, fromLonLat: inverseNear(model.toLonLat, (x0 + x1) / 2, (y0 + y1) / 2, Math.max(x1 - x0, y1 - y0) / 2), box };
}

/**
 * lon/lat → grid CRS without the projection library (the engine gets only toLonLat): the local linear inverse at the
 * grid's centre, then one Newton step through toLonLat, which leaves well under a millimetre over a DGM's few km.
 */
function inverseNear(toLonLat: ToWgs84, cx: number, cy: number, d: number): ToWgs84 {
  const c = toLonLat(cx, cy, [0, 0]);
  const ex = toLonLat(cx + d, cy, [0, 0]);
  const ey = toLonLat(cx, cy + d, [0, 0]);
  // the Jacobian d(lon, lat)/d(x, y) and its inverse
  const [a, b, e, f] = [(ex[0] - c[0]) / d, (ey[0] - c[0]) / d, (ex[1] - c[1]) / d, (ey[1] - c[1]) / d];
  const det = a * f - b * e;
  const step = (dlon: number, dlat: number, out: number[]) => {
    out[0] = (f * dlon - b * dlat) / det;
    out[1] = (-e * dlon + a * dlat) / det;
  };
  const back = [0, 0];
  const delta = [0, 0];
  return (lon, lat, target = [0, 0]) => {
    step(lon - c[0], lat - c[1], delta);
    let x = cx + delta[0];
    let y = cy + delta[1];
    toLonLat(x, y, back);
    step(lon - back[0], lat - back[1], delta);
    x += delta[0];
    y += delta[1];
    target[0] = x;
    target[1] = y;
    return target;
  };
}
