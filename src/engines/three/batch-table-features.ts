import type { Mesh, Object3D } from 'three';

/** The parts of 3d-tiles-renderer's BatchTable (3D Tiles 1.0 b3dm) we read. */
interface BatchTableLike {
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
 * A 3D Tiles 1.0 b3dm tile: its meshes carry `_batchid` and the scene a batch table. Names `_batchid` as
 * `_feature_id_0` on every such mesh (the attribute the feature shader, picking and the ground model use) and
 * returns the batch table as a property table whose `id` is the first id-like column. Null for other tiles.
 */
export function adoptBatchTable(scene: Object3D): BatchTableAccessor | null {
  const table = (scene as Object3D & { batchTable?: BatchTableLike }).batchTable;
  let found = false;
  scene.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    const batchId = mesh.geometry.getAttribute('_batchid');
    if (batchId && !mesh.geometry.getAttribute('_feature_id_0')) {
      mesh.geometry.setAttribute('_feature_id_0', batchId);
      found = true;
    }
  });
  if (!found || !table || !(table.count > 0)) return null;
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
