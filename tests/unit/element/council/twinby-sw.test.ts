/**
 * The Service Worker script as shipped (src/element/council/twinby-sw.js), run in a fresh VM context with a
 * Cache Storage in memory and a network that answers what the test says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { OFFLINE_CACHE_PREFIX } from '../../../../src/core/council/index.js';

const source = readFileSync(resolve(import.meta.dirname, '../../../../src/element/council/twinby-sw.js'), 'utf8');

function startWorker(network: Record<string, string>) {
  const store = new Map<string, Map<string, Response>>();
  const caches = {
    keys: async () => [...store.keys()],
    open: async (name: string) => {
      if (!store.has(name)) store.set(name, new Map());
      const entries = store.get(name)!;
      return {
        match: async (req: Request | string) => entries.get(typeof req === 'string' ? req : req.url)?.clone(),
        put: async (req: Request | string, res: Response) => void entries.set(typeof req === 'string' ? req : req.url, res),
      };
    },
  };
  const fetched: string[] = [];
  const fetch = async (req: Request) => {
    fetched.push(req.url);
    if (!(req.url in network)) throw new TypeError('Failed to fetch');
    return new Response(network[req.url], { status: 200, headers: { 'content-type': 'image/png', 'content-encoding': 'gzip', 'content-length': '3' } });
  };
  const listeners: Record<string, (e: unknown) => void> = {};
  const self = { addEventListener: (type: string, fn: (e: unknown) => void) => (listeners[type] = fn), skipWaiting: () => {}, clients: { claim: async () => {} } };
  runInNewContext(source, { self, caches, fetch, Headers, Response, Promise, Set, console });

  const request = async (url: string, init: RequestInit = {}) => {
    let answer: Promise<Response> | null = null;
    const waits: Promise<unknown>[] = [];
    listeners.fetch({ request: new Request(url, init), respondWith: (p: Promise<Response>) => (answer = p), waitUntil: (p: Promise<unknown>) => waits.push(p) });
    if (!answer) return null;
    const res = await (answer as Promise<Response>);
    await Promise.all(waits);
    return res.text();
  };
  const message = (data: object) =>
    new Promise<Record<string, unknown>>((resolve) => {
      listeners.message({ data, ports: [{ postMessage: resolve }], waitUntil: () => {} });
    });
  const seed = async (name: string, url: string, body: string) => (await caches.open(name)).put(url, new Response(body));
  return { store, fetched, request, message, seed };
}

const cacheName = `${OFFLINE_CACHE_PREFIX}0.1.0-abcd1234`;

describe('twinby-sw.js', () => {
  it('uses the cache prefix the page uses (it cannot import it)', () => {
    expect(source).toContain(`const PREFIX = '${OFFLINE_CACHE_PREFIX}';`);
  });

  it('answers from a twinby-offline cache without the network, and ignores other caches', async () => {
    const sw = startWorker({ 'https://g.de/b.glb': 'net-b' });
    await sw.seed(cacheName, 'https://g.de/a.glb', 'cached-a');
    await sw.seed('someone-elses-cache', 'https://g.de/b.glb', 'foreign-b');
    expect(await sw.request('https://g.de/a.glb')).toBe('cached-a');
    expect(await sw.request('https://g.de/b.glb')).toBe('net-b');
    expect(sw.fetched).toEqual(['https://g.de/b.glb']);
  });

  it('stores nothing unless recording; while recording it stores good answers and reports files and bytes', async () => {
    const sw = startWorker({ 'https://g.de/t/1.png': 'tile-1', 'https://g.de/t/2.png': 'tile-22' });
    await sw.request('https://g.de/t/1.png');
    expect(sw.store.size).toBe(0);
    expect(await sw.message({ type: 'twinby-record', cache: cacheName })).toEqual({ ok: true });
    expect(await sw.request('https://g.de/t/2.png')).toBe('tile-22');
    expect(await sw.message({ type: 'twinby-record-stop' })).toEqual({ ok: true, files: 1, bytes: 7 });
    expect([...sw.store.get(cacheName)!.keys()]).toEqual(['https://g.de/t/2.png']);
    // stored decoded: the network's encoding and length go, the type stays
    const stored = sw.store.get(cacheName)!.get('https://g.de/t/2.png')!;
    expect([stored.headers.get('content-type'), stored.headers.get('content-encoding'), stored.headers.get('content-length')]).toEqual(['image/png', null, null]);
    // recorded means served offline afterwards
    sw.fetched.length = 0;
    expect(await sw.request('https://g.de/t/2.png')).toBe('tile-22');
    expect(sw.fetched).toEqual([]);
  });

  it('records only into twinby-offline caches', async () => {
    const sw = startWorker({ 'https://g.de/x': 'x' });
    expect(await sw.message({ type: 'twinby-record', cache: 'other' })).toEqual({ ok: false });
    await sw.request('https://g.de/x');
    expect(sw.store.size).toBe(0);
  });

  it('lets the preparation fetch fresh files past the cache (cache: no-store)', async () => {
    const sw = startWorker({ 'https://g.de/tileset.json': 'new' });
    await sw.seed(cacheName, 'https://g.de/tileset.json', 'old');
    expect(await sw.request('https://g.de/tileset.json', { cache: 'no-store' })).toBe('new');
    expect(await sw.request('https://g.de/tileset.json')).toBe('old');
  });

  it('leaves non-GET requests alone', async () => {
    const sw = startWorker({});
    expect(await sw.request('https://g.de/wfs', { method: 'POST', body: 'x' })).toBeNull();
  });

  it('a miss without network fails as the network would (the page sees the error)', async () => {
    const sw = startWorker({});
    await expect(sw.request('https://g.de/missing.glb')).rejects.toThrow(/Failed to fetch/);
  });
});
