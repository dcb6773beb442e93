import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTilesetFiles } from '../../../../src/core/council/tileset-files.js';

const root = resolve(import.meta.dirname, '../../../..');

/** An in-memory site: path → JSON. */
function site(files: Record<string, unknown>) {
  return {
    fetchJson: async (url: string) => {
      const path = new URL(url).pathname;
      if (!(path in files)) throw new Error(`${path}: 404`);
      return files[path];
    },
  };
}

describe('listTilesetFiles', () => {
  it('lists the demo-style fixture town: its tileset and every content', async () => {
    const fetchJson = async (url: string) => JSON.parse(await readFile(resolve(root, new URL(url).pathname.slice(1)), 'utf8'));
    const { urls, issues } = await listTilesetFiles('http://x/tests/browser/fixtures/town/tileset.json', { fetchJson });
    expect(issues).toEqual([]);
    expect(urls[0]).toBe('http://x/tests/browser/fixtures/town/tileset.json');
    expect(urls.filter((u) => u.endsWith('.glb')).sort()).toEqual(['http://x/tests/browser/fixtures/town/a.glb', 'http://x/tests/browser/fixtures/town/b.glb']);
  });

  it('follows external tilesets and multiple contents, once each, and names a missing one', async () => {
    const { urls, issues } = await listTilesetFiles('http://x/t/tileset.json', site({
      '/t/tileset.json': { root: { content: { uri: 'r.glb' }, children: [{ content: { uri: 'sub/tileset.json' } }, { contents: [{ uri: 'c1.glb' }, { uri: 'r.glb' }] }, { content: { uri: 'gone.json' } }] } },
      '/t/sub/tileset.json': { root: { children: [{ content: { uri: '../r.glb' } }, { content: { uri: 'deep.b3dm?v=2' } }] } },
    }));
    expect(urls[0]).toBe('http://x/t/tileset.json');
    expect([...urls].sort()).toEqual(['http://x/t/c1.glb', 'http://x/t/r.glb', 'http://x/t/sub/deep.b3dm?v=2', 'http://x/t/sub/tileset.json', 'http://x/t/tileset.json']);
    expect(issues).toEqual([{ url: 'http://x/t/gone.json', message: '/t/gone.json: 404' }]);
  });

  it('stops at its bounds with an issue instead of hanging on a cycle or a huge tree', async () => {
    const loop = await listTilesetFiles('http://x/a.json', site({ '/a.json': { root: { content: { uri: 'b.json' } } }, '/b.json': { root: { content: { uri: 'a.json' } } } }));
    expect(loop.urls).toEqual(['http://x/a.json', 'http://x/b.json']);
    const children = Array.from({ length: 50 }, (_, i) => ({ content: { uri: `${i}.glb` } }));
    const capped = await listTilesetFiles('http://x/big.json', { ...site({ '/big.json': { root: { children } } }), maxFiles: 10 });
    expect(capped.urls).toHaveLength(10);
    expect(capped.issues[0].message).toMatch(/more than 10 files/);
  });
});
