import { describe, expect, it } from 'vitest';
import { parseSrsName } from '../../../src/core/geo/crs';
import { createHeightModel, loadGcg2016, parseGeoidOption } from '../../../src/core/geo/geoid';

// Reference anomalies from the full-resolution GCG2016 raster (45″ × 30″), interpolated bilinearly.
const REFERENCE = [
  ['Munich', 11.5755, 48.1374, 45.659],
  ['Nuremberg', 11.0767, 49.4521, 46.622],
  ['Zugspitze', 10.985, 47.421, 49.559],
  ['Garmisch', 11.09, 47.49, 48.708],
  ['Passau', 13.43, 48.57, 45.607],
  ['Hof', 11.91, 50.31, 47.247],
  ['Berlin', 13.405, 52.52, 39.273],
  ['Hamburg', 10.0, 53.55, 39.945],
] as const;

describe('GCG2016 grid', () => {
  it.each(REFERENCE)('%s: ζ within 6 cm of the full model', async (_name, lon, lat, zeta) => {
    const grid = await loadGcg2016();
    expect(Math.abs(grid.undulation(lon, lat) - zeta)).toBeLessThan(0.06);
  });

  it('stays between 44.5 and 50.5 m all over Bavaria (Munich 45.7, Alps 49.6)', async () => {
    const grid = await loadGcg2016();
    for (let lon = 9.2; lon <= 13.6; lon += 0.2) {
      for (let lat = 47.6; lat <= 50.4; lat += 0.2) {
        const z = grid.undulation(lon, lat);
        if (Number.isNaN(z)) continue; // a few samples of the box are abroad
        expect(z).toBeGreaterThan(44.5);
        expect(z).toBeLessThan(50.5);
      }
    }
  });

  it('has no value outside its coverage', async () => {
    const grid = await loadGcg2016();
    expect(grid.undulation(0, 0)).toBeNaN();
    expect(grid.undulation(2.35, 48.85)).toBeNaN(); // Paris, west of the grid
    expect(grid.undulation(-170, 48)).toBeNaN();
  });
});

describe('createHeightModel', () => {
  it('adds ζ to DHHN2016 heights: a Munich roof at 520 m NHN is ~565.7 m above the ellipsoid', async () => {
    const model = await createHeightModel(parseSrsName('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH')!, parseGeoidOption());
    expect(520 + model.offset(11.5755, 48.1374)).toBeCloseTo(565.66, 1);
    expect(model.description).toMatch(/GCG2016/);
  });

  it('assumes normal heights when the vertical datum is not declared, and says so', async () => {
    const model = await createHeightModel(parseSrsName('EPSG:25832')!, parseGeoidOption('auto'));
    expect(model.offset(11.5755, 48.1374)).toBeCloseTo(45.66, 1);
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
