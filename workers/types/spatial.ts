/** Spatial filters and plan compliance: the protocol's types, implemented in workers/lib/spatial. */
import type { PlanZoneKind } from './plan';
import type { FindingPhrase } from '../../src/core/plan/finding-phrase';

export interface AttributeFilter {
  /** Height ≥ this (m). */
  heightMin?: number;
  /** Height ≤ this (m). */
  heightMax?: number;
  /** Storeys above ground ≥ this. */
  storeysMin?: number;
  /** Storeys above ground ≤ this. */
  storeysMax?: number;
  /** Function code (as written, e.g. "31001_1000") is one of these. */
  functions?: readonly string[];
  /** Year of construction < this. */
  yearBefore?: number;
  /** Year of construction ≥ this. */
  yearFrom?: number;
  status?: 'existing' | 'planned';
}

/**
 * intersects: footprint and area share a point (touching counts);
 * contains: the footprint lies wholly in the area (its boundary may run along the area's);
 * centroid: the footprint's area-weighted centroid is inside the area.
 */
export type PolygonMode = 'intersects' | 'contains' | 'centroid';

export type CheckKind = 'grz' | 'gr' | 'storeys' | 'height' | 'baufenster' | 'ueberbaubar' | 'baugrenze';

export type FindingStatus = 'ok' | 'violation' | 'unknown';

export interface ComplianceFinding {
  /** Zone id, or the line id for 'baugrenze'. */
  zoneId: string;
  zoneKind: PlanZoneKind | 'baugrenze';
  zoneLabel: string;
  check: CheckKind;
  status: FindingStatus;
  /** Footprint index; -1 for checks of the zone as a whole (GRZ, GR). */
  building: number;
  buildingId: string | null;
  planned: boolean;
  actual: number | null;
  permitted: number | null;
  /** How far within the bound (negative = exceeded), in the check's unit. */
  margin: number | null;
  unit: 'm' | 'm²' | '';
  /** The actual value is an estimate (storeys from height). */
  estimated: boolean;
  /** What it says, for the element to word in its language (src/core/plan/finding-text.ts). */
  phrase: FindingPhrase;
  /** German, e.g. "Höhe 14,2 m > 12,5 m zulässig": the exports' and logs' wording. */
  text: string;
}

export interface ZoneSummary {
  zoneId: string;
  kind: PlanZoneKind;
  label: string;
  /** m². */
  area: number;
  buildings: number;
  planned: number;
  /** Footprint area inside the zone, m². */
  builtArea: number;
  grz: number | null;
  grzPermitted: number | null;
  violations: number;
}

export interface ComplianceParams {
  /** Only these zones (all lines are still checked); default all. */
  zoneIds?: readonly string[];
  /** Leave out 'ok' findings. */
  onlyViolations?: boolean;
  /** Overlaps at or below this many m² count as touching; default 0.01. */
  toleranceM2?: number;
}

export interface ComplianceResult {
  zones: ZoneSummary[];
  findings: ComplianceFinding[];
  /** Footprints with at least one violation, ascending. */
  violators: Uint32Array;
}

/** minX, minY, maxX, maxY. */
export type Bbox = [number, number, number, number];

/** Polygons as arrays of rings (x,y interleaved), like GeoJSON MultiPolygon coordinates flattened per ring. */
export type MultiPolygonRings = readonly (readonly Float64Array[])[];

export interface Selection {
  /** Footprint indices, ascending. */
  indices: Uint32Array;
  /** How many footprints the index handed to the exact test (diagnostics). */
  candidates: number;
}

export interface ByIdParams {
  ids: readonly string[];
}

export interface ByIdResult extends Selection {
  /** Requested ids not in the dataset. */
  missing: string[];
}

export interface ByBboxParams {
  /** minX, minY, maxX, maxY in the dataset's CRS. */
  bbox: Bbox;
  filter?: AttributeFilter;
}

export interface ByPolygonParams {
  /** Polygons (each: exterior ring, then holes; x,y interleaved) in the dataset's CRS. */
  polygons: MultiPolygonRings;
  /** Default 'intersects'. */
  mode?: PolygonMode;
  filter?: AttributeFilter;
}

export interface NearestParams {
  x: number;
  y: number;
  k: number;
  /** Metres; default unlimited. */
  maxDistance?: number;
  filter?: AttributeFilter;
}

export interface NearestResult {
  /** Nearest first (ties by index). */
  indices: Uint32Array;
  /** True distance to the footprint (0 inside), metres. */
  distances: Float64Array;
}

export interface Stats {
  /** How many values were known. */
  known: number;
  /** null when none were known. */
  min: number | null;
  mean: number | null;
  max: number | null;
}

export interface Aggregates {
  count: number;
  planned: number;
  /** Sum of footprint areas, m². */
  footprintArea: number;
  height: Stats;
  storeys: Stats;
  grossFloorArea: {
    /** m². */
    total: number;
    fromStoreys: number;
    fromHeight: number;
    unknown: number;
    assumedStoreyHeight: number;
  };
}

export interface AggregateParams {
  indices: Uint32Array;
}

export interface BuildingRow {
  /** Footprint index in the dataset. */
  index: number;
  id: string;
  function: string | null;
  yearOfConstruction: number | null;
  planned: boolean;
  /** m; null when unknown. */
  height: number | null;
  storeys: number | null;
  /** m². */
  footprintArea: number;
  /** Estimated, m² (see aggregate.ts); null when neither storeys nor height are known. */
  grossFloorArea: number | null;
  /** Normal height of the ground, m. */
  groundHeight: number | null;
  /** Centroid in the dataset's CRS. */
  x: number;
  y: number;
  /** Texts of the plan violations found by the last compliance check, if any. */
  violations: string[];
}

export type RowSortKey = 'id' | 'function' | 'yearOfConstruction' | 'planned' | 'height' | 'storeys' | 'footprintArea' | 'grossFloorArea' | 'violations';

export interface RowsParams {
  /** Default 'id'. */
  sortBy?: RowSortKey;
  descending?: boolean;
  offset?: number;
  /** Default 100. */
  limit?: number;
}

export interface RowsResult {
  rows: BuildingRow[];
  /** Rows in the whole selection. */
  total: number;
}

export type ExportFormat = 'csv' | 'geojson';

export interface ExportParams {
  format: ExportFormat;
}

export interface ExportResult {
  text: string;
  mimeType: string;
  fileName: string;
}
