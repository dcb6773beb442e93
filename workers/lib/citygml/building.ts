/**
 * What the CityGML reader hands to the geometry stage: one building with its
 * parts folded in, coordinates still in the source CRS (normal heights).
 */
export type { ConvertWarning } from '../../types/convert';

/** Semantic class of a surface; drives colour and the wall/roof statistics. */
export type SurfaceType =
  | 'RoofSurface'
  | 'WallSurface'
  | 'GroundSurface'
  | 'ClosureSurface'
  | 'OuterCeilingSurface'
  | 'OuterFloorSurface'
  | 'Unclassified';

/** One planar polygon: rings[0] is the exterior, the rest are holes. Each ring is x,y,z triples. */
export interface SurfacePolygon {
  type: SurfaceType;
  rings: Float64Array[];
}

export interface BuildingAttributes {
  name?: string;
  /** AdV / CityGML code as written, e.g. "31001_1000". */
  function?: string;
  usage?: string;
  /** AdV roof type code, e.g. "3100". */
  roofType?: string;
  measuredHeight?: number;
  /** uom of measuredHeight as written, e.g. "urn:adv:uom:m" or "m". */
  measuredHeightUnit?: string;
  storeysAboveGround?: number;
  yearOfConstruction?: number;
  /** One line, e.g. "Hauptstraße 12, 84028 Landshut". */
  address?: string;
  /** Every generic attribute by name (CityGML 1/2 gen:*Attribute, 3.0 GenericAttribute). */
  generic: Record<string, string | number>;
  /** The BuildingParts' own values, when any part has some (see building-parts.ts). */
  parts?: BuildingPartSummary[];
}

/** What one BuildingPart says about itself. */
export interface BuildingPartSummary {
  id: string;
  function?: string;
  roofType?: string;
  measuredHeight?: number;
  storeysAboveGround?: number;
}

export interface ParsedBuilding {
  /** gml:id, the stable feature id (DEBY_LOD2_…); generated when the file has none. */
  id: string;
  attributes: BuildingAttributes;
  /** The polygons of the highest LoD found, from the building and all its BuildingParts. */
  polygons: SurfacePolygon[];
  /** The LoD the polygons come from (0–4). */
  lod: number;
  /** Effective srsName (own, or inherited from an ancestor / the root boundedBy). */
  srsName?: string;
  /** Where the building starts in the source, 1-based. */
  line: number;
  column: number;
}

