/**
 * Plan compliance of a variant: the existing footprints without the replaced ones, plus the planned
 * blocks, through the spatial worker's checks (checkCompliance: GRZ, GR, storeys, heights with their
 * bezugspunkt, Baufenster, Baugrenze), plus GFZ per Baugebiet from storeys × footprint area inside it.
 * Returns what the comparison table needs: GRZ, GFZ, gross floor area, highest planned top, violations.
 */
import { buildFootprintSet, footprintPolygons, type PlainFootprint } from '../footprints/footprint-builder';
import type { FootprintSet } from '../footprints/footprint-set';
import { FootprintIndex } from '../spatial/footprint-index';
import { footprintShape } from '../spatial/geometry/shape';
import { clippedArea } from '../spatial/geometry/shape-relations';
import { checkCompliance, ESTIMATE_STOREY_HEIGHT } from '../spatial/plan/compliance';
import { findingText } from '../../../src/core/plan/finding-text';
import type { FindingPhrase } from '../../../src/core/plan/finding-phrase';
import type { PlanIndex } from '../spatial/plan/plan-index';
import { runSync } from '../spatial/task';
import type { PlannedBlockInfo } from './planned-buildings';
import type { VariantFinding, VariantReport } from '../../types/scenario';
export type { VariantFinding, VariantReport } from '../../types/scenario';

export interface VariantInput {
  variantId: string;
  blocks: readonly PlannedBlockInfo[];
  replaces: readonly string[];
  /** Other planned buildings with known footprints (converted CityGML additions). */
  extra?: readonly PlainFootprint[];
}

/** The base footprints as plain records once, reused for every variant. */
export function plainFootprints(set: FootprintSet): PlainFootprint[] {
  return set.ids.map((id, i) => ({
    id,
    polygons: footprintPolygons(set, i),
    height: set.heights[i],
    groundHeight: set.groundHeights[i],
    storeys: set.storeys[i],
    planned: set.planned ? set.planned[i] === 1 : false,
  }));
}

export function checkVariant(base: readonly PlainFootprint[], epsg: number, plan: PlanIndex, input: VariantInput): VariantReport {
  const replaced = new Set(input.replaces);
  const planned: PlainFootprint[] = input.blocks.map((b) => ({
    id: b.id,
    polygons: [[[...b.footprint, b.footprint[0]]]],
    height: b.heights.top,
    groundHeight: b.base,
    storeys: b.heights.storeys,
    planned: true,
  }));
  for (const f of input.extra ?? []) planned.push({ ...f, planned: true });
  const plannedIds = new Set(planned.map((p) => p.id));
  const set = buildFootprintSet([...base.filter((f) => !replaced.has(f.id)), ...planned], epsg);
  const index = new FootprintIndex(set);
  const result = runSync(checkCompliance(index, plan, {}));
  const findings: VariantFinding[] = [];
  const zonesWithPlanned = new Set(result.findings.filter((f) => f.buildingId !== null && plannedIds.has(f.buildingId)).map((f) => f.zoneId));
  for (const f of result.findings) {
    const ofPlanned = f.buildingId !== null && plannedIds.has(f.buildingId);
    const zoneLevel = f.building < 0 && zonesWithPlanned.has(f.zoneId);
    if (!ofPlanned && !zoneLevel) continue;
    findings.push({ buildingId: f.buildingId, planned: ofPlanned, zoneLabel: f.zoneLabel, check: f.check, status: f.status, margin: f.margin, phrase: f.phrase, text: f.text });
  }

  // GFZ and totals over the Baugebiete
  const shape = footprintShape(set, 0);
  const box = new Float64Array(4);
  let zoneArea = 0;
  let built = 0;
  let floor = 0;
  for (const pz of plan.zones) {
    if (pz.zone.kind !== 'baugebiet') continue;
    const b = pz.shape.bbox;
    if (!(b[0] <= b[2])) continue;
    let zoneFloor = 0;
    let zoneBuilt = 0;
    for (const i of index.searchBox(b[0], b[1], b[2], b[3])) {
      const inside = clippedArea(pz.shape, index.shape(i, shape), index.bboxOf(i, box), index.areas[i]);
      if (inside <= 0.01) continue;
      zoneBuilt += inside;
      zoneFloor += inside * storeysOf(set, i);
    }
    zoneArea += pz.shape.area;
    built += zoneBuilt;
    floor += zoneFloor;
    const gfzPermitted = pz.zone.gfz;
    if (gfzPermitted != null && pz.shape.area > 0 && zonesWithPlanned.has(pz.zone.id)) {
      const gfz = zoneFloor / pz.shape.area;
      const margin = gfzPermitted - gfz;
      const phrase: FindingPhrase = { kind: 'compare', quantity: { name: 'gfz' }, actual: gfz, permitted: gfzPermitted, bound: 'max', basis: { of: 'gfz', floorArea: zoneFloor } };
      findings.push({ buildingId: null, planned: false, zoneLabel: pz.label, check: 'gfz', status: margin < 0 ? 'violation' : 'ok', margin, phrase, text: findingText(phrase) });
    }
  }
  const plannedFloorArea = planned.reduce((s, p) => s + ringAreaOf(p.polygons[0][0] as [number, number][]) * storeysOfPlain(p), 0);
  const tops = planned.map((p) => p.height ?? NaN).filter((h) => Number.isFinite(h));
  return {
    variantId: input.variantId,
    grz: zoneArea > 0 ? built / zoneArea : null,
    gfz: zoneArea > 0 ? floor / zoneArea : null,
    grossFloorArea: floor,
    plannedFloorArea,
    maxPlannedHeight: tops.length ? Math.max(...tops) : null,
    violations: findings.filter((f) => f.status === 'violation').length,
    findings: findings.sort((a, b) => rank(a) - rank(b)),
  };
}

function rank(f: VariantFinding): number {
  return (f.status === 'violation' ? 0 : f.status === 'unknown' ? 1 : 2) * 2 + (f.planned ? 0 : 1);
}

function storeysOfPlain(p: PlainFootprint): number {
  if (p.storeys !== undefined && p.storeys > 0) return p.storeys;
  return p.height !== undefined && p.height > 0 ? Math.max(1, Math.round(p.height / ESTIMATE_STOREY_HEIGHT)) : 1;
}

function storeysOf(set: FootprintSet, i: number): number {
  const s = set.storeys[i];
  if (s > 0) return s;
  const h = set.heights[i];
  return h > 0 ? Math.max(1, Math.round(h / ESTIMATE_STOREY_HEIGHT)) : 1;
}

function ringAreaOf(ring: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[0][0]) * (ring[i][1] - ring[0][1]) - (ring[i][0] - ring[0][0]) * (ring[j][1] - ring[0][1]);
  return Math.abs(s) / 2;
}
