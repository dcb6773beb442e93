/**
 * Statistics over a selection. Heights that are NaN or ≤ 0 and storeys < 0 count as unknown and
 * are left out of their statistics (the `known` counts say how many took part).
 *
 * Estimated gross floor area (Brutto-Grundfläche above ground): footprint area × storeys above
 * ground where storeys are known; otherwise footprint area × height / 3 m (a 3 m storey height,
 * not rounded, so a 10 m building counts as 3⅓ storeys); buildings with neither are left out and
 * counted in `unknown`.
 */
import type { FootprintIndex } from './footprint-index';
import { YIELD_EVERY, type Task } from './task';
import type { Stats, Aggregates, AggregateParams } from '../../types/spatial';
export type { Stats, Aggregates, AggregateParams } from '../../types/spatial';

export const ASSUMED_STOREY_HEIGHT = 3;

class Accumulator {
  known = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  add(v: number): void {
    this.known++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
  stats(): Stats {
    return this.known === 0 ? { known: 0, min: null, mean: null, max: null } : { known: this.known, min: this.min, mean: this.sum / this.known, max: this.max };
  }
}

export function* aggregate(index: FootprintIndex, params: AggregateParams): Task<Aggregates> {
  const { heights, storeys, planned } = index.set;
  const areas = index.areas;
  const height = new Accumulator();
  const floors = new Accumulator();
  let footprintArea = 0;
  let plannedCount = 0;
  let gfa = 0;
  let fromStoreys = 0;
  let fromHeight = 0;
  let unknown = 0;
  const list = params.indices;
  for (let k = 0; k < list.length; k++) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) yield k / list.length;
    const i = list[k];
    if (i >= index.count) throw new RangeError(`footprint index ${i} is out of range (dataset has ${index.count})`);
    const area = areas[i];
    footprintArea += area;
    if (planned && planned[i]) plannedCount++;
    const h = heights[i];
    const s = storeys[i];
    if (h > 0) height.add(h);
    if (s >= 0) {
      floors.add(s);
      gfa += area * s;
      fromStoreys++;
    } else if (h > 0) {
      gfa += (area * h) / ASSUMED_STOREY_HEIGHT;
      fromHeight++;
    } else {
      unknown++;
    }
  }
  return {
    count: list.length,
    planned: plannedCount,
    footprintArea,
    height: height.stats(),
    storeys: floors.stats(),
    grossFloorArea: { total: gfa, fromStoreys, fromHeight, unknown, assumedStoreyHeight: ASSUMED_STOREY_HEIGHT },
  };
}
