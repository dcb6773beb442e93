import { describe, expect, it } from 'vitest';
import { decideQuota, moduleGraph, moduleReferences, OFFLINE_CACHE_PREFIX, offlineCacheName, scopeProblem, shortHash } from '../../../../src/core/council/index.js';

describe('offline cache name', () => {
  const tour = [{ id: 'a', title: 'Markt', caption: '', view: {} }];
  it('carries the library version and changes with the tour, the page and the files', () => {
    const name = offlineCacheName('0.1.0', 'https://gemeinde.de/3d/#view=x', tour, ['b', 'a']);
    expect(name).toMatch(new RegExp(`^${OFFLINE_CACHE_PREFIX}0\\.1\\.0-[0-9a-f]{8}$`));
    // the fragment and the order of files do not matter
    expect(offlineCacheName('0.1.0', 'https://gemeinde.de/3d/', tour, ['a', 'b'])).toBe(name);
    expect(offlineCacheName('0.2.0', 'https://gemeinde.de/3d/', tour, ['a', 'b'])).not.toBe(name);
    expect(offlineCacheName('0.1.0', 'https://gemeinde.de/other/', tour, ['a', 'b'])).not.toBe(name);
    expect(offlineCacheName('0.1.0', 'https://gemeinde.de/3d/', [{ ...tour[0], title: 'Rathaus' }], ['a', 'b'])).not.toBe(name);
    expect(offlineCacheName('0.1.0', 'https://gemeinde.de/3d/', tour, ['a', 'b', 'c'])).not.toBe(name);
  });
  it('keeps only safe characters of the version', () => {
    expect(offlineCacheName('1.0.0+build/7', 'https://x.de/', [], [])).toMatch(/^twinby-offline-1\.0\.0_build_7-/);
  });
  it('hashes stably', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
  });
});

describe('quota decision', () => {
  it('fits when the files and a margin fit the free space', () => {
    expect(decideQuota({ quota: 1000e6, usage: 100e6 }, 10e6)).toEqual({ ok: true, free: 900e6, askPersist: false });
  });
  it('refuses and asks for persistent storage when they do not', () => {
    const d = decideQuota({ quota: 100e6, usage: 95e6 }, 10e6);
    expect(d.ok).toBe(false);
    expect(d.free).toBe(5e6);
    expect(d.askPersist).toBe(true);
  });
  it('counts the margin: exactly the free space is too little', () => {
    expect(decideQuota({ quota: 10e6, usage: 0 }, 10e6).ok).toBe(false);
  });
  it('asks for persistent storage for large meetings even when they fit', () => {
    expect(decideQuota({ quota: 10e9, usage: 0 }, 200 * 2 ** 20)).toMatchObject({ ok: true, askPersist: true });
  });
  it('goes ahead when the browser does not say', () => {
    expect(decideQuota(null, 5e9)).toMatchObject({ ok: true, free: Infinity });
  });
});

describe('service worker scope', () => {
  it('must hold the page and the library', () => {
    expect(scopeProblem('https://g.de/a/page/index.html', 'https://g.de/a/twinby/', 'https://g.de/a/')).toBeNull();
    expect(scopeProblem('https://g.de/a/page/index.html', 'https://g.de/a/twinby/', 'https://g.de/a/twinby/')).toBe('page');
    expect(scopeProblem('https://g.de/a/page/index.html', 'https://g.de/a/twinby/', 'https://g.de/a/page/')).toBe('library');
    expect(scopeProblem('https://g.de/index.html', 'https://g.de/src/element/council/', 'https://g.de/')).toBeNull();
  });
});

describe('module references', () => {
  it('finds static imports, re-exports and module-relative files, dynamic imports apart', () => {
    const code = [
      'import{a as e,n as t}from"./twinby-lit-Cs.js";import{b}from"./twinby-core-D1.js";',
      "export { x } from '../shared/x.js';",
      'import "/node_modules/.vite/deps/lit.js?v=1";',
      'const w=new Worker(new URL(`assets/gml.worker-B.js`,import.meta.url),{type:`module`});',
      'const c=()=>import(`./twinby-three-Bl.js`);',
      'import three from "three"; const t = `${base}/x.js`; new URL(`${a}.js`, import.meta.url);',
    ].join('\n');
    const refs = moduleReferences(code, 'https://g.de/lib/twinby.js');
    expect(refs.imports.sort()).toEqual([
      'https://g.de/lib/assets/gml.worker-B.js',
      'https://g.de/lib/twinby-core-D1.js',
      'https://g.de/lib/twinby-lit-Cs.js',
      'https://g.de/node_modules/.vite/deps/lit.js?v=1',
      'https://g.de/shared/x.js',
    ]);
    expect(refs.dynamic).toEqual(['https://g.de/lib/twinby-three-Bl.js']);
  });

  it('follows the graph from the loaded scripts, within the given folders, bounded', async () => {
    const files: Record<string, string> = {
      'https://g.de/lib/twinby.js': 'import"./a.js";const w=new Worker(new URL("assets/w.js",import.meta.url));import("./lazy.js")',
      'https://g.de/lib/a.js': 'import"./b.js";import"https://cdn.example/x.js"',
      'https://g.de/lib/b.js': 'import"./a.js"',
      'https://g.de/lib/assets/w.js': 'import"./missing.js"',
    };
    const read: string[] = [];
    const fetchText = async (url: string) => {
      read.push(url);
      if (!(url in files)) throw new Error('HTTP 404');
      return files[url];
    };
    const graph = await moduleGraph(['https://g.de/lib/twinby.js', 'https://g.de/lib/data.json'], { fetchText, within: ['https://g.de/'] });
    expect(graph.urls.sort()).toEqual([
      'https://g.de/lib/a.js',
      'https://g.de/lib/assets/missing.js',
      'https://g.de/lib/assets/w.js',
      'https://g.de/lib/b.js',
      'https://g.de/lib/data.json',
      'https://g.de/lib/twinby.js',
    ]);
    // a lazy chunk the page never loaded is not fetched; nor a file of another site; nor a JSON file as a script
    expect(read).not.toContain('https://g.de/lib/lazy.js');
    expect(read).not.toContain('https://cdn.example/x.js');
    expect(read).not.toContain('https://g.de/lib/data.json');
    expect(graph.issues).toEqual([{ url: 'https://g.de/lib/assets/missing.js', message: 'HTTP 404' }]);

    const bounded = await moduleGraph(['https://g.de/lib/twinby.js'], { fetchText, within: ['https://g.de/'], maxFiles: 2 });
    expect(bounded.urls).toHaveLength(2);
    expect(bounded.issues.some((i) => /more than 2/.test(i.message))).toBe(true);
  });
});
