/**
 * The spatial worker's implementation (workers/spatial.worker.ts exposes it with comlink; tests call it
 * directly). Holds one footprint index, one plan and recent selections; every query runs as a task in
 * time slices so that cancel() and other messages get through, and typed arrays leave transferred.
 */
import { releaseProxy, transfer } from 'comlink';
import type { SpatialProgressCallback, SpatialProtocol, SpatialWorkerApi } from '../../protocol';
import { decodeFootprints } from '../footprints/footprint-codec';
import type { FootprintSet } from '../footprints/footprint-set';
import { aggregate } from './aggregate';
import { exportSelection } from './export';
import { FootprintIndex } from './footprint-index';
import { checkCompliance, type ComplianceFinding, type ComplianceResult } from './plan/compliance';
import { fetchPlan } from './plan/plan-file';
import { fetchFile } from '../data/fetch-file';
import { PlanIndex } from './plan/plan-index';
import type { PlanInput } from './plan/plan-types';
import { selectByBbox, selectByFilter, selectById, selectByPolygon, selectInPrepared, selectNearest } from './queries';
import { sortedRows } from './rows';
import type { Cancellable, DatasetInfo, FindingsQuery, FindingsPage, SelectionRef, SelectionResult } from './spatial-types';
import { runAsync, type Task } from './task';

/** Selections kept for reuse by handle; older ones are dropped first. */
const MAX_SELECTIONS = 16;

type Params<K extends keyof SpatialProtocol> = SpatialProtocol[K][0];
type Result<K extends keyof SpatialProtocol> = SpatialProtocol[K][1];

export function createSpatialWorkerApi(): SpatialWorkerApi {
  const running = new Map<number, AbortController>();
  const selections = new Map<number, Uint32Array>();
  let nextSelection = 1;
  let index: FootprintIndex | null = null;
  let plan: PlanIndex | null = null;
  let violations: Map<number, string[]> | null = null;
  let findings: ComplianceFinding[] = [];

  const dataset = (): FootprintIndex => index ?? fail('No footprints loaded: call loadFootprints first');
  const planIndex = (): PlanIndex => plan ?? fail('No plan loaded: call loadPlan first');

  async function run<T>(params: Cancellable, task: Task<T>, onProgress?: SpatialProgressCallback): Promise<T> {
    const controller = new AbortController();
    if (params.cancelId !== undefined) running.set(params.cancelId, controller);
    try {
      return await runAsync(task, { signal: controller.signal, onProgress: onProgress && ((f) => void Promise.resolve(onProgress(f)).catch(() => {})) });
    } finally {
      if (params.cancelId !== undefined) running.delete(params.cancelId);
      if (onProgress && releaseProxy in onProgress) (onProgress as unknown as { [releaseProxy](): void })[releaseProxy]();
    }
  }

  function remember(indices: Uint32Array): number {
    const id = nextSelection++;
    selections.set(id, indices);
    for (const old of selections.keys()) {
      if (selections.size <= MAX_SELECTIONS) break;
      selections.delete(old);
    }
    return id;
  }

  function resolve(ref: SelectionRef | undefined): Uint32Array | undefined {
    if (!ref) return undefined;
    if ('indices' in ref && ref.indices) return ref.indices;
    const id = (ref as { selectionId: number }).selectionId;
    return selections.get(id) ?? fail(`Selection ${id} is no longer held by the worker: run the query again`);
  }

  /** The result leaves with a copy of its indices transferred; the worker keeps its own for handles. */
  function selection<T extends { indices: Uint32Array }>(result: T, started: number): T & SelectionResult {
    const selectionId = remember(result.indices);
    const out = { ...result, indices: result.indices.slice(), selectionId, candidates: (result as { candidates?: number }).candidates ?? result.indices.length, elapsedMs: performance.now() - started };
    const buffers: ArrayBuffer[] = [out.indices.buffer as ArrayBuffer];
    if ('distances' in out && out.distances instanceof Float64Array) buffers.push(out.distances.buffer as ArrayBuffer);
    return transfer(out, buffers);
  }

  function loaded(set: FootprintSet): DatasetInfo {
    const started = performance.now();
    index = new FootprintIndex(set);
    violations = null;
    findings = [];
    selections.clear();
    const b = index.bboxes;
    let bbox: DatasetInfo['bbox'] = null;
    for (let i = 0; i < index.count; i++) {
      if (!(b[i * 4] <= b[i * 4 + 2])) continue;
      bbox ??= [Infinity, Infinity, -Infinity, -Infinity];
      bbox[0] = Math.min(bbox[0], b[i * 4]);
      bbox[1] = Math.min(bbox[1], b[i * 4 + 1]);
      bbox[2] = Math.max(bbox[2], b[i * 4 + 2]);
      bbox[3] = Math.max(bbox[3], b[i * 4 + 3]);
    }
    return {
      count: index.count,
      epsg: set.epsg,
      bbox,
      buildMs: performance.now() - started,
      attributes: { functions: !!set.functions, yearsOfConstruction: !!set.yearsOfConstruction, planned: !!set.planned },
    };
  }

  function planLoaded(input: PlanInput): Result<'loadPlan'> {
    const next = new PlanIndex(input);
    if (index && next.epsg !== index.set.epsg) fail(`The plan is in EPSG:${next.epsg}, the footprints in EPSG:${index.set.epsg}: reproject the plan first`);
    plan = next;
    violations = null;
    findings = [];
    return {
      zones: next.zones.map((z) => ({ id: z.zone.id, kind: z.zone.kind, label: z.label, area: z.shape.area, bbox: [z.shape.bbox[0], z.shape.bbox[1], z.shape.bbox[2], z.shape.bbox[3]] })),
      lines: next.lines.length,
    };
  }

  return {
    async loadFootprints(params: Params<'loadFootprints'>): Promise<Result<'loadFootprints'>> {
      return loaded(decodeFootprints(params.bytes, { source: params.source }));
    },

    async loadFootprintsUrl(params: Params<'loadFootprintsUrl'>): Promise<Result<'loadFootprintsUrl'>> {
      return loaded(decodeFootprints(await fetchFile(params.url), { source: params.url }));
    },

    async loadFootprintSet(params: Params<'loadFootprintSet'>): Promise<Result<'loadFootprintSet'>> {
      return loaded(params.set);
    },

    async loadPlanUrl(params: Params<'loadPlanUrl'>): Promise<Result<'loadPlanUrl'>> {
      return planLoaded(await fetchPlan(params.url, params.epsg ?? index?.set.epsg ?? 25832));
    },

    async loadPlan(params: Params<'loadPlan'>): Promise<Result<'loadPlan'>> {
      return planLoaded(params.plan);
    },

    async byId(params, onProgress) {
      const t = performance.now();
      return selection(await run(params, selectById(dataset(), params), onProgress), t);
    },

    async byBbox(params, onProgress) {
      const t = performance.now();
      return selection(await run(params, selectByBbox(dataset(), params), onProgress), t);
    },

    async byPolygon(params, onProgress) {
      const t = performance.now();
      const area = params.area;
      const task =
        'zoneId' in area
          ? selectInPrepared(dataset(), (planIndex().zone(area.zoneId) ?? fail(`unknown plan zone "${area.zoneId}"`)).shape, params.mode ?? 'intersects', params.filter)
          : selectByPolygon(dataset(), { polygons: area.polygons, mode: params.mode, filter: params.filter });
      return selection(await run(params, task, onProgress), t);
    },

    async nearest(params, onProgress) {
      const t = performance.now();
      const r = await run(params, selectNearest(dataset(), params), onProgress);
      return selection({ ...r, candidates: r.indices.length }, t);
    },

    async filter(params, onProgress) {
      const t = performance.now();
      return selection(await run(params, selectByFilter(dataset(), { filter: params.filter, within: resolve(params.within) }), onProgress), t);
    },

    async aggregate(params, onProgress) {
      return run(params, aggregate(dataset(), { indices: resolve(params)! }), onProgress);
    },

    async rows(params) {
      return sortedRows(dataset(), resolve(params)!, params, violations);
    },

    async exportSelection(params) {
      return exportSelection(dataset(), resolve(params)!, params, violations);
    },

    async checkCompliance(params, onProgress) {
      const result: ComplianceResult = await run(params, checkCompliance(dataset(), planIndex(), params), onProgress);
      violations = new Map();
      let violationCount = 0;
      for (const f of result.findings) {
        if (f.status !== 'violation') continue;
        violationCount++;
        if (f.building < 0) continue;
        const list = violations.get(f.building) ?? [];
        list.push(`${f.zoneLabel}: ${f.text}`);
        violations.set(f.building, list);
      }
      findings = result.findings;
      const first = pageOf(findings, { limit: params.findingsLimit, status: params.findingsStatus });
      return transfer({ zones: result.zones, violators: result.violators, findings: first.findings, findingCount: findings.length, violationCount }, [result.violators.buffer as ArrayBuffer]);
    },

    async complianceFindings(params) {
      return pageOf(findings, params);
    },

    async releaseSelection(params) {
      selections.delete(params.selectionId);
    },

    cancel(cancelId: number): void {
      running.get(cancelId)?.abort();
    },
  };
}

function pageOf(all: ComplianceFinding[], query: FindingsQuery): FindingsPage {
  const status = query.status && new Set(query.status);
  const buildings = query.buildings && new Set(query.buildings);
  const zones = query.zoneIds && new Set(query.zoneIds);
  const matching = status || buildings || zones ? all.filter((f) => (!status || status.has(f.status)) && (!buildings || buildings.has(f.building)) && (!zones || zones.has(f.zoneId))) : all;
  const offset = Math.max(0, query.offset ?? 0);
  return { findings: matching.slice(offset, offset + Math.max(0, query.limit ?? 200)), total: matching.length };
}

function fail(message: string): never {
  throw new Error(message);
}
