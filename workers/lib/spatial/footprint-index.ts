/**
 * The per-dataset index: bounding boxes, areas and centroids of every footprint, computed in one
 * pass, and a Flatbush over the boxes. Built once per dataset and kept in the spatial worker.
 */
import Flatbush from 'flatbush';
import type { FootprintSet } from '../footprints/footprint-set';
import { footprintShape, type Shape } from './geometry/shape';
import { measureFootprints } from './footprint-measures';

export class FootprintIndex {
  readonly count: number;
  /** minX, minY, maxX, maxY per footprint (inverted for footprints without geometry). */
  readonly bboxes: Float64Array;
  /** m², holes subtracted. */
  readonly areas: Float64Array;
  /** Area-weighted centroid x, y per footprint. */
  readonly centroids: Float64Array;
  /** Over footprints with geometry; item k is footprint itemToFootprint[k] (or k when null). */
  readonly tree: Flatbush | null;
  private readonly itemToFootprint: Uint32Array | null;
  private idMap: Map<string, number> | null = null;

  constructor(readonly set: FootprintSet) {
    const n = set.ids.length;
    this.count = n;
    this.bboxes = new Float64Array(n * 4);
    this.areas = new Float64Array(n);
    this.centroids = new Float64Array(n * 2);
    const indexed = measureFootprints(set, this.bboxes, this.areas, this.centroids);
    this.itemToFootprint = indexed === n ? null : new Uint32Array(indexed);
    if (indexed === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(indexed);
    const b = this.bboxes;
    for (let i = 0, k = 0; i < n; i++) {
      if (!(b[i * 4] <= b[i * 4 + 2])) continue;
      tree.add(b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]);
      if (this.itemToFootprint) this.itemToFootprint[k] = i;
      k++;
    }
    tree.finish();
    this.tree = tree;
  }

  /** Footprint i as a Shape view (no copy), written into target when given. */
  shape(i: number, target?: Shape): Shape {
    return footprintShape(this.set, i, target);
  }

  /** Footprint i's box copied into target (a scratch array: cheaper than a subarray view per call). */
  bboxOf(i: number, target: Float64Array): Float64Array {
    const b = this.bboxes;
    target[0] = b[i * 4];
    target[1] = b[i * 4 + 1];
    target[2] = b[i * 4 + 2];
    target[3] = b[i * 4 + 3];
    return target;
  }

  /** Footprint index of a tree item. */
  footprintOf(item: number): number {
    return this.itemToFootprint ? this.itemToFootprint[item] : item;
  }

  /** -1 when unknown. The id map is built on first use (1M ids take ~100 ms). */
  indexOfId(id: string): number {
    if (!this.idMap) {
      this.idMap = new Map();
      this.set.ids.forEach((value, i) => {
        if (!this.idMap!.has(value)) this.idMap!.set(value, i);
      });
    }
    return this.idMap.get(id) ?? -1;
  }

  /** Footprints whose box meets the query box, as footprint indices (unsorted). */
  searchBox(minX: number, minY: number, maxX: number, maxY: number): number[] {
    if (!this.tree) return [];
    const items = this.tree.search(minX, minY, maxX, maxY);
    if (this.itemToFootprint) for (let k = 0; k < items.length; k++) items[k] = this.itemToFootprint[items[k]];
    return items;
  }
}
