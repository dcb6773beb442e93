/** Table rows for a selection: one plain object per building, sorted and paged in the worker. */
import { ASSUMED_STOREY_HEIGHT } from './aggregate';
import type { FootprintIndex } from './footprint-index';
import type { BuildingRow, RowsParams, RowsResult } from '../../types/spatial';
export type { BuildingRow, RowSortKey, RowsParams, RowsResult } from '../../types/spatial';

const known = (v: number) => (Number.isFinite(v) ? v : null);

export function buildingRow(index: FootprintIndex, i: number, violations: ReadonlyMap<number, string[]> | null): BuildingRow {
  const { set, areas, centroids } = index;
  const h = set.heights[i];
  const s = set.storeys[i];
  const year = set.yearsOfConstruction?.[i] ?? -1;
  const area = areas[i];
  return {
    index: i,
    id: set.ids[i],
    function: set.functions?.[i] || null,
    yearOfConstruction: year >= 0 ? year : null,
    planned: set.planned ? set.planned[i] === 1 : false,
    height: h > 0 ? h : null,
    storeys: s >= 0 ? s : null,
    footprintArea: area,
    grossFloorArea: s >= 0 ? area * s : h > 0 ? (area * h) / ASSUMED_STOREY_HEIGHT : null,
    groundHeight: known(set.groundHeights[i]),
    x: centroids[i * 2],
    y: centroids[i * 2 + 1],
    violations: violations?.get(i) ?? [],
  };
}

/** Nulls sort last in either direction; ties by id so that paging is stable. */
export function sortedRows(index: FootprintIndex, indices: Uint32Array, params: RowsParams, violations: ReadonlyMap<number, string[]> | null): RowsResult {
  const key = params.sortBy ?? 'id';
  const dir = params.descending ? -1 : 1;
  const offset = Math.max(0, params.offset ?? 0);
  const limit = Math.max(0, params.limit ?? 100);
  const all = Array.from(indices, (i) => buildingRow(index, i, violations));
  const value = (r: BuildingRow): string | number | null => (key === 'violations' ? r.violations.length : key === 'planned' ? Number(r.planned) : r[key]);
  all.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === 'string' || typeof vb === 'string' ? String(va).localeCompare(String(vb), 'de') : va - vb;
      if (c !== 0) return c * dir;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index;
  });
  return { rows: all.slice(offset, offset + limit), total: all.length };
}
