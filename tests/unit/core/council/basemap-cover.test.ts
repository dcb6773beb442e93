import { describe, expect, it } from 'vitest';
import { basemapTilesForTour, groundReach } from '../../../../src/core/council/index.js';
import { extentGrid } from '../../../../src/core/basemap/index.js';

// a metric grid over 0…25 600 m, 6 levels of 256-px tiles (100 m/px down to 3.125 m/px)
const grid = extentGrid(25832, [0, 0, 25_600, 25_600], 6);
// lon/lat stand for metres here: the projection is the identity
const identity = (x: number, y: number) => [x, y];

describe('base map tiles for a tour', () => {
  it('reaches three times the distance to the ground in view, at most 40 km', () => {
    expect(groundReach({ lon: 0, lat: 0, height: 100, pitch: -90 })).toBeCloseTo(300);
    expect(groundReach({ lon: 0, lat: 0, height: 100, pitch: -30 })).toBeCloseTo(600);
    // looking at the horizon counts as 10° down, not infinitely far
    expect(groundReach({ lon: 0, lat: 0, height: 100, pitch: 0 })).toBeCloseTo(300 / Math.sin(Math.PI / 18));
    expect(groundReach({ lon: 0, lat: 0, height: 1e6, pitch: -45 })).toBe(40_000);
  });

  it('covers every level, coarse to fine, around all stops with their reach', () => {
    const tiles = basemapTilesForTour(grid, [{ lon: 5000, lat: 5000, height: 100, pitch: -90 }, { lon: 7000, lat: 5000, height: 100, pitch: -90 }], identity);
    const levels = [...new Set(tiles.map((t) => t.level))];
    expect(levels).toEqual([0, 1, 2, 3, 4, 5]);
    // the finest level: 800 m tiles over x 4700…7300, y 4700…5300 → cols 5…9, rows 25…26 counted from the top
    const finest = tiles.filter((t) => t.level === 5);
    expect(new Set(finest.map((t) => t.col))).toEqual(new Set([5, 6, 7, 8, 9]));
    expect(finest).toHaveLength(5 * 2);
    expect(tiles.filter((t) => t.level === 0)).toHaveLength(1);
  });

  it('stops before the level that would pass the budget', () => {
    const tiles = basemapTilesForTour(grid, [{ lon: 12_800, lat: 12_800, height: 3000, pitch: -90 }], identity, 30);
    expect(tiles.length).toBeLessThanOrEqual(30);
    expect(Math.max(...tiles.map((t) => t.level))).toBeLessThan(5);
    expect(basemapTilesForTour(grid, [], identity)).toEqual([]);
  });
});
