/**
 * "Für die Sitzung vorbereiten": registers TwinBy's Service Worker (twinby-sw.js, beside the library's chunks)
 * and fills a versioned Cache Storage cache with what the meeting needs: the page, every script it loaded and
 * their static imports and worker files, every file of the tilesets on the page (tileset.json, external
 * tilesets, subtrees, contents), the files the layer elements name (plan, scenario, footprints, base map
 * capabilities), and whatever flying the tour requests (base map tiles, WFS answers), recorded by the worker.
 * Sizes are asked first (HEAD) and checked against navigator.storage.estimate(); files of any size are kept.
 */
import { decideQuota, listTilesetFiles, moduleGraph, OFFLINE_CACHE_PREFIX, offlineCacheName, scopeProblem, type Viewpoint } from '../../core/council/index.js';
import { version } from '../../../package.json';
import { offlineFetchBinary, offlineFetchJson, runPool, tourKey, type OfflineProgress } from './offline-files.js';

/** The Service Worker's file name; the build puts it next to the chunk holding this module. */
const SW_FILE = 'twinby-sw.js';
/** Not written as new URL('…', import.meta.url): the build would turn a literal there into an inlined asset. */
const moduleUrl = import.meta.url;

export class OfflineError extends Error {
  constructor(
    message: string,
    readonly reason: 'unsupported' | 'insecure' | 'scope' | 'quota' | 'network',
    readonly detail: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'OfflineError';
  }
}

export interface PrepareOptions {
  /** The Service Worker script (default: twinby-sw.js beside the library). */
  swUrl?: string;
  /** Its scope (default: the script's folder); must hold the page and the library folder. */
  swScope?: string;
  tour: readonly Viewpoint[];
  title?: string;
  /** URLs of the tilesets on the page (walked whole). */
  tilesets: readonly string[];
  /** Further files named by the page's elements (plan, scenario, footprints …). */
  files: readonly string[];
  /** Files computed on the way (base map tiles around the stops); runs before the page's scripts are listed. */
  moreFiles?(): Promise<{ urls: string[]; issues: PrepareResult['issues'] }>;
  /** Flies the tour; the worker records what it requests meanwhile. */
  flyTour(): Promise<void>;
  onProgress(progress: OfflineProgress): void;
}

export interface PrepareResult {
  cache: string;
  files: number;
  bytes: number;
  /** Files that could not be listed or fetched (the meeting may miss them). */
  issues: Array<{ url: string; message: string }>;
  persisted: boolean;
}

export function libraryFolder(): string {
  return new URL('.', moduleUrl).href;
}

function resolveSw(options: { swUrl?: string; swScope?: string }): { script: string; scope: string } {
  const script = new URL(options.swUrl ?? new URL(SW_FILE, moduleUrl).href, document.baseURI).href;
  const scope = new URL(options.swScope ?? '.', options.swScope ? document.baseURI : script).href;
  return { script, scope };
}

/** Registers the worker and resolves when it controls this page. */
async function installWorker(script: string, scope: string): Promise<ServiceWorker> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') throw new OfflineError('no Service Worker or Cache Storage in this browser', 'unsupported');
  if (!isSecureContext) throw new OfflineError(`${location.origin} is not a secure origin (https or localhost)`, 'insecure');
  const problem = scopeProblem(location.href, libraryFolder(), scope);
  if (problem) throw new OfflineError(`scope ${scope} does not hold the ${problem === 'page' ? `page ${location.href}` : `library ${libraryFolder()}`}`, 'scope', { scope });
  const controlled = new Promise<void>((resolve) => {
    if (navigator.serviceWorker.controller?.scriptURL === script) resolve();
    else navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
  try {
    await navigator.serviceWorker.register(script, { scope });
  } catch (err) {
    throw new OfflineError(`${script}: ${(err as Error).message}`, 'scope', { scope });
  }
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new OfflineError(`${script} did not take control of the page within 60 s`, 'unsupported')), 60_000);
  });
  await Promise.race([controlled, timeout]).finally(() => clearTimeout(timer));
  return navigator.serviceWorker.controller!;
}

function ask(worker: ServiceWorker, message: object): Promise<{ files?: number; bytes?: number }> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve({}), 60_000);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(e.data ?? {});
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** The page and every script it loaded, with their imports and worker files. */
async function scriptFiles(issues: PrepareResult['issues']): Promise<string[]> {
  const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /^https?:/.test(u));
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src);
  const graph = await moduleGraph([...scripts, ...loaded], {
    within: [location.origin + '/', libraryFolder()],
    fetchText: async (url) => {
      const res = await fetch(url, { cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.text();
    },
  });
  issues.push(...graph.issues);
  return [location.href.replace(/#.*$/, ''), ...loaded, ...graph.urls];
}

async function sizes(urls: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await runPool(urls, 6, async (url) => {
    const res = await fetch(url, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
    const n = Number(res?.ok ? res.headers.get('content-length') : NaN);
    out.set(url, Number.isFinite(n) ? n : 0);
  });
  return out;
}

export async function prepareOffline(options: PrepareOptions): Promise<PrepareResult> {
  const { script, scope } = resolveSw(options);
  const worker = await installWorker(script, scope);
  const issues: PrepareResult['issues'] = [];
  const progress: OfflineProgress = { phase: 'list', files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 };
  options.onProgress({ ...progress });

  const lists = await Promise.all(options.tilesets.map((t) => listTilesetFiles(t, { fetchJson: offlineFetchJson, fetchBinary: offlineFetchBinary })));
  for (const l of lists) issues.push(...l.issues);
  const more = (await options.moreFiles?.()) ?? { urls: [], issues: [] };
  issues.push(...more.issues);
  const urls = [...new Set([...(await scriptFiles(issues)), ...options.files.map((f) => new URL(f, document.baseURI).href), ...lists.flatMap((l) => l.urls), ...more.urls])];

  progress.phase = 'measure';
  progress.totalFiles = urls.length;
  options.onProgress({ ...progress });
  const known = await sizes(urls);
  progress.totalBytes = [...known.values()].reduce((a, b) => a + b, 0);
  const decision = decideQuota(navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null, progress.totalBytes);
  const persisted = decision.askPersist && navigator.storage?.persist ? await navigator.storage.persist().catch(() => false) : false;
  if (!decision.ok) throw new OfflineError(`needs ${progress.totalBytes} bytes, the browser allows ${decision.free}`, 'quota', { needed: progress.totalBytes, free: decision.free });

  const cacheName = offlineCacheName(version, location.href, options.tour, urls);
  await caches.delete(cacheName);
  const cache = await caches.open(cacheName);
  progress.phase = 'download';
  options.onProgress({ ...progress });
  await runPool(urls, 4, async (url) => {
    try {
      const res = await fetch(url, { cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = await res.arrayBuffer();
      // decoded: the network's length and encoding no longer describe the body
      const headers = new Headers(res.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      await cache.put(url, new Response(body, { status: 200, statusText: res.statusText, headers }));
      progress.bytes += body.byteLength;
    } catch (err) {
      if ((err as Error).name === 'QuotaExceededError') throw new OfflineError(`the browser's storage is full after ${progress.bytes} bytes`, 'quota', { needed: progress.totalBytes, free: decision.free });
      issues.push({ url, message: (err as Error).message });
    }
    progress.files++;
    options.onProgress({ ...progress });
  });

  // the flights: what they request beyond the lists (base map tiles, WFS answers) goes into the cache too
  progress.phase = 'tour';
  options.onProgress({ ...progress });
  await ask(worker, { type: 'twinby-record', cache: cacheName });
  try {
    await options.flyTour();
  } finally {
    const recorded = await ask(worker, { type: 'twinby-record-stop' });
    progress.files += recorded.files ?? 0;
    progress.bytes += recorded.bytes ?? 0;
  }
  const key = tourKey(location.href);
  await cache.put(key, new Response(JSON.stringify({ format: 'twinby-presentation', version: 1, title: options.title, viewpoints: options.tour }), { headers: { 'content-type': 'application/json' } }));
  // an older preparation of this page goes only now that the new one is complete
  for (const name of await caches.keys()) {
    if (name !== cacheName && name.startsWith(OFFLINE_CACHE_PREFIX) && (await (await caches.open(name)).match(key))) await caches.delete(name);
  }
  progress.phase = 'done';
  options.onProgress({ ...progress });
  return { cache: cacheName, files: progress.files, bytes: progress.bytes, issues, persisted };
}

/** Removes this page's prepared meeting; the worker goes too when no prepared meeting is left. */
export async function clearOffline(options: { swUrl?: string; swScope?: string } = {}): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const key = tourKey(location.href);
  let removed = 0;
  for (const name of await caches.keys()) {
    if (name.startsWith(OFFLINE_CACHE_PREFIX) && (await (await caches.open(name)).match(key))) removed += (await caches.delete(name)) ? 1 : 0;
  }
  if (!(await caches.keys()).some((n) => n.startsWith(OFFLINE_CACHE_PREFIX)) && 'serviceWorker' in navigator) {
    const reg = await navigator.serviceWorker.getRegistration(resolveSw(options).scope);
    await reg?.unregister();
  }
  return removed;
}

/** The tour stored by the last preparation of this page, or null. */
export async function storedTour(): Promise<unknown> {
  if (typeof caches === 'undefined') return null;
  const hit = await caches.match(tourKey(location.href)).catch(() => undefined);
  return hit ? hit.json().catch(() => null) : null;
}
