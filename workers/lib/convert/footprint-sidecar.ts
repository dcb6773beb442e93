/** The converted buildings' footprints as a FootprintSet (F's codec writes it as footprints.bin). */
import type { FootprintSet } from '../footprints/footprint-set';
import type { BuildingRecord } from './dataset-builder';

export function collectFootprints(records: readonly Pick<BuildingRecord, 'mesh' | 'footprint'>[], epsg: number): FootprintSet {
  let polygons = 0;
  let rings = 0;
  let vertices = 0;
  for (const r of records) {
    polygons += r.footprint.length;
    for (const poly of r.footprint) {
      rings += poly.length;
      for (const ring of poly) vertices += ring.length / 2;
    }
  }
  const n = records.length;
  const set: FootprintSet = {
    epsg,
    ids: records.map((r) => r.mesh.id),
    groundHeights: Float64Array.from(records, (r) => r.mesh.groundHeight),
    heights: Float32Array.from(records, (r) => r.mesh.attributes.measuredHeight ?? r.mesh.bbox[5] - r.mesh.groundHeight),
    storeys: Int16Array.from(records, (r) => int16(r.mesh.attributes.storeysAboveGround)),
    polygonOffsets: new Uint32Array(n + 1),
    ringOffsets: new Uint32Array(polygons + 1),
    vertexOffsets: new Uint32Array(rings + 1),
    coords: new Float64Array(vertices * 2),
    functions: records.map((r) => r.mesh.attributes.function ?? ''),
    yearsOfConstruction: Int16Array.from(records, (r) => int16(r.mesh.attributes.yearOfConstruction)),
  };
  let p = 0;
  let k = 0;
  let v = 0;
  records.forEach((r, i) => {
    for (const poly of r.footprint) {
      for (const ring of poly) {
        set.coords.set(ring, v * 2);
        v += ring.length / 2;
        set.vertexOffsets[++k] = v;
      }
      set.ringOffsets[++p] = k;
    }
    set.polygonOffsets[i + 1] = p;
  });
  return set;
}

function int16(v: number | undefined): number {
  return v !== undefined && Number.isInteger(v) && v >= -32768 && v <= 32767 ? v : -1;
}
