import { describe, expect, it } from 'vitest';
import { buildQuadtree, postOrder, type QuadtreeItem, type QuadtreeNode } from '../../../workers/lib/tiling/quadtree';
import { seededRandom } from '../../helpers/seeded-random';


function houses(n: number, seed = 1, extent = 5000): QuadtreeItem[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = 690000 + r() * extent;
    const y = 5330000 + r() * extent;
    const w = 5 + r() * 25;
    return { minX: x, minY: y, maxX: x + w, maxY: y + w * 0.8, vertices: 20 + Math.floor(r() * 200) };
  });
}

function nodes(root: QuadtreeNode): QuadtreeNode[] {
  return [...postOrder(root)];
}

function checkInvariants(root: QuadtreeNode, items: QuadtreeItem[], maxFeatures: number, maxVertices: number) {
  const seen = new Uint8Array(items.length);
  for (const node of nodes(root)) {
    expect(node.items.length).toBeLessThanOrEqual(maxFeatures);
    expect(node.items.reduce((s, i) => s + items[i].vertices, 0)).toBeLessThanOrEqual(Math.max(maxVertices, ...node.items.map((i) => items[i].vertices)));
    for (const i of node.items) seen[i]++;
    // Empty children are omitted: every node holds something, itself or below.
    expect(node.items.length + node.children.length).toBeGreaterThan(0);
  }
  expect(seen.every((c) => c === 1)).toBe(true); // every building in exactly one tile: never split, never lost
}

describe('buildQuadtree', () => {
  it('keeps one building in one root tile', () => {
    const root = buildQuadtree(houses(1));
    expect(root.items).toEqual([0]);
    expect(root.children).toEqual([]);
  });

  it('splits by feature count and honours the caps', () => {
    const items = houses(5000);
    const root = buildQuadtree(items, { maxFeatures: 300, maxVertices: 1e9 });
    checkInvariants(root, items, 300, 1e9);
    expect(nodes(root).filter((n) => n.items.length).length).toBeGreaterThanOrEqual(17);
  });

  it('splits by vertex count', () => {
    const items = houses(2000, 2);
    const root = buildQuadtree(items, { maxFeatures: 1e6, maxVertices: 20_000 });
    checkInvariants(root, items, 1e6, 20_000);
    expect(root.children.length).toBeGreaterThan(0);
  });

  it('keeps buildings too large for a child cell at the parent (loose quadtree)', () => {
    const items = houses(1000, 3, 1000);
    items.push({ minX: 690000, minY: 5330000, maxX: 690900, maxY: 5330100, vertices: 50 }); // a 900 m hall
    const root = buildQuadtree(items, { maxFeatures: 100 });
    checkInvariants(root, items, 100, 500_000);
    expect(root.items).toContain(1000);
  });

  it('cuts buildings piled on one spot into chunks instead of recursing forever', () => {
    const items = Array.from({ length: 5000 }, () => ({ minX: 1, minY: 1, maxX: 2, maxY: 2, vertices: 10 }));
    const root = buildQuadtree(items, { maxFeatures: 1000, maxDepth: 8 });
    checkInvariants(root, items, 1000, 500_000);
    expect(nodes(root).some((n) => n.id.includes('-c'))).toBe(true);
  });

  it('builds a valid tree over 200,000 buildings (its speed is measured by npm run bench:convert, not here)', () => {
    const items = houses(200_000, 4, 40_000);
    const root = buildQuadtree(items);
    checkInvariants(root, items, 2000, 500_000);
  });

  it('gives every node a unique id and visits children before parents', () => {
    const root = buildQuadtree(houses(3000, 5), { maxFeatures: 100 });
    const order = nodes(root);
    expect(new Set(order.map((n) => n.id)).size).toBe(order.length);
    const position = new Map(order.map((n, i) => [n, i]));
    for (const n of order) for (const c of n.children) expect(position.get(c)!).toBeLessThan(position.get(n)!);
    expect(order.at(-1)).toBe(root);
  });
});
