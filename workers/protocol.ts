/**
 * The worker APIs as one type table: each call takes one params object (plus an optional progress
 * callback, passed as a comlink proxy) and returns one result object. Workers expose an implementation
 * that `satisfies` its API; src/worker-clients wrap them with AbortSignal and dispose().
 */
import type { ConvertProgress, ConvertSummary } from './types/convert';

export type { ConvertProgress, ConvertSummary };

// ── CityGML → 3D Tiles: workers/citygml.worker.ts ──────────────────────────────────────────────

/** A File or Blob is cloned by reference; a ReadableStream is transferred; bytes are copied. */
export type CityGMLInput = Blob | ReadableStream<Uint8Array> | ArrayBuffer | Uint8Array;

export interface CityGMLConvertParams {
  input: CityGMLInput;
  /** Name used in warnings and errors; defaults to File.name. */
  file?: string;
  /** Source CRS when the file names none or an unknown one, e.g. "EPSG:25832". */
  crs?: string;
  /** Geoid: a model name or a fixed offset in metres (ellipsoidal = normal + offset). */
  geoid?: string | number;
  maxFeaturesPerTile?: number;
  maxVerticesPerTile?: number;
  /** Levels of detail in parent tiles (default off in the browser). */
  lod?: boolean;
  /** A 3D Tiles 1.1 implicit quadtree (tile and subtree templates) instead of an explicit tree. */
  implicit?: boolean;
  /** Unique per call among the running ones: `cancel(cancelId)` stops this conversion. */
  cancelId?: number;
}

export interface CityGMLConvertResult {
  /** The tileset by relative path: tileset.json, tiles/*.glb, footprints.bin. The buffers arrive transferred, not copied. */
  files: Map<string, Uint8Array>;
  /** Counts, bounds, warnings (with line and column) and, on failure, the error; `files` then holds what converted. */
  summary: ConvertSummary;
  /** True when cancel() stopped the conversion; `files` holds what was written until then. */
  cancelled: boolean;
}

export type CityGMLProgressCallback = (progress: ConvertProgress) => void;

export interface CityGMLWorkerApi {
  convert(params: CityGMLConvertParams, onProgress?: CityGMLProgressCallback): Promise<CityGMLConvertResult>;
  cancel(cancelId: number): void;
}

// ── Spatial queries and plan compliance: workers/spatial.worker.ts ───────────────────────────────

import type {
  Cancellable,
  ComplianceCallParams,
  ComplianceSummary,
  DatasetInfo,
  FindingsPage,
  FindingsQuery,
  LoadFootprintSetParams,
  LoadFootprintsParams,
  LoadFootprintsUrlParams,
  LoadPlanParams,
  LoadPlanUrlParams,
  PlanInfo,
  PolygonQueryParams,
  SelectionRef,
  SelectionResult,
} from './types/spatial-api';
import type { Aggregates, AttributeFilter, ByBboxParams, ByIdParams, ComplianceParams, ExportParams, ExportResult, NearestParams, RowsParams, RowsResult } from './types/spatial';

/**
 * The spatial worker's calls as [params, result]. The index and the plan stay in the worker; only
 * results cross, their typed arrays transferred. One dataset per worker: loading replaces it.
 */
export interface SpatialProtocol {
  loadFootprints: [LoadFootprintsParams, DatasetInfo];
  /** Fetches the footprint sidecar in the worker: its bytes never reach the main thread. */
  loadFootprintsUrl: [LoadFootprintsUrlParams, DatasetInfo];
  loadFootprintSet: [LoadFootprintSetParams, DatasetInfo];
  loadPlan: [LoadPlanParams, PlanInfo];
  /** Fetches and reads an XPlanGML file in the worker: the plan's text never reaches the main thread. */
  loadPlanUrl: [LoadPlanUrlParams, PlanInfo];
  byId: [ByIdParams & Cancellable, SelectionResult & { missing: string[] }];
  byBbox: [ByBboxParams & Cancellable, SelectionResult];
  byPolygon: [PolygonQueryParams, SelectionResult];
  /** indices nearest first (not ascending), with their true distances in metres. */
  nearest: [NearestParams & Cancellable, SelectionResult & { distances: Float64Array }];
  filter: [{ filter: AttributeFilter; within?: SelectionRef } & Cancellable, SelectionResult];
  aggregate: [SelectionRef & Cancellable, Aggregates];
  rows: [SelectionRef & RowsParams & Cancellable, RowsResult];
  exportSelection: [SelectionRef & ExportParams & Cancellable, ExportResult];
  checkCompliance: [ComplianceParams & ComplianceCallParams & Cancellable, ComplianceSummary];
  /** Pages through the findings of the last compliance check. */
  complianceFindings: [FindingsQuery, FindingsPage];
  releaseSelection: [{ selectionId: number }, void];
}

/** Progress 0–1, at most once per time slice (~8 ms of work). */
export type SpatialProgressCallback = (fraction: number) => void;

export type SpatialWorkerApi = {
  [K in keyof SpatialProtocol]: (params: SpatialProtocol[K][0], onProgress?: SpatialProgressCallback) => Promise<SpatialProtocol[K][1]>;
} & {
  cancel(cancelId: number): void;
};

// ── GML, WFS responses and XPlanung plans: workers/gml.worker.ts ─────────────────────────────────
export type * from './gml-protocol';

// ── Sun hours and shadow comparison: workers/shadow.worker.ts ────────────────────────────────────
export type { ShadowWorkerApi } from './types/shadow';
export type { ShadowScenario, SunHoursParams, SunHoursResult, BuildingSunRow, ShadowProgress } from './types/shadow-api';
