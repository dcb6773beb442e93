/** Params and results of the spatial worker that are not query-specific. */
import type { FootprintSet } from './footprints';
import type { AttributeFilter, ComplianceFinding, ComplianceResult, FindingStatus, PolygonMode } from './spatial';
import type { PlanInput, PlanZoneKind } from './plan';

/** Every call may carry a cancel id: `cancel(cancelId)` stops it. */
export interface Cancellable {
  cancelId?: number;
}

export interface LoadFootprintsParams extends Cancellable {
  /** The footprint sidecar (footprints.bin); transferred, not copied. */
  bytes: ArrayBuffer | Uint8Array;
  /** For error messages, e.g. the sidecar's URL. */
  source?: string;
}

export interface LoadFootprintsUrlParams extends Cancellable {
  /** Absolute (or blob:) URL of the footprint sidecar, fetched by the worker. */
  url: string;
}

export interface LoadFootprintSetParams extends Cancellable {
  /** Typed arrays are transferred. */
  set: FootprintSet;
}

export interface DatasetInfo {
  count: number;
  epsg: number;
  /** minX, minY, maxX, maxY over all footprints; null when empty. */
  bbox: [number, number, number, number] | null;
  /** Index build time in the worker, ms. */
  buildMs: number;
  attributes: { functions: boolean; yearsOfConstruction: boolean; planned: boolean };
}

export interface LoadPlanParams extends Cancellable {
  plan: PlanInput;
}

/** A plan file the worker fetches and reads itself (absolute or blob: URL). */
export interface LoadPlanUrlParams extends Cancellable {
  url: string;
  /** CRS of the plan's geometry in the worker; default: that of the loaded footprints, else 25832. */
  epsg?: number;
}

export interface PlanZoneInfo {
  id: string;
  kind: PlanZoneKind;
  label: string;
  area: number;
  bbox: [number, number, number, number];
}

export interface PlanInfo {
  zones: PlanZoneInfo[];
  lines: number;
}

/** A selection result as the worker returns it: the indices (transferred) plus a handle to reuse them. */
export interface SelectionResult {
  /** Refers to the indices in later calls (rows, aggregate, export) without sending them back. */
  selectionId: number;
  indices: Uint32Array;
  candidates: number;
  /** Worker time, ms. */
  elapsedMs: number;
}

/** A selection by handle or by indices (indices are copied unless transferred by the caller). */
export type SelectionRef = { selectionId: number } | { indices: Uint32Array };

export interface PolygonQueryParams extends Cancellable {
  /** The area: polygons in the dataset's CRS, or a plan zone by id. */
  area: { polygons: Float64Array[][] } | { zoneId: string };
  mode?: PolygonMode;
  filter?: AttributeFilter;
}

/**
 * What crosses back from a compliance check: zone summaries, the violators, and the first page of
 * findings. Tens of thousands of finding objects would take the main thread > 50 ms to receive, so
 * the rest stay in the worker and come page by page through complianceFindings.
 */
export interface ComplianceSummary extends Omit<ComplianceResult, 'findings'> {
  /** The first `findingsLimit` findings matching `findingsStatus`. */
  findings: ComplianceFinding[];
  /** All findings of the check, and how many are violations. */
  findingCount: number;
  violationCount: number;
}

export interface ComplianceCallParams {
  /** Findings in the first page; default 200. */
  findingsLimit?: number;
  /** Statuses in the first page; default all. */
  findingsStatus?: FindingStatus[];
}

export interface FindingsQuery {
  offset?: number;
  /** Default 200. */
  limit?: number;
  status?: FindingStatus[];
  /** Footprint indices. */
  buildings?: number[];
  zoneIds?: string[];
}

export interface FindingsPage {
  findings: ComplianceFinding[];
  /** Findings matching the query. */
  total: number;
}
