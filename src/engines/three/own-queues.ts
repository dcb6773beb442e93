/**
 * 3d-tiles-renderer gives every TilesRenderer of a page one shared LRU cache and shared download, parse and node
 * queues. Two viewers on one page then disturbed each other: each set the shared cache's size to its own budget, the
 * cache compared tiles by frame counters that differ from viewer to viewer, and a viewer's "loading" read the other's
 * queues. A page with two viewers of the same town (examples/embed.html) left one of them loading at 99 % in two of
 * three tries of one CI run. Each viewer gets its own cache and queues, set up as the library's shared ones (its
 * priorities, its job limits); the layers of one viewer share them, so its cache budget stays one budget.
 */
import {
  DEFAULT_DOWNLOAD_QUEUE,
  DEFAULT_LRU_CACHE,
  DEFAULT_NODE_QUEUE,
  DEFAULT_PARSE_QUEUE,
  DownloadPriorityQueue,
  LRUCache,
  PriorityQueue,
  type TilesRenderer,
} from '3d-tiles-renderer';

export interface CacheAndQueues {
  lruCache: LRUCache;
  downloadQueue: DownloadPriorityQueue;
  parseQueue: PriorityQueue;
  processNodeQueue: PriorityQueue;
}

/** One viewer's cache (of `cacheBytes`, evicting down to three quarters of it) and queues. */
export function createCacheAndQueues(cacheBytes: number): CacheAndQueues {
  const lruCache = new LRUCache();
  lruCache.unloadPriorityCallback = DEFAULT_LRU_CACHE.unloadPriorityCallback;
  lruCache.maxBytesSize = cacheBytes;
  lruCache.minBytesSize = Math.floor(cacheBytes * 0.75);
  const downloadQueue = new DownloadPriorityQueue();
  downloadQueue.maxJobsPerOrigin = DEFAULT_DOWNLOAD_QUEUE.maxJobsPerOrigin;
  downloadQueue.priorityCallback = DEFAULT_DOWNLOAD_QUEUE.priorityCallback;
  return { lruCache, downloadQueue, parseQueue: queueLike(DEFAULT_PARSE_QUEUE), processNodeQueue: queueLike(DEFAULT_NODE_QUEUE) };
}

/** Before the renderer's first update: they cannot be replaced after it. */
export function useCacheAndQueues(tiles: TilesRenderer, set: CacheAndQueues): void {
  tiles.lruCache = set.lruCache;
  tiles.downloadQueue = set.downloadQueue;
  tiles.parseQueue = set.parseQueue;
  tiles.processNodeQueue = set.processNodeQueue;
}

function queueLike(shared: PriorityQueue): PriorityQueue {
  const queue = new PriorityQueue();
  queue.maxJobs = shared.maxJobs;
  queue.priorityCallback = shared.priorityCallback;
  return queue;
}
