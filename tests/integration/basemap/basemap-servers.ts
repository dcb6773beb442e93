/**
 * Real raster services for the base map tests, on 127.0.0.1: a synthetic raster (written here) served as
 * WMS by MapServer (cgi-mapserver) and as WMTS by MapProxy (Debian mapproxy) in an EPSG:25832 tile matrix
 * set and in GoogleMapsCompatible (EPSG:3857). `npm test` installs both packages when missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMapServer, type MapServer } from '../mapserver/mapserver-harness';

export const MAPPROXY = '/usr/bin/mapproxy-util';

/** The raster: 2 × 2 km in EPSG:25832 around the browser fixtures' town (12.152° E, 48.5355° N), 10 m pixels. */
export const RASTER = {
  centerX: 732667,
  centerY: 5380620,
  size: 2000,
  pixels: 200,
  /** West half and east half, with a 100 m white square at the centre. */
  west: [220, 40, 40],
  east: [40, 60, 220],
  centre: [255, 255, 255],
} as const;

/** Writes the raster as binary PPM with an ESRI world file (GDAL reads both). */
export function writeRaster(dir: string): string {
  const { pixels, size, centerX, centerY } = RASTER;
  const header = Buffer.from(`P6\n${pixels} ${pixels}\n255\n`, 'ascii');
  const body = Buffer.alloc(pixels * pixels * 3);
  const res = size / pixels;
  for (let row = 0; row < pixels; row++) {
    for (let col = 0; col < pixels; col++) {
      const dx = (col + 0.5) * res - size / 2;
      const dy = size / 2 - (row + 0.5) * res;
      const rgb = Math.abs(dx) < 50 && Math.abs(dy) < 50 ? RASTER.centre : dx < 0 ? RASTER.west : RASTER.east;
      body.set(rgb, (row * pixels + col) * 3);
    }
  }
  const path = join(dir, 'ground.ppm');
  writeFileSync(path, Buffer.concat([header, body]));
  // world file: pixel size, rotations, -pixel size, centre of the top-left pixel
  writeFileSync(join(dir, 'ground.wld'), [res, 0, 0, -res, centerX - size / 2 + res / 2, centerY + size / 2 - res / 2].join('\n') + '\n');
  return path;
}

function mapfile(raster: string): string {
  const { centerX: x, centerY: y, size } = RASTER;
  return `MAP
  NAME "ground"
  EXTENT ${x - size} ${y - size} ${x + size} ${y + size}
  SIZE 256 256
  UNITS METERS
  IMAGECOLOR 255 255 255
  PROJECTION "init=epsg:25832" END
  OUTPUTFORMAT NAME "png" DRIVER "AGG/PNG" MIMETYPE "image/png" IMAGEMODE RGB EXTENSION "png" END
  WEB METADATA
    "wms_title" "TwinBy test ground"
    "wms_onlineresource" "http://127.0.0.1/wms?"
    "wms_srs" "EPSG:25832 EPSG:3857 EPSG:4326"
    "wms_enable_request" "*"
  END END
  LAYER
    NAME "ground"
    TYPE RASTER
    STATUS ON
    DATA "${raster}"
    PROJECTION "init=epsg:25832" END
    METADATA "wms_title" "ground" END
  END
END
`;
}

export interface RasterServers {
  /** MapServer WMS endpoint (GetMap, GetCapabilities). */
  wms: string;
  /** MapProxy WMTS capabilities URL. */
  wmts: string;
  mapserver: MapServer;
  /** Stops MapProxy only (its port closes); MapServer keeps running. */
  stopWmts(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function mapproxyConfig(wms: string, cacheDir: string): string {
  const { centerX: x, centerY: y } = RASTER;
  return `services:
  wmts:
    restful: true
    kvp: true
layers:
  - name: ground
    title: TwinBy test ground
    sources: [ground_cache]
caches:
  ground_cache:
    grids: [utm32, GLOBAL_WEBMERCATOR]
    sources: [ground_wms]
sources:
  ground_wms:
    type: wms
    supported_srs: ['EPSG:25832', 'EPSG:3857']
    req:
      url: ${wms}
      layers: ground
      transparent: false
grids:
  utm32:
    srs: 'EPSG:25832'
    bbox: [${x - 8192}, ${y - 8192}, ${x + 8192}, ${y + 8192}]
    bbox_srs: 'EPSG:25832'
    origin: ul
    res: [64, 32, 16, 8, 4, 2, 1, 0.5]
globals:
  cache:
    base_dir: ${cacheDir}
    lock_dir: ${cacheDir}/locks
`;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startRasterServers(): Promise<RasterServers> {
  if (!existsSync(MAPPROXY)) throw new Error(`${MAPPROXY} not found: install it with "apt-get install -y --no-install-recommends mapproxy" (npm test does this)`);
  const dir = mkdtempSync(join(tmpdir(), 'twinby-basemap-'));
  const raster = writeRaster(dir);
  const map = join(dir, 'ground.map');
  writeFileSync(map, mapfile(raster));
  const mapserver = await startMapServer(map);
  const wms = mapserver.url;
  writeFileSync(join(dir, 'mapproxy.yaml'), mapproxyConfig(wms, join(dir, 'cache')));
  const port = await freePort();
  const child = spawn(MAPPROXY, ['serve-develop', '-b', `127.0.0.1:${port}`, join(dir, 'mapproxy.yaml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const wmts = `http://127.0.0.1:${port}/wmts/1.0.0/WMTSCapabilities.xml`;
  try {
    await Promise.race([waitForHttp(wmts, 60_000), exited.then(() => Promise.reject(new Error(`mapproxy exited: ${log}`)))]);
  } catch (error) {
    child.kill();
    await mapserver.stop();
    throw error;
  }
  let wmtsStopped = false;
  const stopWmts = async () => {
    if (wmtsStopped) return;
    wmtsStopped = true;
    child.kill();
    await exited;
  };
  return {
    wms,
    wmts,
    mapserver,
    stopWmts,
    async stop() {
      await stopWmts();
      await mapserver.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
