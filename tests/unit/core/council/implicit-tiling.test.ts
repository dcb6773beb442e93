import { describe, expect, it } from 'vitest';
import { fillTemplate, fromMorton, listTilesetFiles, walkImplicit } from '../../../../src/core/council/index.js';

/** A binary subtree file: "subt", version 1, JSON and binary chunk lengths, JSON padded to 8 bytes, binary. */
function binarySubtree(json: object, bin: number[]): ArrayBuffer {
  let text = JSON.stringify(json);
  while (text.length % 8) text += ' ';
  const out = new Uint8Array(24 + text.length + bin.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('subt'), 0);
  view.setUint32(4, 1, true);
  view.setBigUint64(8, BigInt(text.length), true);
  view.setBigUint64(16, BigInt(bin.length), true);
  out.set(new TextEncoder().encode(text), 24);
  out.set(bin, 24 + text.length);
  return out.buffer;
}

const base = 'https://g.de/3d/tileset.json';
// root subtree (level 0): tiles 0 (root), level-1 Morton 0 and 3; content on the two level-1 tiles;
// one child subtree at level-2 Morton 5 = (x 3, y 0)
const rootSubtree = binarySubtree(
  {
    buffers: [{ byteLength: 8 }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: 1 },
      { buffer: 0, byteOffset: 1, byteLength: 1 },
      { buffer: 0, byteOffset: 2, byteLength: 2 },
    ],
    tileAvailability: { bitstream: 0, availableCount: 3 },
    contentAvailability: [{ bitstream: 1, availableCount: 2 }],
    childSubtreeAvailability: { bitstream: 2, availableCount: 1 },
  },
  [0b0001_0011, 0b0001_0010, 0b0010_0000, 0, 0, 0, 0, 0],
);
// the child subtree as JSON: everything available
const childSubtree = new TextEncoder().encode(JSON.stringify({ tileAvailability: { constant: 1 }, contentAvailability: [{ constant: 1 }], childSubtreeAvailability: { constant: 0 } })).buffer;

const files: Record<string, ArrayBuffer> = {
  'https://g.de/3d/subtrees/0/0/0.subtree': rootSubtree,
  'https://g.de/3d/subtrees/2/3/0.subtree': childSubtree,
};
const tiling = { subdivisionScheme: 'QUADTREE', subtreeLevels: 2, availableLevels: 4, subtrees: { uri: 'subtrees/{level}/{x}/{y}.subtree' } };

async function fetchBinary(url: string): Promise<ArrayBuffer> {
  if (!(url in files)) throw new Error('HTTP 404');
  return files[url];
}

describe('implicit tiling', () => {
  it('decodes Morton indices and fills templates', () => {
    expect(fromMorton(5, 2)).toEqual([3, 0]);
    expect(fromMorton(3, 2)).toEqual([1, 1]);
    expect(fromMorton(7, 3)).toEqual([1, 1, 1]);
    expect(fromMorton(2 ** 40, 2)).toEqual([2 ** 20, 0]);
    expect(fillTemplate('c/{level}/{z}/{x}/{y}.glb', 3, [6, 1, 2])).toBe('c/3/2/6/1.glb');
  });

  it('lists every subtree and every available content, binary and JSON subtrees alike', async () => {
    const urls: string[] = [];
    const issues = await walkImplicit(base, tiling, ['content/{level}/{x}/{y}.glb'], { fetchBinary, add: (u) => (urls.push(u), true) });
    expect(issues).toEqual([]);
    expect(urls.map((u) => u.slice('https://g.de/3d/'.length))).toEqual([
      'subtrees/0/0/0.subtree',
      'content/1/0/0.glb',
      'content/1/1/1.glb',
      'subtrees/2/3/0.subtree',
      'content/2/3/0.glb',
      'content/3/6/0.glb',
      'content/3/7/0.glb',
      'content/3/6/1.glb',
      'content/3/7/1.glb',
    ]);
  });

  it('stops at the subtree bound and reports a subtree it cannot read, keeping the rest', async () => {
    const urls: string[] = [];
    const bounded = await walkImplicit(base, tiling, ['content/{level}/{x}/{y}.glb'], { fetchBinary, add: (u) => (urls.push(u), true), maxSubtrees: 1 });
    expect(bounded).toEqual([{ url: base, message: 'more than 1 subtrees; the rest are left out' }]);
    expect(urls).toHaveLength(3);
    const missing = await walkImplicit(base, tiling, ['content/{level}/{x}/{y}.glb'], {
      fetchBinary: (u) => (u.includes('/2/3/0') ? Promise.reject(new Error('HTTP 404')) : fetchBinary(u)),
      add: () => true,
    });
    expect(missing).toEqual([{ url: 'https://g.de/3d/subtrees/2/3/0.subtree', message: 'HTTP 404' }]);
  });

  it('refuses subtrees too large to read and broken subtree files, with the file named', async () => {
    expect(await walkImplicit(base, { ...tiling, subdivisionScheme: 'OCTREE', subtreeLevels: 9 }, [], { fetchBinary, add: () => true })).toEqual([
      { url: base, message: 'subtrees of 9 levels hold 19173961 tiles, more than 4000000; not walked' },
    ]);
    const broken = await walkImplicit(base, tiling, [], { fetchBinary: async () => new Uint8Array([1, 2, 3]).buffer, add: () => true });
    expect(broken[0].message).toMatch(/subtrees\/0\/0\/0\.subtree: neither a binary subtree/);
    const truncated = await walkImplicit(base, tiling, [], { fetchBinary: async () => rootSubtree.slice(0, 40), add: () => true });
    expect(truncated[0].message).toMatch(/subtree header says \d+ bytes, the file has 40/);
  });

  it('is walked from tileset.json by listTilesetFiles when it may read binary files', async () => {
    const tileset = { asset: { version: '1.1' }, root: { boundingVolume: {}, geometricError: 10, content: { uri: 'content/{level}/{x}/{y}.glb' }, implicitTiling: tiling } };
    const fetchJson = async () => tileset;
    const walked = await listTilesetFiles(base, { fetchJson, fetchBinary });
    expect(walked.issues).toEqual([]);
    expect(walked.urls).toHaveLength(10);
    expect(walked.urls).toContain('https://g.de/3d/content/3/7/1.glb');
    const unwalked = await listTilesetFiles(base, { fetchJson });
    expect(unwalked.urls).toEqual([base]);
    expect(unwalked.issues[0].message).toMatch(/implicit tiling/);
  });
});
