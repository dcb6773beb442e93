import { describe, expect, it } from 'vitest';
import { dgmGeoTiff, hill } from '../../../tools/make-terrain/dgm-geotiff';
import { readDgm } from '../../../workers/lib/terrain/read-dgm';
import { createTerrainWorkerApi } from '../../../workers/lib/terrain/worker-api';
import { loadGeoid } from '../../../src/core/geo/geoid';
import { toWgs84 } from '../../../src/core/geo/projections';
import { sampleHeight } from '../../../src/core/terrain/height-grid';

const W = 700_000;
const N = 5_400_000;
const bump = hill(W + 100, N - 80, 500, 30, 40);
const spec = { west: W, north: N, step: 2, columns: 101, rows: 81, height: bump };

async function undulation(e: number, n: number): Promise<number> {
  const [lon, lat] = toWgs84(25832)(e, n);
  return (await loadGeoid()).undulation(lon, lat);
}

describe('readDgm: GeoTIFF DGM → height grid', () => {
  it('reads the georeference at pixel centres and adds the geoid to DHHN2016 heights', async () => {
    const grid = await readDgm(dgmGeoTiff(spec), { file: 'hill.tif' });
    expect(grid).toMatchObject({ epsg: 25832, columns: 101, rows: 81, originX: W, originY: N, stepX: 2, stepY: 2, source: 'hill.tif' });
    const n = await undulation(W + 100, N - 80);
    expect(n).toBeGreaterThan(40);
    // the hill's top, exactly on a sample
    expect(grid.heights[40 * 101 + 50]).toBeCloseTo(530 + n, 1);
    expect(grid.max).toBeCloseTo(530 + n, 1);
    // between samples: bilinear, close to the true surface
    expect(sampleHeight(grid, W + 101, N - 81)).toBeCloseTo(bump(W + 101, N - 81) + n, 0);
    expect(sampleHeight(grid, W - 5, N)).toBeNaN();
  });

  it('keeps heights as they are with geoid "none", or adds a fixed offset', async () => {
    const none = await readDgm(dgmGeoTiff(spec), { file: 'hill.tif', geoid: 'none' });
    expect(none.heights[40 * 101 + 50]).toBeCloseTo(530, 3);
    const fixed = await readDgm(dgmGeoTiff(spec), { file: 'hill.tif', geoid: '47.5' });
    expect(fixed.heights[0]).toBeCloseTo(bump(W, N) + 47.5, 3);
  });

  it('thins a raster larger than maxSide, keeping the extent', async () => {
    const grid = await readDgm(dgmGeoTiff(spec), { file: 'hill.tif', maxSide: 21, geoid: 'none' });
    expect(grid.columns).toBe(21);
    expect(grid.rows).toBe(17);
    expect(grid.stepX).toBe(10);
    expect(grid.heights[8 * 21 + 10]).toBeCloseTo(530, 3);
  });

  it('reads no-data values as NaN', async () => {
    const bytes = dgmGeoTiff({ ...spec, height: (e, n) => (e < W + 10 ? -9999 : bump(e, n)), metadata: { GDAL_NODATA: '-9999' } });
    const grid = await readDgm(bytes, { file: 'holes.tif', geoid: 'none' });
    expect(grid.heights[0]).toBeNaN();
    expect(grid.heights[10]).toBeCloseTo(bump(W + 20, N), 3);
    expect(grid.min).toBeGreaterThan(400);
  });

  it('rejects a broken file, naming it', async () => {
    const good = new Uint8Array(dgmGeoTiff(spec));
    await expect(readDgm(new TextEncoder().encode('<html>not found</html>').buffer, { file: 'dgm.tif' })).rejects.toThrow(/^dgm\.tif: not a readable GeoTIFF/);
    // the header survives, the strip is cut off
    await expect(readDgm(good.slice(0, 2000).buffer, { file: 'cut.tif' })).rejects.toThrow(/^cut\.tif: /);
  });

  it('rejects an unknown or user-defined CRS, and takes crs= as the fix', async () => {
    await expect(readDgm(dgmGeoTiff({ ...spec, epsg: 2056 }), { file: 'ch.tif' })).rejects.toThrow(/ch\.tif: is in EPSG:2056, a CRS TwinBy cannot reproject/);
    await expect(readDgm(dgmGeoTiff({ ...spec, epsg: 32767 }), { file: 'custom.tif' })).rejects.toThrow(/custom\.tif: has a user-defined CRS/);
    const fixed = await readDgm(dgmGeoTiff({ ...spec, epsg: 32767 }), { file: 'custom.tif', crs: 'EPSG:25832', geoid: 'none' });
    expect(fixed.epsg).toBe(25832);
    await expect(readDgm(dgmGeoTiff(spec), { file: 'x.tif', crs: 'EPSG:9999' })).rejects.toThrow(/x\.tif: crs "EPSG:9999"/);
  });

  it('rejects a raster too large to read from its header, before allocating it', async () => {
    // a 4 × 4 file whose header claims 200 000 × 3 pixels
    const bytes = new Uint8Array(dgmGeoTiff({ ...spec, columns: 4, rows: 3 }));
    patchShortTag(bytes, 256, 200_000);
    await expect(readDgm(bytes.buffer, { file: 'huge.tif' })).rejects.toThrow(/huge\.tif: the raster is 200000 × 3 pixels, more than the 100000 per side/);
  });

  it('the worker API fetches, names HTTP failures and transfers the heights', async () => {
    const bytes = dgmGeoTiff(spec);
    const api = createTerrainWorkerApi(async (url) => (String(url).endsWith('ok.tif') ? new Response(bytes) : new Response('nope', { status: 404 })));
    const grid = await api.loadDgm({ url: 'http://x/ok.tif', file: 'ok.tif' });
    expect(grid.columns).toBe(101);
    await expect(api.loadDgm({ url: 'http://x/missing.tif', file: 'missing.tif' })).rejects.toThrow('missing.tif: HTTP 404');
  });
});

/** Rewrites a SHORT or LONG tag's value in the first IFD (little- or big-endian TIFF). */
function patchShortTag(bytes: Uint8Array, tag: number, value: number): void {
  const view = new DataView(bytes.buffer);
  const little = bytes[0] === 0x49;
  const ifd = view.getUint32(4, little);
  const count = view.getUint16(ifd, little);
  for (let k = 0; k < count; k++) {
    const at = ifd + 2 + k * 12;
    if (view.getUint16(at, little) !== tag) continue;
    view.setUint16(at + 2, 4, little); // LONG
    view.setUint32(at + 8, value, little);
    return;
  }
  throw new Error(`tag ${tag} not found`);
}
