/**
 * A loose quadtree over building footprints (2D boxes in the source CRS), built
 * top-down in O(n log n). A building is never split: it lives in the deepest node
 * whose loose bounds (cell grown by half its size on every side) hold its box, so
 * buildings too big for the children stay with their parent. A node is split until
 * it holds at most `maxFeatures` buildings and `maxVertices` vertices.
 */
import type { QuadtreeItems } from './item-table';

export interface QuadtreeItem {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Vertices this item adds to a tile. */
  vertices: number;
}

export interface QuadtreeOptions {
  /** Default 2,000. */
  maxFeatures?: number;
  /** Default 500,000. */
  maxVertices?: number;
  /** Beyond this depth a crowded node is cut into chunks instead of cells. Default 20. */
  maxDepth?: number;
  /**
   * Default true: items wider than a child cell stay with the parent. False: every item goes down to the
   * cell of its centre, so only leaves hold items (implicit tiling with levels of detail, where a parent's
   * content is replaced by its children's and cannot also hold full buildings).
   */
  keepWide?: boolean;
}

export interface QuadtreeNode {
  /** "L-X-Y" for cells (level, column, row from the root cell's south-west), "…-cN" for chunks. */
  id: string;
  level: number;
  /** The cell: south-west corner and side length. */
  x: number;
  y: number;
  size: number;
  /** Indices into the input items held by this node (its tile content). */
  items: number[];
  children: QuadtreeNode[];
}

export type { QuadtreeItems };

export const DEFAULT_MAX_FEATURES = 2000;
export const DEFAULT_MAX_VERTICES = 500_000;

/** The items as objects (tests, small inputs) or as columns (ItemTable: the converter). */
export function buildQuadtree(input: readonly QuadtreeItem[] | QuadtreeItems, options: QuadtreeOptions = {}): QuadtreeNode {
  const items = 'boxes' in input ? input : toColumns(input);
  const { boxes, vertices } = items;
  const maxFeatures = Math.max(1, options.maxFeatures ?? DEFAULT_MAX_FEATURES);
  const maxVertices = Math.max(1, options.maxVertices ?? DEFAULT_MAX_VERTICES);
  const maxDepth = options.maxDepth ?? 20;
  const keepWide = options.keepWide ?? true;

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const cx = (boxes[4 * i] + boxes[4 * i + 2]) / 2;
    const cy = (boxes[4 * i + 1] + boxes[4 * i + 3]) / 2;
    if (cx < minX) minX = cx;
    if (cy < minY) minY = cy;
    if (cx > maxX) maxX = cx;
    if (cy > maxY) maxY = cy;
  }
  if (!(minX <= maxX)) minX = minY = maxX = maxY = 0;
  // Square root cell around every centre, a hair larger so the max edge falls inside.
  const size = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) || 1e-6;
  const root: QuadtreeNode = { id: '0-0-0', level: 0, x: minX, y: minY, size, items: [], children: [] };

  // Every node's items are a range of one permutation of the item indices, split in place (a stable counting
  // sort per node into `scratch`): 9 bytes per item in all, where per-node JS arrays left ~60 MB of garbage
  // at a million buildings (the heap peak of bench:memory). Only the kept lists become arrays.
  const order = new Uint32Array(items.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const scratch = new Uint32Array(items.length);
  const bucket = new Uint8Array(items.length);
  const fits = (start: number, end: number) => {
    if (end - start > maxFeatures) return false;
    let v = 0;
    for (let k = start; k < end; k++) v += vertices[order[k]];
    return v <= maxVertices;
  };
  const list = (start: number, end: number) => Array.from(order.subarray(start, end));

  // Explicit stack: deep trees of crowded data must not overflow the call stack.
  const stack: [QuadtreeNode, number, number, number, number][] = [[root, 0, items.length, 0, 0]];
  while (stack.length) {
    const [node, start, end, col, row] = stack.pop()!;
    if (fits(start, end)) {
      node.items = list(start, end);
      continue;
    }
    if (node.level >= maxDepth) {
      chunk(node, list(start, end), vertices, maxFeatures, maxVertices);
      continue;
    }
    const half = node.size / 2;
    // bucket 0: kept here (wider than a child cell); 1–4: quarters. Input order is kept within each bucket.
    const counts = [0, 0, 0, 0, 0];
    for (let k = start; k < end; k++) {
      const i = order[k];
      const [x0, y0, x1, y1] = [boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]];
      // A child's loose bounds are twice its cell: items wider than a child cell stay here.
      let b = 0;
      if (!(keepWide && Math.max(x1 - x0, y1 - y0) > half)) {
        const qx = (x0 + x1) / 2 >= node.x + half ? 1 : 0;
        const qy = (y0 + y1) / 2 >= node.y + half ? 1 : 0;
        b = 1 + qy * 2 + qx;
      }
      bucket[k] = b;
      counts[b]++;
    }
    const offsets = [start];
    for (let b = 1; b <= 4; b++) offsets[b] = offsets[b - 1] + counts[b - 1];
    const next = [...offsets];
    for (let k = start; k < end; k++) scratch[next[bucket[k]]++] = order[k];
    order.set(scratch.subarray(start, end), start);

    if (fits(offsets[0], offsets[1])) node.items = list(offsets[0], offsets[1]);
    else chunk(node, list(offsets[0], offsets[1]), vertices, maxFeatures, maxVertices);
    for (let q = 0; q < 4; q++) {
      if (counts[q + 1] === 0) continue; // empty children are omitted
      const c = col * 2 + (q & 1);
      const r = row * 2 + (q >> 1);
      const child: QuadtreeNode = {
        id: `${node.level + 1}-${c}-${r}`,
        level: node.level + 1,
        x: node.x + (q & 1) * half,
        y: node.y + (q >> 1) * half,
        size: half,
        items: [],
        children: [],
      };
      node.children.push(child);
      stack.push([child, offsets[q + 1], offsets[q + 1] + counts[q + 1], c, r]);
    }
  }
  return root;
}

/** Splits a list that cannot be split in space into leaf children of at most the caps each. */
function chunk(node: QuadtreeNode, list: number[], vertexCounts: Uint32Array, maxFeatures: number, maxVertices: number): void {
  let current: number[] = [];
  let vertices = 0;
  let n = 0;
  const flush = () => {
    if (!current.length) return;
    node.children.push({ id: `${node.id}-c${n++}`, level: node.level + 1, x: node.x, y: node.y, size: node.size, items: current, children: [] });
    current = [];
    vertices = 0;
  };
  for (const i of list) {
    if (current.length && (current.length >= maxFeatures || vertices + vertexCounts[i] > maxVertices)) flush();
    current.push(i);
    vertices += vertexCounts[i];
  }
  flush();
}

function toColumns(items: readonly QuadtreeItem[]): QuadtreeItems {
  const boxes = new Float64Array(items.length * 4);
  const vertices = new Uint32Array(items.length);
  items.forEach((it, i) => {
    boxes.set([it.minX, it.minY, it.maxX, it.maxY], 4 * i);
    vertices[i] = it.vertices;
  });
  return { length: items.length, boxes, vertices };
}

/** Visits children before their parent (the order tiles must be written in to know their bounds). */
export function* postOrder(root: QuadtreeNode): Generator<QuadtreeNode> {
  const stack: [QuadtreeNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, expanded] = stack.pop()!;
    if (expanded) {
      yield node;
      continue;
    }
    stack.push([node, true]);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], false]);
  }
}
