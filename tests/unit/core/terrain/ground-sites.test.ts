import { describe, expect, it } from 'vitest';
import { clusterCells, groundDistance, groundSites, siteAt, siteReach, sitesKey, type GroundPoint } from '../../../../src/core/index.js';

/** Bases of a small town: a 3 × 3 grid 100 m apart around lon/lat, the lowest at `floor`. */
function town(lon: number, lat: number, floor: number): GroundPoint[] {
  const out: GroundPoint[] = [];
  for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) out.push({ lon: lon + i * 0.00135, lat: lat + j * 0.0009, height: floor + 5 + i + j });
  return out;
}

describe('ground sites', () => {
  it('one site per town, at its lowest base, with a ground reaching past its buildings', () => {
    const sites = groundSites(town(12.15, 48.53, 440));
    expect(sites).toHaveLength(1);
    expect(sites[0].lowest).toBe(443);
    expect(sites[0].lon).toBeCloseTo(12.15, 6);
    expect(sites[0].radius).toBeGreaterThan(100);
    expect(sites[0].radius).toBeLessThan(200);
    expect(sites[0].reach).toBe(2_000);
  });

  it('two towns 24 km apart are two sites whose grounds do not overlap; NaN bases are skipped', () => {
    const west = 12.15 - 24_000 / (111_320 * Math.cos((48.53 * Math.PI) / 180));
    const sites = groundSites([...town(12.15, 48.53, 440), ...town(west, 48.53, 250), { lon: NaN, lat: 48, height: 0 }]);
    expect(sites).toHaveLength(2);
    const [home, far] = sites[0].lowest > sites[1].lowest ? sites : [sites[1], sites[0]];
    expect(groundDistance(home, far)).toBeCloseTo(24_000, -2);
    expect(siteAt(sites, 12.15, 48.531)).toBe(home);
    expect(siteAt(sites, west + 0.001, 48.53)).toBe(far);
    expect(siteAt(sites, (12.15 + west) / 2, 48.53)).toBeNull(); // between them: neither's ground
    expect(home.reach + far.reach).toBeLessThan(24_000);
  });

  it('bases in touching cells are one site; the key changes only when the ground does', () => {
    // 8 km apart: the same or neighbouring 10 km cells
    const east = 12.15 + 8_000 / (111_320 * Math.cos((48.53 * Math.PI) / 180));
    const one = groundSites([...town(12.15, 48.53, 440), ...town(east, 48.53, 430)]);
    expect(one).toHaveLength(1);
    expect(one[0].lowest).toBe(433);
    expect(sitesKey(groundSites([...town(12.15, 48.53, 440), ...town(east, 48.53, 430)]))).toBe(sitesKey(one));
    expect(sitesKey(groundSites(town(12.15, 48.53, 440)))).not.toBe(sitesKey(one));
  });

  it('clusterCells joins cells that touch (diagonals too) whatever they hold; siteReach stays within 2–30 km and short of the next site', () => {
    const cells = new Map<string, string>([['0,0', 'a'], ['1,1', 'b'], ['2,0', 'c'], ['5,5', 'd'], ['-1,-1', 'e']]);
    const clusters = clusterCells(cells).map((c) => c.sort().join(''));
    expect(clusters.sort()).toEqual(['abce', 'd']);
    expect(siteReach(100, Infinity)).toBe(2_000);
    expect(siteReach(5_000, Infinity)).toBe(15_000);
    expect(siteReach(50_000, Infinity)).toBe(30_000);
    expect(siteReach(5_000, 10_000)).toBe(4_500);
  });
});
