/**
 * A selection as CSV (German spreadsheet conventions: `;` between fields, decimal comma, UTF-8 with BOM)
 * or as GeoJSON (RFC 7946: WGS 84 lon/lat; when the dataset's CRS has no known projection the
 * coordinates stay projected and a legacy "crs" member names it).
 */
import { hasProjection, toWgs84 } from '../../../src/core/geo';
import type { FootprintIndex } from './footprint-index';
import { buildingRow, type BuildingRow } from './rows';
import type { ExportParams, ExportResult } from '../../types/spatial';
export type { ExportFormat, ExportParams, ExportResult } from '../../types/spatial';

const COLUMNS: [string, (r: BuildingRow) => string | number | boolean | null][] = [
  ['ID', (r) => r.id],
  ['Funktion', (r) => r.function],
  ['Baujahr', (r) => r.yearOfConstruction],
  ['Geplant', (r) => (r.planned ? 'ja' : 'nein')],
  ['Höhe (m)', (r) => r.height],
  ['Geschosse', (r) => r.storeys],
  ['Grundfläche (m²)', (r) => r.footprintArea],
  ['BGF geschätzt (m²)', (r) => r.grossFloorArea],
  ['Geländehöhe (m)', (r) => r.groundHeight],
  ['Rechtswert', (r) => r.x],
  ['Hochwert', (r) => r.y],
  ['Planverstöße', (r) => r.violations.join(' | ')],
];

export function exportSelection(index: FootprintIndex, indices: Uint32Array, params: ExportParams, violations: ReadonlyMap<number, string[]> | null): ExportResult {
  const rows = Array.from(indices, (i) => buildingRow(index, i, violations));
  if (params.format === 'csv') return { text: toCsv(rows), mimeType: 'text/csv;charset=utf-8', fileName: 'gebaeude.csv' };
  if (params.format === 'geojson') return { text: toGeoJson(index, rows), mimeType: 'application/geo+json', fileName: 'gebaeude.geojson' };
  throw new Error(`unknown export format "${String(params.format)}"`);
}

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(Math.round(v * 1000) / 1000).replace('.', ',');
  let s = String(v);
  // A cell starting with = + - @ would run as a formula in a spreadsheet: keep data as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(rows: BuildingRow[]): string {
  const lines = [COLUMNS.map(([name]) => csvCell(name)).join(';')];
  for (const r of rows) lines.push(COLUMNS.map(([, get]) => csvCell(get(r))).join(';'));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function toGeoJson(index: FootprintIndex, rows: BuildingRow[]): string {
  const { set } = index;
  const project = hasProjection(set.epsg) ? toWgs84(set.epsg) : null;
  const p = [0, 0];
  const round = (v: number) => (project ? Math.round(v * 1e8) / 1e8 : Math.round(v * 1000) / 1000);
  const position = (v: number) => {
    const x = set.coords[v * 2];
    const y = set.coords[v * 2 + 1];
    if (project) project(x, y, p);
    else [p[0], p[1]] = [x, y];
    return [round(p[0]), round(p[1])];
  };
  const features = rows.map((r) => {
    const polygons: number[][][][] = [];
    for (let poly = set.polygonOffsets[r.index]; poly < set.polygonOffsets[r.index + 1]; poly++) {
      const rings: number[][][] = [];
      for (let ring = set.ringOffsets[poly]; ring < set.ringOffsets[poly + 1]; ring++) {
        const coords: number[][] = [];
        for (let v = set.vertexOffsets[ring]; v < set.vertexOffsets[ring + 1]; v++) coords.push(position(v));
        if (coords.length > 0) {
          const [a, b] = [coords[0], coords[coords.length - 1]];
          if (a[0] !== b[0] || a[1] !== b[1]) coords.push(a);
        }
        // RFC 7946 right-hand rule: exterior counter-clockwise, holes clockwise.
        if (signedArea(coords) < 0 === (rings.length === 0)) coords.reverse();
        rings.push(coords);
      }
      polygons.push(rings);
    }
    const { index: _index, x: _x, y: _y, ...properties } = r;
    return { type: 'Feature', id: r.id, geometry: { type: 'MultiPolygon', coordinates: polygons }, properties };
  });
  const collection: Record<string, unknown> = { type: 'FeatureCollection', features };
  if (!project) collection.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${set.epsg}` } };
  return JSON.stringify(collection);
}

function signedArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[0][0]) * (ring[i][1] - ring[0][1]) - (ring[i][0] - ring[0][0]) * (ring[j][1] - ring[0][1]);
  return a;
}
