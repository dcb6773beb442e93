// Which base map grids the Cesium engine hands to Cesium's own tiling schemes, and which it warps (src/engines/cesium/basemap-grid.ts).
import { describe, expect, it } from 'vitest';
import { extentGrid, webMercatorGrid, type TileGrid } from '../../../src/core/index.js';
import { fromWgs84, toWgs84 } from '../../../src/core/geo/index.js';
import { geographicMaximumLevel, gridLonLatBox, nativeTiling } from '../../../src/engines/cesium/basemap-grid.js';

describe('nativeTiling', () => {
  it('maps an XYZ / GoogleMapsCompatible grid level for level onto Web Mercator', () => {
    const t = nativeTiling(webMercatorGrid(20))!;
    expect(t.scheme).toBe('mercator');
    expect([t.minimumLevel, t.maximumLevel]).toEqual([0, 19]);
    expect(t.matrixOf.get(12)).toBe(12);
  });

  it('accepts a Web Mercator set that starts at level 5 (rounded origins as services write them)', () => {
    const grid = webMercatorGrid(15);
    grid.matrices = grid.matrices.slice(5).map((m) => ({ ...m, originX: -20037508.3428, originY: 20037508.3428 }));
    const t = nativeTiling(grid)!;
    expect([t.minimumLevel, t.maximumLevel]).toEqual([5, 14]);
    expect(t.matrixOf.get(5)).toBe(0);
  });

  it('maps a 2×1 geographic grid onto the geographic scheme', () => {
    const grid: TileGrid = {
      epsg: 4326,
      matrices: [0, 1, 2].map((z) => ({ id: String(z), originX: -180, originY: 90, resolution: 180 / 256 / 2 ** z, tileWidth: 256, tileHeight: 256, matrixWidth: 2 ** (z + 1), matrixHeight: 2 ** z })),
    };
    expect(nativeTiling(grid)?.scheme).toBe('geographic');
  });

  it('warps a projected grid, a grid with a missing level and one with another origin', () => {
    expect(nativeTiling(extentGrid(25832, [700000, 5300000, 800000, 5400000]))).toBeNull();
    const gap = webMercatorGrid(6);
    gap.matrices.splice(3, 1);
    expect(nativeTiling(gap)).toBeNull();
    // a WMS extent grid in 3857 is not aligned with the world's tiles
    expect(nativeTiling(extentGrid(3857, [1300000, 6100000, 1400000, 6200000]))).toBeNull();
  });
});

describe('gridLonLatBox', () => {
  it('is the projected grid extent in degrees, curved outline included', () => {
    const grid = extentGrid(25832, [-46133, 5048875, 1206211, 6301219]);
    const [w, s, e, n] = gridLonLatBox(grid, toWgs84(25832));
    expect(w).toBeGreaterThan(-2);
    expect(w).toBeLessThan(3);
    expect(e).toBeGreaterThan(17);
    expect(s).toBeGreaterThan(44);
    expect(n).toBeGreaterThan(56);
    expect(n).toBeLessThan(58);
  });

  it('clamps Web Mercator to ±85.05°', () => {
    const [w, s, e, n] = gridLonLatBox(webMercatorGrid(3), toWgs84(3857));
    expect([w, e]).toEqual([-180, 180]);
    expect(s).toBeCloseTo(-85.05, 1);
    expect(n).toBeCloseTo(85.05, 1);
  });

  it('throws, naming the CRS, when the extent does not project', () => {
    const grid = extentGrid(25832, [0, 0, 1, 1]);
    expect(() => gridLonLatBox(grid, () => [NaN, NaN])).toThrow(/EPSG:25832/);
  });
});

it('geographicMaximumLevel: a level whose pixels are about as fine as the grid’s finest', () => {
  // 0.5 m pixels: 180° / 256 px / 2^L ≈ 0.5 m / 73 km per degree (at 48.5° N) → L ≈ 17
  const grid = extentGrid(25832, [723667, 5372620, 740667, 5389620], 16);
  grid.matrices = grid.matrices.filter((m) => m.resolution >= 0.5);
  const box = gridLonLatBox(grid, toWgs84(25832));
  const level = geographicMaximumLevel(grid, box, fromWgs84(25832));
  const degreesPerPixel = 180 / 256 / 2 ** level;
  expect(degreesPerPixel * 73_800).toBeLessThanOrEqual(grid.matrices.at(-1)!.resolution * 1.01);
  expect(degreesPerPixel * 2 * 73_800).toBeGreaterThan(grid.matrices.at(-1)!.resolution);
});
