import { afterEach, describe, expect, it, vi } from 'vitest';
import { TilesetPrefetch } from '../../src/element/tileset-prefetch.js';
import { waitFor } from './helpers.js';

const base = new URL('/tests/browser/fixtures/town/', location.href).href;

describe('tileset prefetch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fetches the tileset.json and then its root content, each handed out once', async () => {
    const seen: string[] = [];
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      seen.push(String(input));
      return realFetch(input, init);
    });
    const prefetch = new TilesetPrefetch(`${base}tileset-single.json`);
    await waitFor(() => seen.includes(`${base}a.glb`), 'root content request');
    const json = await prefetch.take(`${base}tileset-single.json`)!;
    expect((await json.json()).root.content.uri).toBe('a.glb');
    const glb = await prefetch.take(`${base}a.glb`)!;
    expect(new TextDecoder().decode((await glb.arrayBuffer()).slice(0, 4))).toBe('glTF');
    expect(prefetch.take(`${base}a.glb`)).toBeUndefined();
    expect(prefetch.take(`${base}b.glb`)).toBeUndefined();
    prefetch.dispose();
  });

  it('does not prefetch child tiles or external tilesets, and aborts what is left on dispose', async () => {
    const prefetch = new TilesetPrefetch(`${base}tileset.json`);
    const root = prefetch.take(`${base}tileset.json`);
    expect(root).toBeDefined();
    await root;
    expect(prefetch.take(`${base}a.glb`)).toBeUndefined();
    const other = new TilesetPrefetch(`${base}tileset-single.json`);
    other.dispose();
    expect(other.take(`${base}tileset-single.json`)).toBeUndefined();
  });
});
