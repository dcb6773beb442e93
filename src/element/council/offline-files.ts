/** Small helpers of the offline preparation: progress, a bounded pool, the stored tour's key, waiting for quiet. */

export interface OfflineProgress {
  /** list: walking tilesets and scripts; measure: asking sizes; download: caching; tour: flying and recording. */
  phase: 'list' | 'measure' | 'download' | 'tour' | 'done';
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** Runs `job` over `items`, at most `limit` at a time; the first thrown error stops the pool and rejects. */
export async function runPool<T>(items: readonly T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await job(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Reads a tileset for the walk; fresh from the network (a cached copy may be an older preparation's). */
export async function offlineFetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/** Reads a subtree (binary) for the walk. */
export async function offlineFetchBinary(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** The cache key under which a page's prepared tour is kept (never requested from a server). */
export function tourKey(page: string): string {
  const u = new URL(page);
  return new URL(`/__twinby-offline/tour.json?page=${encodeURIComponent(u.pathname + u.search)}`, u.origin).href;
}

/**
 * Resolves once no resource finished loading for `quietMs` (at most after `maxMs`): the tiles a stop needs
 * have arrived. Bounded, so a stop whose tiles keep failing cannot hold the preparation.
 */
export function networkQuiet(quietMs = 800, maxMs = 20_000): Promise<void> {
  return new Promise((resolve) => {
    let last = performance.now();
    const observer = new PerformanceObserver(() => (last = performance.now()));
    observer.observe({ type: 'resource', buffered: false });
    const started = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last >= quietMs || now - started >= maxMs) {
        observer.disconnect();
        resolve();
      } else setTimeout(tick, 100);
    };
    setTimeout(tick, quietMs);
  });
}
