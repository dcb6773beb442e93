import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../../src/core/geo/projections';

/** Metres between two lon/lat points (local flat approximation, fine at the centimetre scale). */
function metresBetween(a: number[], b: number[]): number {
  const lat = (a[1] * Math.PI) / 180;
  const dx = ((a[0] - b[0]) * Math.PI) / 180 * 6378137 * Math.cos(lat);
  const dy = ((a[1] - b[1]) * Math.PI) / 180 * 6378137;
  return Math.hypot(dx, dy);
}

describe('toWgs84', () => {
  it('matches the published UTM 32N example (PROJ docs: 12°E 55°N = 691875.632 6098907.825) within 1 cm', () => {
    const lonLat = toWgs84(25832)(691875.632, 6098907.825);
    expect(metresBetween(lonLat, [12, 55])).toBeLessThan(0.01);
  });

  it('puts the central meridian of UTM 32N/33N at 9°E/15°E and the false origin on the equator', () => {
    const a = toWgs84(25832)(500000, 0);
    expect(a[0]).toBeCloseTo(9, 10);
    expect(a[1]).toBeCloseTo(0, 10);
    const b = toWgs84(25833)(500000, 0);
    expect(b[0]).toBeCloseTo(15, 10);
  });

  it('reads the zone-prefixed UTM forms (4647, 5650) like the plain ones', () => {
    const plain = toWgs84(25832)(691000, 5334000);
    const prefixed = toWgs84(4647)(32691000, 5334000);
    expect(metresBetween(plain, prefixed)).toBeLessThan(0.001);
    expect(metresBetween(toWgs84(25833)(391000, 5820000), toWgs84(5650)(33391000, 5820000))).toBeLessThan(0.001);
  });

  it.each([
    [25832, '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs', [[691000, 5334000], [500000, 5500000], [300000, 6000000]]],
    [25833, '+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs', [[391000, 5820000], [700000, 5400000]]],
    [3857, 'EPSG:3857', [[1288000, 6130000], [-20000, 7000000]]],
  ] as const)('EPSG:%i agrees with an independent proj4 definition within 1 cm', (epsg, def, points) => {
    const independent = proj4(def, 'EPSG:4326');
    for (const [x, y] of points) {
      expect(metresBetween(toWgs84(epsg)(x, y), independent.forward([x, y]))).toBeLessThan(0.01);
    }
  });

  it('Gauß-Krüger zone 4 uses the DHDN datum shift: ~1 m consistent with UTM, exact against proj4 with the Potsdam datum', () => {
    const gk = '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=4500000 +y_0=0 +datum=potsdam +units=m +no_defs';
    const lonLat = toWgs84(31468)(4468000, 5333000);
    expect(metresBetween(lonLat, proj4(gk, 'EPSG:4326').forward([4468000, 5333000]))).toBeLessThan(0.01);
    // Without the datum shift the same numbers land ~100+ m away: the shift is really applied.
    const noShift = proj4('+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=4500000 +y_0=0 +ellps=bessel +units=m +no_defs', 'EPSG:4326').forward([4468000, 5333000]);
    expect(metresBetween(lonLat, noShift)).toBeGreaterThan(50);
  });

  it('round-trips through fromWgs84 within 1 mm for every projected code', () => {
    for (const [epsg, x, y] of [[25832, 691000, 5334000], [25833, 391000, 5820000], [31466, 2550000, 5600000], [31467, 3500000, 5500000], [31468, 4468000, 5333000], [31469, 5400000, 5700000], [3857, 1288000, 6130000]]) {
      const ll = toWgs84(epsg)(x, y);
      const back = fromWgs84(epsg)(ll[0], ll[1]);
      expect(Math.hypot(back[0] - x, back[1] - y)).toBeLessThan(0.001);
    }
  });

  it('passes geographic coordinates through and writes into the target array', () => {
    const target = [0, 0];
    expect(toWgs84(4326)(11.5, 48.1, target)).toBe(target);
    expect(target).toEqual([11.5, 48.1]);
    expect(() => toWgs84(2056)).toThrow(/EPSG:2056/);
  });
});
