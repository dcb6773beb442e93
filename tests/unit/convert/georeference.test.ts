import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/core/geo/index';
import { evalModel, exactEcef, fitEcefModel, transformModel } from '../../../workers/lib/convert/georeference';

function maxError(epsg: number, anchor: number[], half: number, height = 40): number {
  const t = { toLonLat: toWgs84(epsg), heightOffset: 45.7 };
  const model = fitEcefModel(t, anchor, half, half, height / 2);
  let worst = 0;
  for (let i = 0; i <= 10; i++) {
    for (let j = 0; j <= 10; j++) {
      for (const dz of [-height / 2, 0, height / 2]) {
        const dx = -half + (2 * half * i) / 10;
        const dy = -half + (2 * half * j) / 10;
        const exact = exactEcef(t, anchor[0] + dx, anchor[1] + dy, anchor[2] + dz);
        const approx = evalModel(model, dx, dy, dz);
        worst = Math.max(worst, Math.hypot(exact[0] - approx[0], exact[1] - approx[1], exact[2] - approx[2]));
      }
    }
  }
  return worst;
}

describe('per-building quadratic georeference model', () => {
  it('stays within 1 mm of exact proj4 + ECEF for a 1 km building, at a UTM zone edge too', () => {
    expect(maxError(25832, [691000, 5334000, 520], 500)).toBeLessThan(0.001);
    expect(maxError(25832, [850000, 5900000, 50], 500)).toBeLessThan(0.001); // far east of the central meridian
    expect(maxError(31468, [4468000, 5333000, 520], 500)).toBeLessThan(0.001);
  });

  it('stays within 1 cm for a 5 km "building" (bad data does not break placement)', () => {
    expect(maxError(25832, [691000, 5334000, 520], 2500, 200)).toBeLessThan(0.01);
  });

  it('is exact at its anchor and moves into another frame with a rigid transform', () => {
    const t = { toLonLat: toWgs84(25833), heightOffset: 39.3 };
    const model = fitEcefModel(t, [391000, 5820000, 35], 20, 20, 10);
    const exact = exactEcef(t, 391000, 5820000, 35);
    expect(evalModel(model, 0, 0, 0)).toEqual(exact);
    // A translation by -exact puts the anchor at the origin of the new frame.
    const shift = Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -exact[0], -exact[1], -exact[2], 1);
    const moved = evalModel(transformModel(model, shift), 0, 0, 0);
    expect(Math.hypot(moved[0], moved[1], moved[2])).toBeLessThan(1e-6);
  });

  it('projects each of its 9 plan positions once, with the same coefficients as 19 exact samples', () => {
    const proj = toWgs84(25832);
    let calls = 0;
    const t = { toLonLat: (x: number, y: number) => (calls++, proj(x, y)), heightOffset: 47.1 };
    const anchor = [691000, 5334000, 520];
    const model = fitEcefModel(t, anchor, 12, 7, 9);
    expect(calls).toBe(9);
    // the model's definition, sample by sample through exactEcef
    const f = (dx: number, dy: number, dz: number) => exactEcef({ toLonLat: proj, heightOffset: 47.1 }, anchor[0] + dx, anchor[1] + dy, anchor[2] + dz);
    const [h, k] = [12, 9];
    const c = 1;
    const xzCross = (f(h, 0, k)[c] - f(h, 0, -k)[c] - f(-h, 0, k)[c] + f(-h, 0, -k)[c]) / (4 * h * k);
    expect(model[0 + c]).toBe(f(0, 0, 0)[c]);
    expect(model[9 + c]).toBe((f(0, 0, k)[c] - f(0, 0, -k)[c]) / (2 * k));
    expect(model[21 + c]).toBe(xzCross);
  });
});
