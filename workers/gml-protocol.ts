/**
 * The GML/WFS/XPlanung worker's API (workers/gml.worker.ts), re-exported by protocol.ts.
 * One params object in, one result out; bodies go in by transfer, coordinate arrays come back by transfer.
 */
import type { Feature, FeatureCollection } from '../src/core/formats/feature';
import type { PlanOverlay } from '../src/core/formats/xplanung/xplan-overlay';

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

export interface GmlWorkerApi {
  /** A WFS GetFeature response (GML 3.1.1/3.2 or GeoJSON) → features in WGS84; an ows:ExceptionReport rejects with its text. */
  parseFeatures(params: GmlParseParams): Promise<FeatureCollection>;
  /** Features (e.g. all pages of a WFS) → the Bebauungsplan overlay and legend. */
  buildPlan(params: PlanOptionsParams & { features: Feature[] }): Promise<PlanBuildResult>;
  /** A whole plan file (XPlanGML or GeoJSON) in one call: parse, then build. Short "EPSG:4326" is read lon/lat, as in files. */
  parsePlan(params: GmlParseParams & PlanOptionsParams): Promise<PlanParseResult>;
}
