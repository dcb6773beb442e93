/**
 * Plan compliance of every building in every zone, existing and planned:
 * - GRZ: the footprint area inside the zone (each footprint clipped exactly to the zone) divided by the
 *   zone area, against the permitted GRZ; GR likewise in m². The zone stands in for the plot
 *   (Grundstück), which the data does not have, and overlapping footprints would be counted twice.
 * - storeys against ZZwingend / Zmax / Z (storeysAboveGround taken as Vollgeschosse; when unknown,
 *   estimated as round(height / 3 m) and marked as estimated);
 * - height against every Höhenangabe (see height-check.ts);
 * - the footprint area outside a Baufenster the building stands in, and for a Baugebiet with
 *   Baufenster the area outside all of them (Baufenster assumed not to overlap);
 * - a Baugrenze line crossing a footprint's interior.
 * A building belongs to a zone when more than `toleranceM2` of its footprint lies inside.
 */
import type { FootprintIndex } from '../footprint-index';
import { footprintShape } from '../geometry/shape';
import { clippedArea } from '../geometry/shape-relations';
import { pointInShape } from '../geometry/point-in-shape';
import { distanceToBoundary } from '../geometry/shape-distance';
import { segmentsCrossProperly } from '../geometry/segments';
import { YIELD_EVERY, type Task } from '../task';
import { findingText } from '../../../../src/core/plan/finding-text';
import type { FindingPhrase } from '../../../../src/core/plan/finding-phrase';
import { checkHeight } from './height-check';
import type { PlanIndex, PreparedLine, PreparedZone } from './plan-index';
import type { ComplianceFinding, ZoneSummary, ComplianceParams, ComplianceResult } from '../../../types/spatial';
export type { CheckKind, FindingStatus, ComplianceFinding, ZoneSummary, ComplianceParams, ComplianceResult } from '../../../types/spatial';

export const ESTIMATE_STOREY_HEIGHT = 3;

export function* checkCompliance(index: FootprintIndex, plan: PlanIndex, params: ComplianceParams = {}): Task<ComplianceResult> {
  if (plan.epsg !== index.set.epsg) throw new Error(`The plan is in EPSG:${plan.epsg}, the footprints in EPSG:${index.set.epsg}: reproject the plan first`);
  const tolerance = params.toleranceM2 ?? 0.01;
  const zones = params.zoneIds ? params.zoneIds.map((id) => plan.zone(id) ?? fail(`unknown plan zone "${id}"`)) : plan.zones;
  const findings: ComplianceFinding[] = [];
  const violators = new Set<number>();
  const perZone = new Map<string, number>();
  const add = (f: ComplianceFinding) => {
    if (f.status === 'violation') {
      if (f.building >= 0) violators.add(f.building);
      perZone.set(f.zoneId, (perZone.get(f.zoneId) ?? 0) + 1);
    }
    if (f.status !== 'ok' || !params.onlyViolations) findings.push(f);
  };
  const summaries: ZoneSummary[] = [];
  let work = 0;
  for (let z = 0; z < zones.length; z++) {
    const summary = yield* checkZone(index, zones[z], tolerance, add, () => ++work % YIELD_EVERY === 0);
    summaries.push(summary);
    yield (z + 1) / (zones.length + 1);
  }
  for (const line of plan.lines) {
    if (line.line.kind === 'baugrenze') yield* checkLine(index, line, add);
  }
  for (const s of summaries) s.violations = perZone.get(s.zoneId) ?? 0;
  return { zones: summaries, findings, violators: Uint32Array.from(violators).sort() };
}

function fail(message: string): never {
  throw new Error(message);
}

function* checkZone(index: FootprintIndex, pz: PreparedZone, tolerance: number, add: (f: ComplianceFinding) => void, tick: () => boolean): Task<ZoneSummary> {
  const { zone, shape: area } = pz;
  const { set, areas } = index;
  const base = { zoneId: zone.id, zoneKind: zone.kind, zoneLabel: pz.label } as const;
  const shape = footprintShape(set, 0);
  const box = new Float64Array(4);
  const members: { i: number; inside: number }[] = [];
  for (const i of area.bbox[0] <= area.bbox[2] ? index.searchBox(area.bbox[0], area.bbox[1], area.bbox[2], area.bbox[3]) : []) {
    if (tick()) yield;
    const inside = clippedArea(area, index.shape(i, shape), index.bboxOf(i, box), areas[i]);
    if (inside > tolerance) members.push({ i, inside });
  }
  members.sort((a, b) => a.i - b.i);
  const builtArea = members.reduce((s, m) => s + m.inside, 0);
  const zoneArea = area.area;
  const grz = zoneArea > 0 ? builtArea / zoneArea : null;
  const zoneLevel: BuildingBase = { ...base, building: -1, buildingId: null, planned: false };
  if (zone.grz != null && grz !== null) {
    const margin = zone.grz - grz;
    add(finding(zoneLevel, { check: 'grz', status: margin < 0 ? 'violation' : 'ok', actual: grz, permitted: zone.grz, margin, unit: '', estimated: false,
      phrase: { kind: 'compare', quantity: { name: 'grz' }, actual: grz, permitted: zone.grz, bound: 'max', basis: { of: 'grz', built: builtArea, zoneArea } } }));
  }
  if (zone.gr != null) {
    const margin = zone.gr - builtArea;
    add(finding(zoneLevel, { check: 'gr', status: margin < 0 ? 'violation' : 'ok', actual: builtArea, permitted: zone.gr, margin, unit: 'm²', estimated: false,
      phrase: { kind: 'compare', quantity: { name: 'gr' }, actual: builtArea, permitted: zone.gr, bound: 'max' } }));
  }

  const storeyLimit = zone.zZwingend ?? zone.zMax ?? zone.z ?? null;
  let plannedCount = 0;
  for (const { i, inside } of members) {
    if (tick()) yield;
    const planned = set.planned ? set.planned[i] === 1 : false;
    if (planned) plannedCount++;
    const b: BuildingBase = { zoneId: base.zoneId, zoneKind: base.zoneKind, zoneLabel: base.zoneLabel, building: i, buildingId: set.ids[i], planned };
    const height = set.heights[i];
    if (storeyLimit !== null) add(storeyFinding(b, set.storeys[i], height, storeyLimit, zone.zZwingend != null));
    for (const limit of zone.heights ?? []) {
      for (const v of checkHeight(limit, height, set.groundHeights[i]) ?? []) add(finding(b, { check: 'height', unit: 'm', estimated: false, status: v.status, actual: v.actual, permitted: v.permitted, margin: v.margin, phrase: v.phrase }));
    }
    if (zone.kind === 'baufenster') {
      add(outsideFinding(b, 'baufenster', areas[i] - inside, tolerance));
    } else if (pz.windows.length > 0) {
      let inWindows = 0;
      for (const w of pz.windows) inWindows += clippedArea(w.shape, index.shape(i, shape), index.bboxOf(i, box), areas[i]);
      add(outsideFinding(b, 'ueberbaubar', Math.max(0, inside - inWindows), tolerance));
    }
  }
  return { zoneId: zone.id, kind: zone.kind, label: pz.label, area: zoneArea, buildings: members.length, planned: plannedCount, builtArea, grz, grzPermitted: zone.grz ?? null, violations: 0 };
}

type BuildingBase = Pick<ComplianceFinding, 'zoneId' | 'zoneKind' | 'zoneLabel' | 'building' | 'buildingId' | 'planned'>;
type Verdict = Pick<ComplianceFinding, 'check' | 'status' | 'actual' | 'permitted' | 'margin' | 'unit' | 'estimated' | 'phrase'>;

/** One object shape for every finding (object spread in this loop cost more than the geometry). */
function finding(b: BuildingBase, v: Verdict): ComplianceFinding {
  return {
    zoneId: b.zoneId,
    zoneKind: b.zoneKind,
    zoneLabel: b.zoneLabel,
    check: v.check,
    status: v.status,
    building: b.building,
    buildingId: b.buildingId,
    planned: b.planned,
    actual: v.actual,
    permitted: v.permitted,
    margin: v.margin,
    unit: v.unit,
    estimated: v.estimated,
    phrase: v.phrase,
    text: findingText(v.phrase),
  };
}

function storeyFinding(b: BuildingBase, storeys: number, height: number, limit: number, exact: boolean): ComplianceFinding {
  const estimated = storeys < 0;
  const actual = estimated ? (height > 0 ? Math.max(1, Math.round(height / ESTIMATE_STOREY_HEIGHT)) : null) : storeys;
  if (actual === null) {
    return finding(b, { check: 'storeys', status: 'unknown', actual: null, permitted: limit, margin: null, unit: '', estimated, phrase: { kind: 'storeys-unknown' } });
  }
  const margin = limit - actual;
  const bad = exact ? margin !== 0 : margin < 0;
  const quantity = estimated ? ({ name: 'storeys-estimated', fromHeight: height } as const) : ({ name: 'storeys' } as const);
  const phrase: FindingPhrase = { kind: 'compare', quantity, actual, permitted: limit, bound: exact ? 'exact' : 'max' };
  return finding(b, { check: 'storeys', status: bad ? 'violation' : 'ok', actual, permitted: limit, margin, unit: '', estimated, phrase });
}

function outsideFinding(b: BuildingBase, check: 'baufenster' | 'ueberbaubar', outside: number, tolerance: number): ComplianceFinding {
  const bad = outside > tolerance;
  return finding(b, { check, status: bad ? 'violation' : 'ok', actual: outside, permitted: 0, margin: -outside, unit: 'm²', estimated: false,
    phrase: bad ? { kind: 'outside', area: outside, of: check } : { kind: 'inside' } });
}

function* checkLine(index: FootprintIndex, pl: PreparedLine, add: (f: ComplianceFinding) => void): Task<void> {
  const { line, bbox } = pl;
  if (!(bbox[0] <= bbox[2])) return;
  const { set } = index;
  const c = line.coords;
  const shape = footprintShape(set, 0);
  for (const i of index.searchBox(bbox[0], bbox[1], bbox[2], bbox[3]).sort((a, b) => a - b)) {
    index.shape(i, shape);
    if (!lineEntersInterior(c, shape)) continue;
    const b: BuildingBase = { zoneId: line.id, zoneKind: 'baugrenze', zoneLabel: `Baugrenze ${line.id}`, building: i, buildingId: set.ids[i], planned: set.planned ? set.planned[i] === 1 : false };
    add(finding(b, { check: 'baugrenze', status: 'violation', actual: null, permitted: null, margin: null, unit: '', estimated: false, phrase: { kind: 'crosses-baugrenze' } }));
  }
  yield;
}

/**
 * The line crosses an edge of the footprint at an interior point of both, or a vertex of the line lies inside.
 * Not caught: a line entering and leaving exactly through footprint corners.
 */
function lineEntersInterior(c: Float64Array, shape: ReturnType<typeof footprintShape>): boolean {
  const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
  for (let k = 0; k + 3 < c.length; k += 2) {
    for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
      for (let r = ro[p]; r < ro[p + 1]; r++) {
        for (let i = vo[r], j = vo[r + 1] - 1; i < vo[r + 1]; j = i++) {
          if (segmentsCrossProperly(c[k], c[k + 1], c[k + 2], c[k + 3], coords[j * 2], coords[j * 2 + 1], coords[i * 2], coords[i * 2 + 1])) return true;
        }
      }
    }
  }
  // A line ending inside; a vertex on the wall (within 1 mm) is not inside.
  for (let k = 0; k + 1 < c.length; k += 2) if (pointInShape(shape, c[k], c[k + 1]) && distanceToBoundary(shape, c[k], c[k + 1]) > 1e-3) return true;
  return false;
}
