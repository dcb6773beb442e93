import { describe, expect, it } from 'vitest';
import { ecefToGeodetic, enuToEcef, geodeticToEcef, invertRigid, multiplyMatrices, transformPoint } from '../../../src/core/geo/enu';

describe('ECEF', () => {
  it('puts known points where they belong', () => {
    expect(geodeticToEcef(0, 0, 0)).toEqual([6378137, 0, 0]);
    const pole = geodeticToEcef(0, 90, 0);
    expect(pole[2]).toBeCloseTo(6356752.314245, 5); // WGS 84 semi-minor axis
    const [x, y] = geodeticToEcef(90, 0, 100);
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(6378237, 6);
  });

  it('round-trips geodetic → ECEF → geodetic to well under a millimetre', () => {
    for (const [lon, lat, h] of [[11.5755, 48.1374, 565.7], [-73.9, 40.7, -30], [179.9, -89.5, 8000], [0, 0, 0], [13.4, 52.5, 1e5]]) {
      const [x, y, z] = geodeticToEcef(lon, lat, h);
      const back = ecefToGeodetic(x, y, z);
      expect(back[0]).toBeCloseTo(lon, 9);
      expect(back[1]).toBeCloseTo(lat, 9);
      expect(back[2]).toBeCloseTo(h, 4);
    }
  });
});

describe('ENU frames', () => {
  it('maps local east/north/up to the right ECEF directions', () => {
    const m = enuToEcef(11.5755, 48.1374, 500);
    const origin = geodeticToEcef(11.5755, 48.1374, 500);
    const up = transformPoint(m, 0, 0, 100);
    const upGeo = ecefToGeodetic(up[0], up[1], up[2]);
    expect(upGeo[2]).toBeCloseTo(600, 6);
    expect(upGeo[0]).toBeCloseTo(11.5755, 9);
    const east = transformPoint(m, 100, 0, 0);
    expect(ecefToGeodetic(east[0], east[1], east[2])[0]).toBeGreaterThan(11.5755);
    const north = transformPoint(m, 0, 100, 0);
    expect(ecefToGeodetic(north[0], north[1], north[2])[1]).toBeGreaterThan(48.1374);
    expect(Array.from(m.slice(12, 15))).toEqual(Array.from(origin));
  });

  it('is a rigid transform whose inverse undoes it', () => {
    const m = enuToEcef(-122.4, 37.8, 10);
    const inv = invertRigid(m);
    const identity = multiplyMatrices(inv, m);
    for (let i = 0; i < 16; i++) expect(identity[i]).toBeCloseTo(i % 5 === 0 ? 1 : 0, 9);
    const p = transformPoint(m, 12.5, -3, 40);
    const q = transformPoint(inv, p[0], p[1], p[2]);
    expect(q[0]).toBeCloseTo(12.5, 6);
    expect(q[1]).toBeCloseTo(-3, 6);
    expect(q[2]).toBeCloseTo(40, 6);
  });
});
