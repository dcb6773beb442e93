/**
 * The scenario worker's API (workers/scenario.worker.ts): planned blocks of a variant → an in-memory
 * 3D Tiles tileset (the converter's pipeline) and the variant's plan compliance (the spatial checks).
 */
import type { BlockBuilding } from '../src/core/scenario/index';
import type { ConvertSummary } from './types/convert';
import type { PlanInput } from './types/plan';
import type { PlannedBlockInfo, VariantReport } from './types/scenario';

export type { PlannedBlockInfo, VariantReport };

export interface ScenarioLoadBaseParams {
  /** The base tileset's footprints.bin (transferred). */
  footprints?: ArrayBuffer;
  source?: string;
  plan?: PlanInput;
  /** An XPlanGML file the worker fetches and reads itself (absolute or blob: URL), instead of `plan`. */
  planUrl?: string;
}

export interface ScenarioLoadBaseResult {
  buildings: number;
  zones: number;
  /** The plan's outlines and lines, for the editor to snap to (transferred). */
  planOutlines: Float64Array[];
  /** Why the plan could not be read; the footprints are loaded all the same. */
  planError?: string;
}

export interface BuildVariantParams {
  variantId: string;
  title: string;
  blocks: BlockBuilding[];
  replaces: string[];
  /** footprints.bin of converted CityGML additions (counted in compliance as planned buildings). */
  extraFootprints?: ArrayBuffer[];
  /** Also build the tileset (false: compliance only, e.g. while dragging in the editor). */
  tileset?: boolean;
}

export interface BuildVariantResult {
  variantId: string;
  /** path → bytes of the planned blocks' tileset; empty without blocks. Buffers transferred. */
  files: Map<string, Uint8Array>;
  summary: ConvertSummary | null;
  /** What was built, with base height and computed heights. */
  blocks: PlannedBlockInfo[];
  /** Blocks left out: their id and why. */
  issues: { buildingId: string; message: string }[];
  /** Replaced ids that no base footprint has (null when no footprints are loaded). */
  missing: string[] | null;
  /** Null without a plan or footprints. */
  report: VariantReport | null;
}

export interface ModelTilesetParams {
  easting: number;
  northing: number;
  /** Metres NHN, or "ground" (from the base footprints nearby). */
  height?: number | 'ground';
  heading?: number;
  scale?: number;
  contentUri: string;
}

export interface ScenarioWorkerApi {
  loadBase(params: ScenarioLoadBaseParams): Promise<ScenarioLoadBaseResult>;
  buildVariant(params: BuildVariantParams): Promise<BuildVariantResult>;
  /** Exterior rings (x,y interleaved, EPSG:25832) of base footprints whose box meets bbox, at most maxVertices in all: what the editor snaps to. */
  outlines(params: { bbox: [number, number, number, number]; maxVertices?: number }): Promise<Float64Array[]>;
  /** tileset.json placing one GLB (rejects when the ground is unknown). */
  modelTileset(params: ModelTilesetParams): Promise<Uint8Array>;
}
