/**
 * Builds a FootprintSet from plain nested arrays: for converters that collect
 * footprints one building at a time, and for tests.
 */
import type { FootprintSet } from './footprint-set';

/** A polygon as rings of [x, y] points; rings[0] is the exterior, the rest are holes. */
export type PlainPolygon = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

export interface PlainFootprint {
  id: string;
  polygons: readonly PlainPolygon[];
  /** Metres; default NaN (unknown). */
  height?: number;
  /** Normal height of the ground, metres; default NaN (unknown). */
  groundHeight?: number;
  /** Default -1 (unknown). */
  storeys?: number;
  function?: string;
  /** Default -1 (unknown). */
  yearOfConstruction?: number;
  planned?: boolean;
}

export function buildFootprintSet(footprints: readonly PlainFootprint[], epsg: number): FootprintSet {
  const n = footprints.length;
  let polygons = 0;
  let rings = 0;
  let vertices = 0;
  for (const f of footprints) {
    polygons += f.polygons.length;
    for (const poly of f.polygons) {
      rings += poly.length;
      for (const ring of poly) vertices += ring.length;
    }
  }
  const set: FootprintSet = {
    epsg,
    ids: footprints.map((f) => f.id),
    groundHeights: Float64Array.from(footprints, (f) => f.groundHeight ?? NaN),
    heights: Float32Array.from(footprints, (f) => f.height ?? NaN),
    storeys: Int16Array.from(footprints, (f) => f.storeys ?? -1),
    polygonOffsets: new Uint32Array(n + 1),
    ringOffsets: new Uint32Array(polygons + 1),
    vertexOffsets: new Uint32Array(rings + 1),
    coords: new Float64Array(vertices * 2),
  };
  let p = 0;
  let r = 0;
  let v = 0;
  footprints.forEach((f, i) => {
    for (const poly of f.polygons) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          set.coords[v * 2] = x;
          set.coords[v * 2 + 1] = y;
          v++;
        }
        set.vertexOffsets[++r] = v;
      }
      set.ringOffsets[++p] = r;
    }
    set.polygonOffsets[i + 1] = p;
  });
  if (footprints.some((f) => f.function !== undefined)) set.functions = footprints.map((f) => f.function ?? '');
  if (footprints.some((f) => f.yearOfConstruction !== undefined)) {
    set.yearsOfConstruction = Int16Array.from(footprints, (f) => f.yearOfConstruction ?? -1);
  }
  if (footprints.some((f) => f.planned)) set.planned = Uint8Array.from(footprints, (f) => (f.planned ? 1 : 0));
  return set;
}

/** Footprint i's polygons back as nested arrays (for export and tests). */
export function footprintPolygons(set: FootprintSet, i: number): [number, number][][][] {
  const out: [number, number][][][] = [];
  for (let p = set.polygonOffsets[i]; p < set.polygonOffsets[i + 1]; p++) {
    const poly: [number, number][][] = [];
    for (let r = set.ringOffsets[p]; r < set.ringOffsets[p + 1]; r++) {
      const ring: [number, number][] = [];
      for (let v = set.vertexOffsets[r]; v < set.vertexOffsets[r + 1]; v++) ring.push([set.coords[v * 2], set.coords[v * 2 + 1]]);
      poly.push(ring);
    }
    out.push(poly);
  }
  return out;
}
