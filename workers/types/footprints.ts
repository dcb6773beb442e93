/**
 * Building footprints in a compact, transferable form: what the converter writes
 * as the footprint sidecar and what the spatial worker indexes without re-parsing.
 * Coordinates are 2D in the source (projected) CRS, metres.
 */
/** Building footprints in a compact, transferable form (workers/lib/footprints builds and reads them). */
export interface FootprintSet extends FootprintAttributes {
  /** EPSG code of the coordinates, e.g. 25832. */
  epsg: number;
  /** Feature ids (gml:id), index i is footprint i. */
  ids: string[];
  /** Ground height (normal height, m) per footprint; NaN when unknown. */
  groundHeights: Float64Array;
  /** Building height (m, roof top minus ground, or measuredHeight) per footprint; NaN when unknown. */
  heights: Float32Array;
  /** storeysAboveGround per footprint; -1 when unknown. */
  storeys: Int16Array;
  /** Footprint i's polygons are polygonOffsets[i]..polygonOffsets[i+1] (length n+1). */
  polygonOffsets: Uint32Array;
  /** Polygon j's rings are ringOffsets[j]..ringOffsets[j+1]; the first ring is the exterior. */
  ringOffsets: Uint32Array;
  /** Ring k's vertices are vertexOffsets[k]..vertexOffsets[k+1] (counted in vertices, not numbers). */
  vertexOffsets: Uint32Array;
  /** x,y pairs. */
  coords: Float64Array;
}

/**
 * Optional per-footprint attributes. The converter fills what the source has;
 * the spatial worker's attribute filters use them when present.
 */
export interface FootprintAttributes {
  /** AdV / CityGML function code as written, e.g. "31001_1000"; '' when unknown. */
  functions?: string[];
  /** Year of construction; -1 when unknown. */
  yearsOfConstruction?: Int16Array;
  /** 1 = planned (not yet built), 0 = existing. Absent = all existing. */
  planned?: Uint8Array;
}
