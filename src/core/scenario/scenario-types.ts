/**
 * A planning scenario: a base (tilesets, plan) and variants that add planned buildings and hide the
 * existing ones they replace. Versioned JSON (version 1, docs/scenario.schema.json). Coordinates are
 * EPSG:25832 easting/northing in metres, heights metres above NHN (DHHN2016).
 */
import type { Viewpoint } from '../council/presentation.js';

export const SCENARIO_VERSION = 1;

export type RoofForm = 'flat' | 'gable' | 'hip' | 'shed';

export interface RoofSpec {
  form: RoofForm;
  /** Degrees; default 30 (gable, hip) or 8 (shed); ignored for flat. */
  pitch?: number;
  /** Direction of the ridge (gable) or of the fall line's contour (shed), degrees clockwise from north; default along the longest footprint edge. */
  ridgeDirection?: number;
}

/** Height of the base: metres NHN, or "ground" (the ground of the existing buildings nearby). */
export type BaseHeight = number | 'ground';

interface PlannedBase {
  /** Unique in the scenario; becomes the feature id of the planned building. */
  id: string;
  name?: string;
  /** AdV building function code, e.g. "31001_1000". */
  function?: string;
}

/** A parametric block: an extruded footprint with a roof. */
export interface BlockBuilding extends PlannedBase {
  kind: 'block';
  /** Exterior ring [easting, northing][], EPSG:25832, not closed (a closing point equal to the first is dropped). */
  footprint: [number, number][];
  base?: BaseHeight;
  /** Wall (eaves) height above the base in metres; or give storeys. */
  height?: number;
  storeys?: number;
  /** Metres per storey; default 3. */
  storeyHeight?: number;
  roof?: RoofSpec;
}

/** A glTF binary model placed in the scene. */
export interface ModelBuilding extends PlannedBase {
  kind: 'model';
  /** URL (relative to the scenario file) or a data: URL of a .glb. */
  src: string;
  position: { easting: number; northing: number; height?: BaseHeight };
  /** Degrees clockwise from north; default 0. */
  heading?: number;
  /** Default 1. */
  scale?: number;
}

/** A CityGML file converted in the CityGML worker. */
export interface CityGMLBuilding extends PlannedBase {
  kind: 'citygml';
  src: string;
  /** CRS when the file names none, e.g. "EPSG:25832". */
  crs?: string;
}

export type PlannedBuilding = BlockBuilding | ModelBuilding | CityGMLBuilding;

export interface Variant {
  /** Unique in the scenario, e.g. "a". */
  id: string;
  title: string;
  description?: string;
  buildings: PlannedBuilding[];
  /** Ids (gml:id) of existing buildings this variant replaces: hidden while it is shown. */
  replaces: string[];
}

export interface ScenarioBase {
  tilesets?: string[];
  /** XPlanGML file of the Bebauungsplan the variants are checked against. */
  plan?: string;
  /** Footprint sidecar of the base tileset (for compliance, ground heights and snapping). */
  footprints?: string;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  description?: string;
  base: ScenarioBase;
  variants: Variant[];
  /** Saved views for a meeting (see core/council); they change no building. */
  viewpoints?: Viewpoint[];
}

/** A problem found while reading a scenario: where (a JSON path like $.variants[1].buildings[0].footprint) and what. */
export interface ScenarioIssue {
  path: string;
  message: string;
  /** 'error': that part was left out; 'warning': kept, but something is off. */
  severity: 'error' | 'warning';
}

/** The id of the variant that shows the existing town. */
export const BESTAND = 'bestand';

export type CompareMode = 'single' | 'swipe' | 'side-by-side';
