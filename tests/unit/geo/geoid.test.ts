import { describe, expect, it } from 'vitest';
import { parseSrsName } from '../../../src/core/geo/crs';
import { createHeightModel, loadGeoid, parseGeoidOption } from '../../../src/core/geo/geoid';

// Height anomalies of the official German quasigeoid GCG2016 (BKG) at these places, and how far
// EGM96 may be from them: the accuracy stated in geoid.ts (lowlands 0.1–0.3 m, the Alps ~1.5 m).
const GCG2016_REFERENCE = [
  ['Munich', 11.5755, 48.1374, 45.659, 0.2],
  ['Nuremberg', 11.0767, 49.4521, 46.622, 0.35],
  ['Passau', 13.43, 48.57, 45.607, 0.3],
  ['Hof', 11.91, 50.31, 47.247, 0.2],
  ['Berlin', 13.405, 52.52, 39.273, 0.3],
  ['Hamburg', 10.0, 53.55, 39.945, 0.2],
  ['Garmisch', 11.09, 47.49, 48.708, 1.2],
  ['Zugspitze', 10.985, 47.421, 49.559, 1.6],
] as const;

describe('EGM96 geoid', () => {
  it.each(GCG2016_REFERENCE)('%s: within the stated accuracy of GCG2016', async (_name, lon, lat, zeta, tolerance) => {
    const geoid = await loadGeoid();
    expect(Math.abs(geoid.undulation(lon, lat) - zeta)).toBeLessThan(tolerance);
  });

  it('stays between 44.5 and 50.5 m all over Bavaria', async () => {
    const geoid = await loadGeoid();
    for (let lon = 9.2; lon <= 13.6; lon += 0.2) {
      for (let lat = 47.4; lat <= 50.4; lat += 0.2) {
        const n = geoid.undulation(lon, lat);
        expect(n).toBeGreaterThan(44.5);
        expect(n).toBeLessThan(50.5);
      }
    }
  });

  it('is global, wraps longitudes and refuses nonsense', async () => {
    const geoid = await loadGeoid();
    expect(geoid.undulation(0, 0)).toBeCloseTo(17.2, 0); // EGM96 at 0°/0°
    expect(geoid.undulation(371.5755, 48.1374)).toBeCloseTo(geoid.undulation(11.5755, 48.1374), 9);
    expect(geoid.undulation(Number.NaN, 48)).toBeNaN();
    expect(geoid.undulation(11, 95)).toBeNaN();
  });
});

describe('createHeightModel', () => {
  it('adds N to DHHN2016 heights: a Munich roof at 520 m NHN is ~565.5 m above the ellipsoid', async () => {
    const model = await createHeightModel(parseSrsName('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH')!, parseGeoidOption());
    expect(520 + model.offset(11.5755, 48.1374)).toBeCloseTo(565.53, 1);
    expect(model.description).toMatch(/EGM96/);
  });

  it('assumes normal heights when the vertical datum is not declared, and says so', async () => {
    const model = await createHeightModel(parseSrsName('EPSG:25832')!, parseGeoidOption('auto'));
    expect(model.offset(11.5755, 48.1374)).toBeCloseTo(45.53, 1);
    expect(model.description).toMatch(/assumed/);
  });

  it('leaves ellipsoidal heights alone, honours "none" and a fixed offset', async () => {
    expect((await createHeightModel(parseSrsName('urn:ogc:def:crs:EPSG::4979')!, parseGeoidOption())).offset(11.5, 48.1)).toBe(0);
    const crs = parseSrsName('urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837')!;
    expect((await createHeightModel(crs, parseGeoidOption('none'))).offset(11.5, 48.1)).toBe(0);
    expect((await createHeightModel(crs, parseGeoidOption('47.25'))).offset(11.5, 48.1)).toBe(47.25);
    expect((await createHeightModel(crs, parseGeoidOption(-3))).offset(11.5, 48.1)).toBe(-3);
  });

  it('rejects nonsense geoid options', () => {
    expect(() => parseGeoidOption('egm2020')).toThrow(/Invalid geoid option/);
    expect(() => parseGeoidOption(1e6)).toThrow(/Invalid geoid offset/);
    expect(() => parseGeoidOption(Number.NaN)).toThrow();
  });
});
