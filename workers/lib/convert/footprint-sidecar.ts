/** The converted buildings' footprints as a FootprintSet (F's codec writes it as footprints.bin). */
import type { BuildingMesh } from '../citygml/building-mesh';
import type { FootprintSet } from '../footprints/footprint-set';

type FootprintSource = Pick<BuildingMesh, 'id' | 'attributes' | 'groundHeight' | 'bbox' | 'footprint'>;

/** `get(i)` gives building i, whose footprint is already in the CRS `epsg`. */
export function collectFootprints(count: number, get: (i: number) => FootprintSource, epsg: number): FootprintSet {
  const records = Array.from({ length: count }, (_, i) => get(i));
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
    ids: records.map((r) => r.id),
    groundHeights: Float64Array.from(records, (r) => r.groundHeight),
    heights: Float32Array.from(records, (r) => r.attributes.measuredHeight ?? r.bbox[5] - r.groundHeight),
    storeys: Int16Array.from(records, (r) => int16(r.attributes.storeysAboveGround)),
    polygonOffsets: new Uint32Array(n + 1),
    ringOffsets: new Uint32Array(polygons + 1),
    vertexOffsets: new Uint32Array(rings + 1),
    coords: new Float64Array(vertices * 2),
    functions: records.map((r) => r.attributes.function ?? ''),
    yearsOfConstruction: Int16Array.from(records, (r) => int16(r.attributes.yearOfConstruction)),
    planned: Uint8Array.from(records, (r) => (isPlanned(r.attributes.generic) ? 1 : 0)),
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

/** Planning variants carry a status attribute, e.g. gen:stringAttribute planungsstatus = "geplant". */
function isPlanned(generic: Record<string, string | number>): boolean {
  const status = generic.planungsstatus ?? generic.Planungsstatus ?? generic.status;
  return typeof status === 'string' && /^(geplant|planned|planung)$/i.test(status.trim());
}

function int16(v: number | undefined): number {
  return v !== undefined && Number.isInteger(v) && v >= -32768 && v <= 32767 ? v : -1;
}
