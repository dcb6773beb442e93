/**
 * Selections over a FootprintIndex: each takes one params object and returns one result, as a Task
 * (run with runSync or runAsync) so that long scans can be cancelled. Index sets come back sorted.
 */
import { compileFilter, type AttributeFilter, type FootprintPredicate } from './attribute-filter';
import type { FootprintIndex } from './footprint-index';
import { PreparedShape } from './geometry/prepared-shape';
import { footprintShape, shapeFromRings } from './geometry/shape';
import { shapeIntersects, shapeWithin } from './geometry/shape-relations';
import { distanceToShape } from './geometry/shape-distance';
import { pointBoxDistance2 } from './geometry/segments';
import { YIELD_EVERY, type Task } from './task';
import type { PolygonMode } from '../../types/spatial';
import type { Selection, ByIdParams, ByIdResult, ByBboxParams, ByPolygonParams, NearestParams, NearestResult } from '../../types/spatial';
export type { Selection, ByIdParams, ByIdResult, ByBboxParams, ByPolygonParams, NearestParams, NearestResult } from '../../types/spatial';
export type { PolygonMode } from '../../types/spatial';

export interface FilterParams {
  filter: AttributeFilter;
  /** Restrict to these footprints; default all. */
  within?: Uint32Array;
}

function sorted(list: number[]): Uint32Array {
  return Uint32Array.from(list).sort();
}

export function* selectById(index: FootprintIndex, params: ByIdParams): Task<ByIdResult> {
  const found = new Set<number>();
  const missing: string[] = [];
  let n = 0;
  for (const id of params.ids) {
    if (++n % YIELD_EVERY === 0) yield;
    const i = index.indexOfId(id);
    if (i < 0) missing.push(id);
    else found.add(i);
  }
  return { indices: sorted([...found]), candidates: params.ids.length, missing };
}

export function* selectByBbox(index: FootprintIndex, params: ByBboxParams): Task<Selection> {
  const [minX, minY, maxX, maxY] = params.bbox;
  if (!(minX <= maxX && minY <= maxY)) throw new RangeError(`bbox [${params.bbox.join(', ')}] is empty or not finite`);
  const candidates = index.searchBox(minX, minY, maxX, maxY);
  const pass = compileFilter(index.set, params.filter);
  const b = index.bboxes;
  let rect: PreparedShape | null = null;
  const shape = footprintShape(index.set, 0);
  const box = new Float64Array(4);
  const out: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) yield k / candidates.length;
    const i = candidates[k];
    if (pass && !pass(i)) continue;
    const at = i * 4;
    if (b[at] >= minX && b[at + 1] >= minY && b[at + 2] <= maxX && b[at + 3] <= maxY) {
      out.push(i);
      continue;
    }
    rect ??= new PreparedShape(shapeFromRings([[Float64Array.of(minX, minY, maxX, minY, maxX, maxY, minX, maxY)]]));
    if (shapeIntersects(rect, index.shape(i, shape), index.bboxOf(i, box))) out.push(i);
  }
  return { indices: sorted(out), candidates: candidates.length };
}

export function* selectByPolygon(index: FootprintIndex, params: ByPolygonParams): Task<Selection> {
  const area = new PreparedShape(shapeFromRings(params.polygons));
  return yield* selectInPrepared(index, area, params.mode ?? 'intersects', params.filter);
}

/** The polygon query against an already prepared area (a plan zone is prepared once and reused). */
export function* selectInPrepared(index: FootprintIndex, area: PreparedShape, mode: PolygonMode, filter?: AttributeFilter): Task<Selection> {
  if (!(area.bbox[0] <= area.bbox[2])) return { indices: new Uint32Array(0), candidates: 0 };
  const candidates = index.searchBox(area.bbox[0], area.bbox[1], area.bbox[2], area.bbox[3]);
  const pass = compileFilter(index.set, filter);
  const { centroids: c, areas } = index;
  const shape = footprintShape(index.set, 0);
  const box = new Float64Array(4);
  const out: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) yield k / candidates.length;
    const i = candidates[k];
    if (pass && !pass(i)) continue;
    let hit: boolean;
    if (mode === 'centroid') hit = area.containsPoint(c[i * 2], c[i * 2 + 1]);
    else {
      index.bboxOf(i, box);
      index.shape(i, shape);
      hit = mode === 'contains' ? shapeWithin(area, shape, box, areas[i]) : shapeIntersects(area, shape, box);
    }
    if (hit) out.push(i);
  }
  return { indices: sorted(out), candidates: candidates.length };
}

export function* selectNearest(index: FootprintIndex, params: NearestParams): Task<NearestResult> {
  const { x, y } = params;
  const k = Math.floor(params.k);
  const maxDistance = params.maxDistance ?? Infinity;
  if (!(k > 0) || !index.tree) return { indices: new Uint32Array(0), distances: new Float64Array(0) };
  const pass = compileFilter(index.set, params.filter);
  const itemFilter: ((item: number) => boolean) | undefined = pass ? (item) => pass(index.footprintOf(item)) : undefined;
  const known = new Map<number, number>();
  const shape = footprintShape(index.set, 0);
  const b = index.bboxes;
  let best: [number, number][] = [];
  // Flatbush orders by box distance, a lower bound of the true distance: fetch more until the k-th
  // true distance is no larger than the box distance of everything not yet fetched.
  for (let fetch = Math.max(16, k * 2); ; fetch *= 4) {
    const items = index.tree.neighbors(x, y, fetch, maxDistance, itemFilter);
    for (const item of items) {
      const i = index.footprintOf(item);
      if (known.has(i)) continue;
      if (known.size % 1024 === 1023) yield;
      known.set(i, distanceToShape(index.shape(i, shape), x, y));
    }
    best = [...known].filter(([, d]) => d <= maxDistance).sort((p, q) => p[1] - q[1] || p[0] - q[0]).slice(0, k);
    if (items.length < fetch) break;
    const last = index.footprintOf(items[items.length - 1]);
    const frontier = Math.sqrt(pointBoxDistance2(x, y, b[last * 4], b[last * 4 + 1], b[last * 4 + 2], b[last * 4 + 3]));
    if (best.length === k && best[k - 1][1] < frontier) break; // strict: equal distances further on may win the tie by index
    yield;
  }
  return { indices: Uint32Array.from(best, (p) => p[0]), distances: Float64Array.from(best, (p) => p[1]) };
}

export function* selectByFilter(index: FootprintIndex, params: FilterParams): Task<Selection> {
  const pass: FootprintPredicate = compileFilter(index.set, params.filter) ?? (() => true);
  const within = params.within;
  const total = within ? within.length : index.count;
  const out: number[] = [];
  for (let k = 0; k < total; k++) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) yield k / total;
    const i = within ? within[k] : k;
    if (i < index.count && pass(i)) out.push(i);
  }
  return { indices: sorted(out), candidates: total };
}
