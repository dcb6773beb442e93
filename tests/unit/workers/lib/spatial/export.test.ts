import { describe, expect, it } from 'vitest';
import { buildFootprintSet } from '../../../../../workers/lib/footprints';
import { FootprintIndex } from '../../../../../workers/lib/spatial/footprint-index';
import { exportSelection } from '../../../../../workers/lib/spatial/export';
import { sortedRows } from '../../../../../workers/lib/spatial/rows';
import { toWgs84 } from '../../../../../src/core/geo';
import { rect } from './spatial-fixtures';

function createIndex() {
  return new FootprintIndex(
    buildFootprintSet(
      [
        // A clockwise exterior with a counter-clockwise hole: GeoJSON output must flip both.
        { id: '=HYPERLINK("x";"y")', polygons: [[rect(724000, 5377500, 724010, 5377510).reverse(), rect(724002, 5377502, 724004, 5377504)]], height: 12.25, storeys: 4, function: '31001_1000', yearOfConstruction: 1910 },
        { id: 'b', polygons: [[rect(724020, 5377500, 724030, 5377505)]], height: NaN, planned: true },
      ],
      25832,
    ),
  );
}

describe('export', () => {
  const index = createIndex();
  const violations = new Map([[0, ['WA 1: Höhe 12,3 m > 10,0 m zulässig']]]);

  it('writes CSV for German spreadsheets and keeps formulas inert', () => {
    const { text, mimeType, fileName } = exportSelection(index, Uint32Array.of(0, 1), { format: 'csv' }, violations);
    expect([mimeType, fileName]).toEqual(['text/csv;charset=utf-8', 'gebaeude.csv']);
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('ID;Funktion;Baujahr;Geplant;Höhe (m);Geschosse;Grundfläche (m²);BGF geschätzt (m²);Geländehöhe (m);Rechtswert;Hochwert;Planverstöße');
    // Area 100 − 4 = 96; centroid (500 − 4 × 3) / 96 = 5.083 m from the corner; BGF 96 × 4.
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"";""y"")";31001_1000;1910;nein;12,25;4;96;384;;724005,083;5377505,083;WA 1: Höhe 12,3 m > 10,0 m zulässig`);
    expect(lines[2]).toBe('b;;;ja;;;50;;;724025;5377502,5;');
  });

  it('writes RFC 7946 GeoJSON in WGS 84 with closed, right-hand rings', () => {
    const json = JSON.parse(exportSelection(index, Uint32Array.of(0), { format: 'geojson' }, violations).text);
    const [feature] = json.features;
    expect(json.crs).toBeUndefined();
    expect(feature.properties).toMatchObject({ id: '=HYPERLINK("x";"y")', height: 12.25, storeys: 4, footprintArea: 96, violations: ['WA 1: Höhe 12,3 m > 10,0 m zulässig'] });
    const [outer, hole] = feature.geometry.coordinates[0];
    const [lon, lat] = toWgs84(25832)(724000, 5377500);
    expect(outer.some((p: number[]) => Math.abs(p[0] - lon) < 1e-8 && Math.abs(p[1] - lat) < 1e-8)).toBe(true);
    expect(outer).toHaveLength(5);
    expect(outer[0]).toEqual(outer[outer.length - 1]);
    const signed = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + (ring[i][0] * p[1] - p[0] * ring[i][1]), 0);
    expect(signed(outer)).toBeGreaterThan(0);
    expect(signed(hole)).toBeLessThan(0);
  });

  it('sorts rows with unknown values last in both directions and pages them', () => {
    const up = sortedRows(index, Uint32Array.of(0, 1), { sortBy: 'height' }, null);
    const down = sortedRows(index, Uint32Array.of(0, 1), { sortBy: 'height', descending: true }, null);
    expect(up.rows.map((r) => r.id)).toEqual(['=HYPERLINK("x";"y")', 'b']);
    expect(down.rows.map((r) => r.id)).toEqual(['=HYPERLINK("x";"y")', 'b']);
    expect(sortedRows(index, Uint32Array.of(0, 1), { sortBy: 'footprintArea', offset: 1, limit: 1 }, null)).toMatchObject({ total: 2, rows: [{ id: '=HYPERLINK("x";"y")' }] });
  });
});
