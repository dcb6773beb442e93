/** The converted buildings' footprints as a FootprintSet (F's codec writes it as footprints.bin). */
import type { BuildingMesh } from '../mesh/building-mesh';
import type { FootprintSet } from '../footprints/footprint-set';

type FootprintSource = Pick<BuildingMesh, 'id' | 'attributes' | 'groundHeight' | 'bbox' | 'footprint'>;

/**
 * `get(i)` gives building i, whose footprint is already in the CRS `epsg`. It is called twice per
 * building (count, then copy) and nothing it returns is kept, so views built on demand stay
 * short-lived: holding all of them at once cost about 2 kB per building.
 */
export function collectFootprints(count: number, get: (i: number) => FootprintSource, epsg: number): FootprintSet {
  let polygons = 0;
  let rings = 0;
  let vertices = 0;
  for (let i = 0; i < count; i++) {
    const footprint = get(i).footprint;
    polygons += footprint.length;
    for (const poly of footprint) {
      rings += poly.length;
      for (const ring of poly) vertices += ring.length / 2;
    }
  }
  const functions = new Array<string>(count);
  const yearsOfConstruction = new Int16Array(count);
  const planned = new Uint8Array(count);
  const set: FootprintSet = {
    epsg,
    ids: new Array<string>(count),
    groundHeights: new Float64Array(count),
    heights: new Float32Array(count),
    storeys: new Int16Array(count),
    polygonOffsets: new Uint32Array(count + 1),
    ringOffsets: new Uint32Array(polygons + 1),
    vertexOffsets: new Uint32Array(rings + 1),
    coords: new Float64Array(vertices * 2),
    functions,
    yearsOfConstruction,
    planned,
  };
  let p = 0;
  let k = 0;
  let v = 0;
  for (let i = 0; i < count; i++) {
    const r = get(i);
    set.ids[i] = r.id;
    set.groundHeights[i] = r.groundHeight;
    set.heights[i] = footprintHeight(r);
    set.storeys[i] = int16(r.attributes.storeysAboveGround);
    functions[i] = r.attributes.function ?? '';
    yearsOfConstruction[i] = int16(r.attributes.yearOfConstruction);
    planned[i] = isPlannedBuilding(r.attributes.generic) ? 1 : 0;
    for (const poly of r.footprint) {
      for (const ring of poly) {
        set.coords.set(ring, v * 2);
        v += ring.length / 2;
        set.vertexOffsets[++k] = v;
      }
      set.ringOffsets[++p] = k;
    }
    set.polygonOffsets[i + 1] = p;
  }
  return set;
}

/** measuredHeight, else roof top minus ground. */
export function footprintHeight(r: Pick<FootprintSource, 'attributes' | 'bbox' | 'groundHeight'>): number {
  return r.attributes.measuredHeight ?? r.bbox[5] - r.groundHeight;
}

/** Planning variants carry a status attribute, e.g. gen:stringAttribute planungsstatus = "geplant". */
export function isPlannedBuilding(generic: Record<string, string | number>): boolean {
  const status = generic.planungsstatus ?? generic.Planungsstatus ?? generic.status;
  return typeof status === 'string' && /^(geplant|planned|planung)$/i.test(status.trim());
}

/** An int16 column's value (storeys, year): -1 when unknown or out of range. */
export { int16 as footprintInt16 };
function int16(v: number | undefined): number {
  return v !== undefined && Number.isInteger(v) && v >= -32768 && v <= 32767 ? v : -1;
}
