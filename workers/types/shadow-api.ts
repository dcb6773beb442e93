/** Parameters and results of the shadow worker (see workers/protocol.ts). */
import type { En17037Level } from '../../src/core/sun';

/** The local east-north-up frame the analysis works in. */
export interface LocalFrame {
  lon: number;
  lat: number;
  height: number;
}

/** A set of buildings: every building of the tilesets except the hidden ones. */
export interface ShadowScenario {
  /** tileset.json URLs (http(s) or blob:). The worker fetches and reads the tiles itself. */
  tilesets: string[];
  /** Building ids left out, e.g. the ones a variant replaces. */
  hidden?: string[];
}

export interface SunHoursParams {
  base: ShadowScenario;
  /** With a variant, the result says what it takes from each neighbour (base − variant). */
  variant?: ShadowScenario;
  /** Local day 'YYYY-MM-DD' (default 21 March of the current year, DIN EN 17037's reference day). */
  from?: string;
  /** Last day of a range (inclusive); hours are then per day, averaged. */
  to?: string;
  /** Minutes between sun samples (default 10). */
  stepMinutes?: number;
  /** IANA zone of the dates (default Europe/Berlin). */
  timeZone?: string;
  /** Ground grid cell in metres (default 2). */
  cellSize?: number;
  /** Ground area in the local frame; default: the changed buildings + `radius`, or the whole scene without a variant. */
  area?: { minX: number; minY: number; maxX: number; maxY: number };
  /** Buildings whose facades are sampled; default: every building within `radius` of a changed one (all without a variant). */
  buildings?: string[];
  /** Metres around the changed buildings (default 150). */
  radius?: number;
  /** Facade point spacing in metres (default 2). */
  facadeSpacing?: number;
  /** Minimum sun altitude for the DIN EN 17037 hours, degrees (default 11, see src/core/sun/sun-vector.ts). */
  minAltitude?: number;
  /** Frame of the result; default the centre of the base's first tileset. */
  frame?: LocalFrame;
  cancelId?: number;
}

export type LevelCounts = Record<En17037Level, number>;

export interface BuildingSunRow {
  id: string;
  /** Sampled facade area, m². */
  facadeArea: number;
  points: number;
  /** Area-weighted mean facade sun hours per day (sun above the horizon). */
  baseHours: number;
  variantHours: number;
  lostHours: number;
  /** Largest loss at one facade point, hours. */
  maxLostHours: number;
  /** DIN EN 17037 level counts over the building's facade points (hours above the minimum altitude). */
  baseLevels: LevelCounts;
  variantLevels: LevelCounts;
}

export interface SunHoursResult {
  frame: LocalFrame;
  from: string;
  to: string;
  days: number;
  stepMinutes: number;
  minAltitude: number;
  grid: {
    minX: number;
    minY: number;
    cellSize: number;
    nx: number;
    ny: number;
    /** Sun hours per cell, row-major from the south-west; NaN inside buildings. */
    base: Float32Array;
    variant?: Float32Array;
    /** base − variant. */
    lost?: Float32Array;
  };
  /** Sorted by lostHours, largest first (by id without a variant). */
  buildings: BuildingSunRow[];
  /** Facade points: x y z, and hours (above the minimum altitude) in both scenarios. */
  facade: { positions: Float32Array; baseHours: Float32Array; variantHours: Float32Array; building: Uint32Array };
  rays: number;
  elapsedMs: number;
}

export type ShadowProgress = { phase: 'loading' | 'computing'; fraction: number };
