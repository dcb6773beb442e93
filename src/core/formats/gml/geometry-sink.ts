/**
 * What the one GML geometry parser (./geometry-parser.ts) hands on, and how it is set up: CityGML's
 * sink keeps polygons and xlinks for its building, WFS/XPlanung's shapes them into a Geometry.
 */

import type { CoordinateSlab } from './coordinate-slab';

/** Positions with `dim` values each (x, y[, z]), as written in the file. */
export interface Positions {
  dim: 2 | 3;
  coords: Float64Array;
}

/** Positions of `from` values each as positions of `to` values: z dropped, or z = 0 added (the same array when equal). */
export function withDimension(coords: Float64Array, from: number, to: number): Float64Array {
  if (from === to) return coords;
  const n = Math.floor(coords.length / from);
  const out = new Float64Array(n * to);
  for (let i = 0; i < n; i++) {
    out[i * to] = coords[i * from];
    out[i * to + 1] = coords[i * from + 1];
  }
  return out;
}

export interface GeometrySink {
  /** A polygon read in full: exterior ring first; rings are open (closing position dropped) unless `closedRings`. */
  polygon(rings: Positions[], flip: boolean): void;
  /** A Point or curve that is not part of a polygon or a larger curve (`name` is its element). */
  curve(name: string, positions: Positions, line: number, column: number): void;
  /** An xlink:href on an element outside polygons and curves (a surface or member given by reference). */
  reference(href: string, flip: boolean, line: number, column: number): void;
  /** Something that could not be read; inside a polygon the polygon is left out. */
  problem(code: string, message: string, line: number, column: number, inPolygon: boolean): void;
  /** A note that did not stop the reading (a guessed dimension, a dropped degenerate hole). */
  warn(code: string, message: string, line: number, column: number): void;
  srsName(name: string): void;
  /**
   * An element outside polygons opened (CityGML keeps the extent of gml:id'd surfaces for xlinks): when this
   * returns true, `closed` is called at the element's end, after what it contains was handed on.
   */
  opened?(local: string, attrs: Record<string, string>, outerFlip: boolean): boolean;
  closed?(): void;
}

export interface GeometryParserOptions {
  /** Dimension of a posList for which no element states one; without it, the CRS and the numbers decide. */
  defaultDimension?: 2 | 3;
  /** The dimension the CRS implies, for that inference. */
  crsDimension?: 2 | 3;
  /** Chord tolerance for arcs, in CRS units. */
  arcTolerance: number;
  /** Rings end where they start, as GML writes them (closed when the file left them open); default: open. */
  closedRings?: boolean;
  /** Where ring coordinates are taken from (coordinate-slab.ts); default: an array of their own each. */
  slab?: CoordinateSlab;
}
