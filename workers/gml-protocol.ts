/**
 * The GML/WFS/XPlanung worker's API (workers/gml.worker.ts), re-exported by protocol.ts.
 * One params object in, one result out; bodies go in by transfer, coordinate arrays come back by transfer.
 */
import type { Feature, FeatureCollection } from '../src/core/formats/feature';
import type { PlanOverlay } from '../src/core/formats/xplanung/xplan-overlay';
import type { WfsCapabilities } from '../src/core/formats/wfs/capabilities';
import type { WfsErrorDetail, WfsSourceOptions } from '../src/core/sources/wfs-source';
import type { LonLatBbox } from '../src/core/sources/view-extent';

export interface GmlParseParams {
  /** A GetFeature response or a file: bytes (transferred; decoded as UTF-8 or as the XML declaration says) or text. */
  body: ArrayBuffer | string;
  /** URL or file name, for errors with line and column. */
  source: string;
  /** CRS of geometries that name none (the request's srsName). */
  srsName?: string;
  /** Type name for GeoJSON features, which carry none. */
  typeName?: string;
  /** Arc chord tolerance in CRS units (default 1 cm, or 1e-7° in geographic CRSs). */
  arcTolerance?: number;
}

export interface PlanOptionsParams {
  /** Overlay id, unique in the viewer. */
  id: string;
  /** Metres per storey when a Baufenster height comes from Z (default 3.5). */
  storeyHeight?: number;
}

export type PlanBuildResult = PlanOverlay & { version: string | null };

export interface PlanParseResult extends PlanBuildResult {
  /** Reader and plan warnings (file:line:col: …). */
  warnings: string[];
  featureCount: number;
  sourceEpsg: number | null;
}

export interface PlanUrlParams extends PlanOptionsParams {
  /** Absolute or blob: URL; the data worker fetches and reads it once for every layer that asks. */
  url: string;
}

/** What a <twinby-wfs> layer asks of its source in the data worker: the source's options (its fetch stays on the page). */
export type WfsSessionOptions = Omit<WfsSourceOptions, 'fetch' | 'parse'> & PlanOptionsParams;

/** From the source to the layer: the overlay arrives built and triangulated, its arrays transferred. */
export type WfsSessionEvent =
  | { type: 'loading'; pending: number }
  | { type: 'plan'; plan: PlanBuildResult; complete: boolean; features: number }
  | { type: 'error'; detail: WfsErrorDetail }
  | { type: 'warning'; message: string };

/** A page-supplied fetch run on the main thread (e.g. with an Authorization header); the body comes back transferred. */
export type ProxiedFetch = (url: string) => Promise<{ status: number; statusText: string; body: ArrayBuffer } | { error: string }>;

export interface WfsSession {
  /** Loads the cells of a WGS84 extent; resolves when they settled (failures arrive as events). */
  setExtent(extent: LonLatBbox): Promise<void>;
  capabilities(): Promise<WfsCapabilities>;
  hits(typeName: string, extent?: LonLatBbox): Promise<number | null>;
  /** Requests in flight. */
  pending(): Promise<number>;
  dispose(): void;
}

export interface GmlWorkerApi {
  /** A WFS GetFeature response (GML 3.1.1/3.2 or GeoJSON) → features in WGS84; an ows:ExceptionReport rejects with its text. */
  parseFeatures(params: GmlParseParams): Promise<FeatureCollection>;
  /** Features (e.g. all pages of a WFS) → the Bebauungsplan overlay and legend. */
  buildPlan(params: PlanOptionsParams & { features: Feature[] }): Promise<PlanBuildResult>;
  /** A whole plan file (XPlanGML or GeoJSON) in one call: parse, then build. Short "EPSG:4326" is read lon/lat, as in files. */
  parsePlan(params: GmlParseParams & PlanOptionsParams): Promise<PlanParseResult>;
  /** A plan file by URL, fetched and read in the worker once (shared with the spatial and scenario sessions). */
  parsePlanUrl(params: PlanUrlParams): Promise<PlanParseResult>;
}
