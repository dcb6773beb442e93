/**
 * The demo DGM as a quantized-mesh 1.0 terrain (layer.json + {z}/{x}/{y}.terrain, geographic TMS tiling as Cesium
 * terrain servers write it): the same ground as isarbach-dgm.tif, ellipsoidal (DHHN2016 + EGM96, as the GeoTIFF path
 * makes it). Level 0 covers the globe (the ground beyond the DGM keeps its nearest edge height); deeper levels only
 * the tiles over the DGM, listed in `available`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fromWgs84, loadGeoid, toWgs84 } from '../../src/core/geo/index.ts';
import { groundHeight } from '../make-demo/terrain.ts';
import { TOWN_ORIGIN } from '../make-demo/town-layout.ts';
import { encodeQuantizedMeshTile, geographicTile } from './quantized-mesh.ts';
import { DEMO_DGM_HALF } from './demo-dgm.ts';

export interface QuantizedLayerSpec {
  /** Deepest level written. */
  maxLevel: number;
  /** Vertices per tile edge. */
  size: number;
  /** The data's extent in degrees [west, south, east, north]: deeper levels hold the tiles over it. */
  bounds: [number, number, number, number];
  /** Ellipsoidal height at lon/lat. */
  height(lon: number, lat: number): number;
}

export interface TileRange {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

/** The tiles of a level over a lon/lat box (level 0: both tiles, the globe). */
export function tileRange(z: number, [w, s, e, n]: readonly number[]): TileRange {
  if (z === 0) return { startX: 0, startY: 0, endX: 1, endY: 0 };
  const size = 180 / 2 ** z;
  const last = 2 ** z - 1;
  const col = (lon: number) => Math.min(2 * last + 1, Math.max(0, Math.floor((lon + 180) / size)));
  const row = (lat: number) => Math.min(last, Math.max(0, Math.floor((lat + 90) / size)));
  return { startX: col(w), startY: row(s), endX: col(e), endY: row(n) };
}

/** Writes a quantized-mesh layer into dir; returns the number of tiles. */
export async function writeQuantizedLayer(dir: string, spec: QuantizedLayerSpec): Promise<number> {
  const available: TileRange[][] = [];
  let tiles = 0;
  for (let z = 0; z <= spec.maxLevel; z++) {
    const range = tileRange(z, spec.bounds);
    available.push([range]);
    for (let x = range.startX; x <= range.endX; x++) {
      await mkdir(resolve(dir, `${z}/${x}`), { recursive: true });
      for (let y = range.startY; y <= range.endY; y++) {
        const bytes = encodeQuantizedMeshTile({ ...geographicTile(z, x, y), size: z < 8 ? 9 : spec.size, height: spec.height });
        await writeFile(resolve(dir, `${z}/${x}/${y}.terrain`), bytes);
        tiles++;
      }
    }
  }
  const layer = {
    tilejson: '2.1.0',
    name: 'twinby-demo',
    description: 'Synthetic demo terrain (tools/make-terrain), ellipsoidal heights',
    version: '1.0.0',
    format: 'quantized-mesh-1.0',
    scheme: 'tms',
    projection: 'EPSG:4326',
    tiles: ['{z}/{x}/{y}.terrain?v={version}'],
    minzoom: 0,
    maxzoom: spec.maxLevel,
    bounds: [-180, -90, 180, 90],
    available,
  };
  await writeFile(resolve(dir, 'layer.json'), JSON.stringify(layer, null, 1) + '\n');
  return tiles;
}

/** The demo DGM's ground as ellipsoidal heights over lon/lat, clamped to the DGM's extent beyond it. */
export async function demoHeights(): Promise<{ bounds: [number, number, number, number]; height(lon: number, lat: number): number }> {
  const geoid = await loadGeoid();
  const ll = toWgs84(25832);
  const utm = fromWgs84(25832);
  const [e0, n0] = TOWN_ORIGIN;
  const sw = ll(e0 - DEMO_DGM_HALF, n0 - DEMO_DGM_HALF);
  const ne = ll(e0 + DEMO_DGM_HALF, n0 + DEMO_DGM_HALF);
  const en = [0, 0];
  const clamp = (v: number) => Math.min(DEMO_DGM_HALF, Math.max(-DEMO_DGM_HALF, v));
  return {
    bounds: [sw[0], sw[1], ne[0], ne[1]],
    height(lon, lat) {
      utm(lon, lat, en);
      return groundHeight(clamp(en[0] - e0), clamp(en[1] - n0)) + geoid.undulation(lon, lat);
    },
  };
}

/** The demo terrain: levels 0–14 (≈ 13 m between vertices at the deepest level, 65 per tile edge). */
export async function writeDemoQuantizedMesh(dir: string): Promise<number> {
  const { bounds, height } = await demoHeights();
  return writeQuantizedLayer(dir, { maxLevel: 14, size: 65, bounds, height });
}
