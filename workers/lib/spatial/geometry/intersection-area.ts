/**
 * Exact area of the intersection of two polygon sets (even-odd, holes and concave rings allowed)
 * by scan-line slabs: between consecutive event heights (vertices and edge crossings) no two edges
 * swap order, so the width of the overlap is linear in y and its value at the slab's mid-height
 * times the slab height is exact. Degenerate cases (shared edges, touching vertices) need no special
 * handling: evaluation happens strictly between events. Cost O(events × edges in the band).
 */
import { EdgeList } from './edge-list';
import { crossingY } from './segments';

const events = { data: new Float64Array(64), count: 0 };
let xsA = new Float64Array(32);
let xsB = new Float64Array(32);

function pushEvent(y: number): void {
  if (events.count === events.data.length) {
    const bigger = new Float64Array(events.data.length * 2);
    bigger.set(events.data);
    events.data = bigger;
  }
  events.data[events.count++] = y;
}

/**
 * Area of (A ∩ B) within the band y0 < y < y1, given the edges of A and B that reach into the band
 * (see EdgeList.addShapeEdges; B's edges right of A's extent may be left out).
 */
export function intersectionAreaOfEdges(a: EdgeList, b: EdgeList, y0: number, y1: number): number {
  if (!(y1 > y0) || a.count === 0 || b.count === 0) return 0;
  events.count = 0;
  pushEvent(y0);
  pushEvent(y1);
  addVertexEvents(a, y0, y1);
  addVertexEvents(b, y0, y1);
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < a.count * 4; i += 4) {
    const ax1 = A[i], ay1 = A[i + 1], ax2 = A[i + 2], ay2 = A[i + 3];
    const aMinX = Math.min(ax1, ax2), aMaxX = Math.max(ax1, ax2), aMinY = Math.min(ay1, ay2), aMaxY = Math.max(ay1, ay2);
    for (let j = 0; j < b.count * 4; j += 4) {
      const bx1 = B[j], by1 = B[j + 1], bx2 = B[j + 2], by2 = B[j + 3];
      if (Math.max(bx1, bx2) < aMinX || Math.min(bx1, bx2) > aMaxX || Math.max(by1, by2) < aMinY || Math.min(by1, by2) > aMaxY) continue;
      const y = crossingY(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
      if (y > y0 && y < y1) pushEvent(y);
    }
  }
  const ev = events.data.subarray(0, events.count).sort();
  let area = 0;
  for (let k = 0; k + 1 < ev.length; k++) {
    const ya = ev[k];
    const yb = ev[k + 1];
    if (!(yb > ya)) continue;
    const ym = (ya + yb) / 2;
    const nA = crossingsAt(a, ym, 0);
    const nB = crossingsAt(b, ym, 1);
    if (nA === 0 || nB === 0) continue;
    area += overlapLength(xsA, nA, xsB, nB) * (yb - ya);
  }
  return area;
}

function addVertexEvents(list: EdgeList, y0: number, y1: number): void {
  const d = list.data;
  for (let i = 0; i < list.count * 4; i += 4) {
    const ya = d[i + 1];
    const yb = d[i + 3];
    if (ya > y0 && ya < y1) pushEvent(ya);
    if (yb > y0 && yb < y1) pushEvent(yb);
  }
}

/** x of every edge crossing the line y = ym, sorted, into xsA (which = 0) or xsB (which = 1). */
function crossingsAt(list: EdgeList, ym: number, which: 0 | 1): number {
  let xs = which === 0 ? xsA : xsB;
  if (xs.length < list.count) {
    xs = new Float64Array(list.count * 2);
    if (which === 0) xsA = xs;
    else xsB = xs;
  }
  const d = list.data;
  let n = 0;
  for (let i = 0; i < list.count * 4; i += 4) {
    const y1 = d[i + 1];
    const y2 = d[i + 3];
    if (y1 > ym !== y2 > ym) {
      const x1 = d[i];
      xs[n++] = x1 + ((ym - y1) * (d[i + 2] - x1)) / (y2 - y1);
    }
  }
  // Insertion sort: lists are short and often nearly sorted.
  for (let i = 1; i < n; i++) {
    const v = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > v) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = v;
  }
  return n;
}

/** Total length of the overlap of two even-odd interval lists; an unpaired last crossing opens to +∞. */
function overlapLength(a: Float64Array, na: number, b: Float64Array, nb: number): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < na && j < nb) {
    const a0 = a[i];
    const a1 = i + 1 < na ? a[i + 1] : Infinity;
    const b0 = b[j];
    const b1 = j + 1 < nb ? b[j + 1] : Infinity;
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (hi > lo) total += hi - lo;
    if (a1 < b1) i += 2;
    else j += 2;
  }
  return total;
}
