import { describe, expect, it } from 'vitest';
import { enuToEcef, geodeticToEcef, invertRigid, transformPoint } from '../../../src/core/geo/enu';
import { comparisonCsv, heatmapOverlay, lostClasses } from '../../../src/element/sun/sun-comparison';
import type { SunHoursResult } from '../../../workers/protocol';
import { seededRandom } from '../../helpers/seeded-random';

function result(nx: number, ny: number, lost: Float32Array): SunHoursResult {
  return {
    frame: { lon: 12.15, lat: 48.54, height: 400 },
    from: '2026-03-21',
    to: '2026-03-21',
    days: 1,
    stepMinutes: 10,
    minAltitude: 11,
    grid: { minX: -100, minY: -50, cellSize: 2, nx, ny, base: new Float32Array(nx * ny), lost, variant: new Float32Array(nx * ny) },
    buildings: [],
    facade: { positions: new Float32Array(0), baseHours: new Float32Array(0), variantHours: new Float32Array(0), building: new Uint32Array(0) },
    rays: 0,
    elapsedMs: 0,
  };
}

describe('sun comparison output', () => {
  it('the heatmap covers exactly the cells losing ≥ 0.25 h, each once, in its class colour, with few polygons', () => {
    const rnd = seededRandom(3);
    const nx = 60, ny = 40;
    const lost = new Float32Array(nx * ny);
    // blobs of loss plus noise and NaN (inside buildings)
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) lost[j * nx + i] = Math.max(0, 3.5 - Math.hypot(i - 20, j - 15) / 4) + (rnd() < 0.05 ? 1 : 0);
    lost[5] = Number.NaN;
    const r = result(nx, ny, lost);
    const overlay = heatmapOverlay(r, 'de');
    const toLocal = invertRigid(enuToEcef(r.frame.lon, r.frame.lat, r.frame.height));
    const covered = new Int32Array(nx * ny).fill(-1);
    for (const f of overlay.features) {
      expect(f.kind).toBe('draped-polygon');
      const ring = (f as { rings: Float64Array[] }).rings[0];
      const xs: number[] = [], ys: number[] = [];
      for (let k = 0; k < ring.length; k += 2) {
        const e = geodeticToEcef(ring[k], ring[k + 1], 0);
        const p = transformPoint(toLocal, e[0], e[1], e[2]);
        xs.push(p[0]);
        ys.push(p[1]);
      }
      const i0 = Math.round((Math.min(...xs) + 100) / 2), i1 = Math.round((Math.max(...xs) + 100) / 2);
      const j0 = Math.round((Math.min(...ys) + 50) / 2), j1 = Math.round((Math.max(...ys) + 50) / 2);
      const k = lostClasses.findIndex((c) => c.colour === f.style.fill);
      for (let j = j0; j < j1; j++) {
        for (let i = i0; i < i1; i++) {
          expect(covered[j * nx + i]).toBe(-1);
          covered[j * nx + i] = k;
        }
      }
    }
    for (let c = 0; c < nx * ny; c++) {
      const v = lost[c];
      const k = v >= 0.25 ? lostClasses.findLastIndex((cl) => v >= cl.from) : -1;
      expect(covered[c]).toBe(k);
    }
    const cells = [...covered].filter((k) => k >= 0).length;
    expect(overlay.features.length).toBeLessThan(cells / 2);
  });

  it('CSV: one line per building, text kept as text and spreadsheet formulas defused', () => {
    const r = result(1, 1, new Float32Array(1));
    const levels = { none: 1, minimum: 1, medium: 0, high: 2 };
    r.buildings = [
      { id: '=HYPERLINK("x")', facadeArea: 120, points: 4, baseHours: 5, variantHours: 4.5, lostHours: 0.5, maxLostHours: 1.25, baseLevels: levels, variantLevels: { ...levels, high: 1, none: 2 } },
    ];
    const csv = comparisonCsv(r, { base: 'Bestand', variant: 'Neubau' }).trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toBe(`"'=HYPERLINK(""x"")";120.0;4;5.00;4.50;0.50;1.25;0.750;0.500;2;1`);
  });
});
