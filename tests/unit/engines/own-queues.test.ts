// Each viewer has its own tile cache and queues, shared by its layers (src/engines/three/own-queues.ts): with the
// library's page-wide ones, two viewers on one page set each other's cache budget and read each other's loading.
import { DEFAULT_DOWNLOAD_QUEUE, DEFAULT_LRU_CACHE, DEFAULT_NODE_QUEUE, DEFAULT_PARSE_QUEUE, TilesRenderer } from '3d-tiles-renderer';
import { describe, expect, it } from 'vitest';
import { createCacheAndQueues, useCacheAndQueues } from '../../../src/engines/three/own-queues';

describe('a viewer’s tile cache and queues', () => {
  it('are its own, set up as the library’s shared ones, so one viewer’s budget and loading are not another’s', () => {
    const a = new TilesRenderer('https://example.invalid/a/tileset.json');
    const b = new TilesRenderer('https://example.invalid/b/tileset.json');
    const c = new TilesRenderer('https://example.invalid/c/tileset.json');
    // what the library does by default: one cache and one set of queues for every renderer of the page
    expect(a.lruCache).toBe(b.lruCache);
    expect(a.downloadQueue).toBe(b.downloadQueue);
    const first = createCacheAndQueues(64 * 2 ** 20);
    const second = createCacheAndQueues(512 * 2 ** 20);
    useCacheAndQueues(a, first);
    useCacheAndQueues(c, first); // a second layer of the first viewer
    useCacheAndQueues(b, second);
    for (const key of ['lruCache', 'downloadQueue', 'parseQueue', 'processNodeQueue'] as const) {
      expect(a[key], key).not.toBe(b[key]);
      expect(a[key], key).toBe(c[key]);
      expect([DEFAULT_LRU_CACHE, DEFAULT_DOWNLOAD_QUEUE, DEFAULT_PARSE_QUEUE, DEFAULT_NODE_QUEUE]).not.toContain(a[key]);
    }
    expect(a.lruCache.unloadPriorityCallback).toBe(DEFAULT_LRU_CACHE.unloadPriorityCallback);
    expect(a.downloadQueue.priorityCallback).toBe(DEFAULT_DOWNLOAD_QUEUE.priorityCallback);
    expect(a.downloadQueue.maxJobsPerOrigin).toBe(DEFAULT_DOWNLOAD_QUEUE.maxJobsPerOrigin);
    expect(a.parseQueue.maxJobs).toBe(DEFAULT_PARSE_QUEUE.maxJobs);
    expect(a.processNodeQueue.priorityCallback).toBe(DEFAULT_NODE_QUEUE.priorityCallback);
    // each viewer keeps its own budget
    expect(a.lruCache.maxBytesSize).toBe(64 * 2 ** 20);
    expect(a.lruCache.minBytesSize).toBe(48 * 2 ** 20);
    expect(b.lruCache.maxBytesSize).toBe(512 * 2 ** 20);
    // and one viewer's work in its queues is not the other's
    a.parseQueue.autoUpdate = false; // no animation frames in Node
    a.parseQueue.add({}, () => new Promise(() => {}));
    expect(a.parseQueue.running).toBe(true);
    expect(b.parseQueue.running).toBe(false);
    for (const t of [a, b, c]) t.dispose();
  });
});
