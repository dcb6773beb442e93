/** German number formats and labels of the spatial panel. Plain text only. */
import type { CheckKind, PolygonMode, RowSortKey } from '../../worker-clients/spatial-client.js';

const formats = new Map<number, Intl.NumberFormat>();

export function de(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  return f.format(value);
}

export const MODE_LABELS: Record<PolygonMode, string> = {
  intersects: 'berührt oder schneidet das Gebiet',
  contains: 'liegt ganz im Gebiet',
  centroid: 'Schwerpunkt im Gebiet',
};

export const COLUMN_LABELS: Record<Exclude<RowSortKey, 'planned'>, string> = {
  id: 'Gebäude-ID',
  function: 'Funktion',
  yearOfConstruction: 'Baujahr',
  height: 'Höhe (m)',
  storeys: 'Geschosse',
  footprintArea: 'Grundfläche (m²)',
  grossFloorArea: 'BGF gesch. (m²)',
  violations: 'Planverstöße',
};

export const CHECK_LABELS: Record<CheckKind, string> = {
  grz: 'GRZ',
  gr: 'Grundfläche',
  storeys: 'Vollgeschosse',
  height: 'Höhe',
  baufenster: 'Baufenster',
  ueberbaubar: 'überbaubare Fläche',
  baugrenze: 'Baugrenze',
};
