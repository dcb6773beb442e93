// buildQuadtree splits one permutation of the item indices in place (memory at a million buildings). The tree —
// ids, cells, children order and each node's items in input order — must be what splitting plain per-node lists
// gives (the earlier code, kept here as the reference), since tile names and contents, and so the bytes of every
// tileset and the shard = one run identity, come from it.
import { describe, expect, it } from 'vitest';
import { buildQuadtree, type QuadtreeItem, type QuadtreeNode, type QuadtreeOptions } from '../../../workers/lib/tiling/quadtree';
import { seededRandom } from '../../helpers/seeded-random';

function reference(items: QuadtreeItem[], o: Required<QuadtreeOptions>): QuadtreeNode {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const it of items) {
    const cx = (it.minX + it.maxX) / 2, cy = (it.minY + it.maxY) / 2;
    minX = Math.min(minX, cx); minY = Math.min(minY, cy); maxX = Math.max(maxX, cx); maxY = Math.max(maxY, cy);
  }
  if (!(minX <= maxX)) minX = minY = maxX = maxY = 0;
  const size = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) || 1e-6;
  const root: QuadtreeNode = { id: '0-0-0', level: 0, x: minX, y: minY, size, items: [], children: [] };
  const fits = (list: number[]) => list.length <= o.maxFeatures && list.reduce((v, i) => v + items[i].vertices, 0) <= o.maxVertices;
  const chunk = (node: QuadtreeNode, list: number[]) => {
    let current: number[] = [], v = 0, n = 0;
    const flush = () => {
      if (current.length) node.children.push({ id: `${node.id}-c${n++}`, level: node.level + 1, x: node.x, y: node.y, size: node.size, items: current, children: [] });
      current = []; v = 0;
    };
    for (const i of list) {
      if (current.length && (current.length >= o.maxFeatures || v + items[i].vertices > o.maxVertices)) flush();
      current.push(i); v += items[i].vertices;
    }
    flush();
  };
  const stack: [QuadtreeNode, number[], number, number][] = [[root, items.map((_, i) => i), 0, 0]];
  while (stack.length) {
    const [node, list, col, row] = stack.pop()!;
    if (fits(list)) { node.items = list; continue; }
    if (node.level >= o.maxDepth) { chunk(node, list); continue; }
    const half = node.size / 2;
    const kept: number[] = [];
    const quarters: number[][] = [[], [], [], []];
    for (const i of list) {
      const it = items[i];
      if (o.keepWide && Math.max(it.maxX - it.minX, it.maxY - it.minY) > half) { kept.push(i); continue; }
      quarters[((it.minY + it.maxY) / 2 >= node.y + half ? 2 : 0) + ((it.minX + it.maxX) / 2 >= node.x + half ? 1 : 0)].push(i);
    }
    if (fits(kept)) node.items = kept; else chunk(node, kept);
    for (let q = 0; q < 4; q++) {
      if (!quarters[q].length) continue;
      const c = col * 2 + (q & 1), r = row * 2 + (q >> 1);
      const child: QuadtreeNode = { id: `${node.level + 1}-${c}-${r}`, level: node.level + 1, x: node.x + (q & 1) * half, y: node.y + (q >> 1) * half, size: half, items: [], children: [] };
      node.children.push(child);
      stack.push([child, quarters[q], c, r]);
    }
  }
  return root;
}

/** Houses, some wide blocks (kept at parents) and a pile on one spot (chunked at maxDepth), shuffled. */
function town(n: number, seed: number): QuadtreeItem[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, k) => {
    const pile = k % 17 === 0;
    const x = pile ? 700000 : 690000 + r() * 8000;
    const y = pile ? 5330000 : 5330000 + r() * 8000;
    const w = k % 29 === 0 ? 300 + r() * 2000 : 5 + r() * 25;
    return { minX: x, minY: y, maxX: x + w, maxY: y + w * 0.7, vertices: 20 + Math.floor(r() * 300) };
  });
}

describe('buildQuadtree (in-place split)', () => {
  for (const [n, options] of [
    [5_000, { maxFeatures: 100, maxVertices: 20_000, maxDepth: 8, keepWide: true }],
    [20_000, { maxFeatures: 300, maxVertices: 50_000, maxDepth: 20, keepWide: true }],
    [8_000, { maxFeatures: 150, maxVertices: 500_000, maxDepth: 6, keepWide: false }],
  ] as const) {
    it(`is the tree the per-node lists gave (${n} items, ${JSON.stringify(options)})`, () => {
      const items = town(n, n);
      const got = buildQuadtree(items, options);
      expect(got).toEqual(reference(items, options));
      // not trivially equal: the test data reaches kept lists, chunks and several levels
      const all: QuadtreeNode[] = [];
      const walk = (node: QuadtreeNode) => (all.push(node), node.children.forEach(walk));
      walk(got);
      expect(all.some((node) => node.id.includes('-c'))).toBe(true);
      expect(Math.max(...all.map((node) => node.level))).toBeGreaterThanOrEqual(4);
      if (options.keepWide) expect(all.some((node) => node.children.length && node.items.length)).toBe(true);
    });
  }
});
