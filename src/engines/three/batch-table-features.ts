/** The parts of 3d-tiles-renderer's BatchTable (3D Tiles 1.0 b3dm, i3dm, pnts) we read. */
export interface BatchTableLike {
  count: number;
  getKeys(): string[];
  getDataFromId(id: number, target?: Record<string, unknown>): Record<string, unknown>;
}

/** The property-table shape TileFeatures reads (see tile-features.ts). */
export interface BatchTableAccessor {
  count: number;
  properties: Record<string, { noData: unknown; default: unknown; type: string }>;
  getPropertyValue(name: string, row: number): unknown;
  getData(row: number, target?: object): Record<string, unknown>;
}

/** Columns that usually hold a building's id in batch tables written by other tools (FME, citygml-tools, 3DCityDB). */
const ID_COLUMNS = ['id', 'gml_id', 'gmlid', 'gml:id', 'ID', 'GMLID', 'objectid', 'OBJECTID'];

/**
 * A 3D Tiles 1.0 batch table as a property table whose `id` is the first id-like column.
 * Null when the table has no rows.
 */
export function batchTableAccessor(table: BatchTableLike | undefined): BatchTableAccessor | null {
  if (!table || !(table.count > 0)) return null;
  const keys = table.getKeys();
  const idColumn = ID_COLUMNS.find((k) => keys.includes(k)) ?? null;
  const properties: BatchTableAccessor['properties'] = {};
  for (const key of keys) properties[key] = { noData: null, default: null, type: 'BATCH' };
  if (idColumn) properties.id = { noData: null, default: null, type: 'BATCH' };
  const rows = new Map<number, Record<string, unknown>>();
  const row = (r: number) => {
    let data = rows.get(r);
    if (!data) {
      data = table.getDataFromId(r, {});
      rows.set(r, data);
    }
    return data;
  };
  return {
    count: table.count,
    properties,
    getPropertyValue: (name, r) => row(r)[name === 'id' && idColumn ? idColumn : name],
    getData: (r, target = {}) => {
      const data = { ...row(r) };
      if (idColumn && idColumn !== 'id') {
        data.id = data[idColumn];
        delete data[idColumn];
      }
      return Object.assign(target, data);
    },
  };
}
