/**
 * Reads a scenario from JSON text or a parsed value, keeping what is valid: a bad building or variant
 * is reported with its JSON path and left out, the rest loads. Only an unreadable document or an
 * unknown version stops the whole scenario. Mirrors docs/scenario.schema.json (a unit test checks both
 * agree on the fixtures).
 */
import { readViewpoints } from '../council/presentation.js';
import { jsonErrorOffset } from '../formats/geojson/json-error-position.js';
import { blockSurfaces } from './block-geometry.js';
import { FootprintError } from './footprint.js';
import {
  SCENARIO_VERSION,
  type BaseHeight,
  type BlockBuilding,
  type PlannedBuilding,
  type RoofForm,
  type Scenario,
  type ScenarioBase,
  type ScenarioIssue,
  type Variant,
  BESTAND,
} from './scenario-types.js';

export interface ReadScenarioResult {
  /** null when nothing could be read (malformed JSON, not an object, unknown version). */
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  /** The JSON path in the input of each variant and building kept (left-out parts shift later indices). */
  sourcePaths: WeakMap<object, string>;
}

/** Bounds every loop a file controls. */
export const SCENARIO_LIMITS = { variants: 100, buildings: 1000, replaces: 10_000, textLength: 10_000 };

const ROOF_FORMS: readonly RoofForm[] = ['flat', 'gable', 'hip', 'shed'];
const ID = /^[A-Za-z0-9_.:\-]{1,128}$/;

class Invalid extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export function readScenario(input: string | unknown): ReadScenarioResult {
  const issues: ScenarioIssue[] = [];
  const sourcePaths = new WeakMap<object, string>();
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      const offset = jsonErrorOffset(input);
      const before = input.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      return { scenario: null, sourcePaths, issues: [{ path: '$', severity: 'error', message: `not valid JSON: syntax error at line ${line}, column ${column}` }] };
    }
  }
  if (!isObject(value)) return { scenario: null, sourcePaths, issues: [{ path: '$', severity: 'error', message: 'a scenario is a JSON object' }] };
  if (value.version !== SCENARIO_VERSION) {
    const found = value.version === undefined ? 'no "version"' : `version ${JSON.stringify(value.version)}`;
    return { scenario: null, sourcePaths, issues: [{ path: '$.version', severity: 'error', message: `unknown scenario version: this viewer reads version ${SCENARIO_VERSION}, the file has ${found}` }] };
  }
  const report = (path: string, message: string, severity: ScenarioIssue['severity'] = 'error') => issues.push({ path, message, severity });
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof Invalid) report(err.path, err.message);
      else throw err;
      return undefined;
    }
  };

  const name = attempt(() => text(value.name, '$.name', true)) ?? 'Szenario';
  const description = attempt(() => text(value.description, '$.description', false));
  const base = attempt(() => readBase(value.base)) ?? {};
  const variants: Variant[] = [];
  const variantIds = new Set<string>([BESTAND]);
  const buildingIds = new Set<string>();
  const list = Array.isArray(value.variants) ? value.variants : (report('$.variants', 'variants must be an array'), []);
  if (list.length > SCENARIO_LIMITS.variants) report('$.variants', `at most ${SCENARIO_LIMITS.variants} variants; the rest are left out`);
  list.slice(0, SCENARIO_LIMITS.variants).forEach((raw: unknown, i: number) => {
    const path = `$.variants[${i}]`;
    const variant = attempt(() => readVariant(raw, path, variantIds, buildingIds, report, sourcePaths));
    if (variant) {
      sourcePaths.set(variant, path);
      variants.push(variant);
    }
  });
  const viewpoints = value.viewpoints === undefined ? undefined : readViewpoints(value.viewpoints, '$.viewpoints');
  for (const issue of viewpoints?.issues ?? []) report(issue.path, issue.message);
  const scenario: Scenario = { version: SCENARIO_VERSION, name, base, variants, ...(description ? { description } : {}), ...(viewpoints ? { viewpoints: viewpoints.viewpoints } : {}) };
  return { scenario, issues, sourcePaths };
}

function readBase(raw: unknown): ScenarioBase {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new Invalid('$.base', 'base must be an object');
  const base: ScenarioBase = {};
  if (raw.tilesets !== undefined) {
    if (!Array.isArray(raw.tilesets)) throw new Invalid('$.base.tilesets', 'tilesets must be an array of URLs');
    base.tilesets = raw.tilesets.map((u: unknown, i: number) => text(u, `$.base.tilesets[${i}]`, true)!);
  }
  if (raw.plan !== undefined) base.plan = text(raw.plan, '$.base.plan', true);
  if (raw.footprints !== undefined) base.footprints = text(raw.footprints, '$.base.footprints', true);
  return base;
}

function readVariant(
  raw: unknown,
  path: string,
  variantIds: Set<string>,
  buildingIds: Set<string>,
  report: (path: string, message: string, severity?: ScenarioIssue['severity']) => void,
  sourcePaths: WeakMap<object, string>,
): Variant {
  if (!isObject(raw)) throw new Invalid(path, 'a variant is an object');
  const id = identifier(raw.id, `${path}.id`);
  if (variantIds.has(id)) throw new Invalid(`${path}.id`, `variant id "${id}" is used twice (or is the reserved "${BESTAND}"); the variant is left out`);
  const title = text(raw.title, `${path}.title`, true)!;
  const description = text(raw.description, `${path}.description`, false);
  const replaces: string[] = [];
  if (raw.replaces !== undefined) {
    if (!Array.isArray(raw.replaces)) throw new Invalid(`${path}.replaces`, 'replaces must be an array of building ids');
    raw.replaces.slice(0, SCENARIO_LIMITS.replaces).forEach((r: unknown, k: number) => {
      if (typeof r === 'string' && r.length > 0 && r.length <= 256) {
        if (!replaces.includes(r)) replaces.push(r);
      } else report(`${path}.replaces[${k}]`, 'a replaced building is named by its id (a non-empty string); left out');
    });
  }
  const buildings: PlannedBuilding[] = [];
  if (raw.buildings !== undefined && !Array.isArray(raw.buildings)) throw new Invalid(`${path}.buildings`, 'buildings must be an array');
  const rawBuildings = (raw.buildings as unknown[] | undefined) ?? [];
  if (rawBuildings.length > SCENARIO_LIMITS.buildings) report(`${path}.buildings`, `at most ${SCENARIO_LIMITS.buildings} buildings per variant; the rest are left out`);
  const own = new Set<string>();
  rawBuildings.slice(0, SCENARIO_LIMITS.buildings).forEach((b, k) => {
    const at = `${path}.buildings[${k}]`;
    try {
      const building = readBuilding(b, at);
      if (own.has(building.id)) throw new Invalid(`${at}.id`, `building id "${building.id}" is used twice in this variant; left out`);
      own.add(building.id);
      buildingIds.add(building.id);
      sourcePaths.set(building, at);
      buildings.push(building);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      report(err.path, `${err.message}; the building is left out`);
    }
  });
  variantIds.add(id);
  return { id, title, buildings, replaces, ...(description ? { description } : {}) };
}

function readBuilding(raw: unknown, path: string): PlannedBuilding {
  if (!isObject(raw)) throw new Invalid(path, 'a building is an object');
  const id = identifier(raw.id, `${path}.id`);
  const common = {
    id,
    ...(raw.name !== undefined ? { name: text(raw.name, `${path}.name`, true)! } : {}),
    ...(raw.function !== undefined ? { function: text(raw.function, `${path}.function`, true)! } : {}),
  };
  if (raw.kind === 'block') return readBlock(raw, path, common);
  if (raw.kind === 'model') {
    const position = raw.position;
    if (!isObject(position)) throw new Invalid(`${path}.position`, 'position must be {easting, northing, height}');
    const building: PlannedBuilding = {
      kind: 'model',
      ...common,
      src: text(raw.src, `${path}.src`, true)!,
      position: {
        easting: finite(position.easting, `${path}.position.easting`)!,
        northing: finite(position.northing, `${path}.position.northing`)!,
        height: baseHeight(position.height, `${path}.position.height`),
      },
    };
    if (raw.heading !== undefined) building.heading = finite(raw.heading, `${path}.heading`);
    if (raw.scale !== undefined) {
      const scale = finite(raw.scale, `${path}.scale`)!;
      if (!(scale > 0)) throw new Invalid(`${path}.scale`, 'scale must be positive');
      building.scale = scale;
    }
    return building;
  }
  if (raw.kind === 'citygml') {
    return { kind: 'citygml', ...common, src: text(raw.src, `${path}.src`, true)!, ...(raw.crs !== undefined ? { crs: text(raw.crs, `${path}.crs`, true)! } : {}) };
  }
  throw new Invalid(`${path}.kind`, `unknown building kind ${JSON.stringify(raw.kind)}: expected "block", "model" or "citygml"`);
}

function readBlock(raw: Record<string, unknown>, path: string, common: { id: string; name?: string; function?: string }): BlockBuilding {
  if (!Array.isArray(raw.footprint)) throw new Invalid(`${path}.footprint`, 'footprint must be an array of [easting, northing] corners');
  const block: BlockBuilding = { kind: 'block', ...common, footprint: raw.footprint as [number, number][] };
  const base = baseHeight(raw.base, `${path}.base`);
  if (base !== undefined) block.base = base;
  if (raw.height !== undefined) block.height = positive(raw.height, `${path}.height`);
  if (raw.storeys !== undefined) {
    if (!Number.isInteger(raw.storeys) || (raw.storeys as number) < 1 || (raw.storeys as number) > 200) throw new Invalid(`${path}.storeys`, 'storeys must be a whole number from 1 to 200');
    block.storeys = raw.storeys as number;
  }
  if (raw.storeyHeight !== undefined) block.storeyHeight = positive(raw.storeyHeight, `${path}.storeyHeight`);
  if (block.height === undefined && block.storeys === undefined) throw new Invalid(path, 'a block needs a height or a number of storeys');
  if (raw.roof !== undefined) {
    const roof = raw.roof;
    if (!isObject(roof) || !ROOF_FORMS.includes(roof.form as RoofForm)) throw new Invalid(`${path}.roof.form`, `roof form must be one of ${ROOF_FORMS.join(', ')}`);
    block.roof = { form: roof.form as RoofForm };
    if (roof.pitch !== undefined) block.roof.pitch = finite(roof.pitch, `${path}.roof.pitch`);
    if (roof.ridgeDirection !== undefined) block.roof.ridgeDirection = finite(roof.ridgeDirection, `${path}.roof.ridgeDirection`);
  }
  try {
    blockSurfaces(block, 0);
  } catch (err) {
    if (!(err instanceof FootprintError)) throw err;
    const where = /roof/.test(err.message) ? `${path}.roof` : err.point !== undefined ? `${path}.footprint[${err.point}]` : `${path}.footprint`;
    throw new Invalid(where, err.message);
  }
  // the corners as given: what the author wrote survives a round trip
  block.footprint = (raw.footprint as number[][]).map((p) => [p[0], p[1]]);
  return block;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, path: string, required: boolean): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || (required && v.length === 0)) throw new Invalid(path, required ? 'must be a non-empty string' : 'must be a string');
  if (v.length > SCENARIO_LIMITS.textLength) throw new Invalid(path, `is longer than ${SCENARIO_LIMITS.textLength} characters`);
  return v;
}

function identifier(v: unknown, path: string): string {
  if (typeof v !== 'string' || !ID.test(v)) throw new Invalid(path, 'an id is 1–128 letters, digits or _ . : -');
  return v;
}

function finite(v: unknown, path: string): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(path, 'must be a number');
  return v;
}

function positive(v: unknown, path: string): number {
  const n = finite(v, path)!;
  if (!(n > 0)) throw new Invalid(path, 'must be a positive number');
  return n;
}

function baseHeight(v: unknown, path: string): BaseHeight | undefined {
  if (v === undefined || v === 'ground') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new Invalid(path, 'must be a height in metres above NHN or "ground"');
}
