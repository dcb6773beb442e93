/**
 * Plan files by URL, fetched and read once per data worker: the plan layer, the spatial panel and the
 * scenario's compliance check all start from the same parsed features. Failures are not kept (the next
 * call tries again); a few plans are kept, the least recently used dropped first.
 */
import type { FeatureCollection } from '../../../src/core/formats/feature';
import { readFeatureResponse } from '../../../src/core/formats/wfs/feature-response';
import { fetchFile } from './fetch-file';

const MAX_PLANS = 4;
const plans = new Map<string, Promise<FeatureCollection>>();
let reads = 0;

async function fetchAndRead(url: string): Promise<FeatureCollection> {
  const body = await fetchFile(url, { headers: { Accept: 'application/gml+xml, application/xml, text/xml, application/geo+json' } });
  reads++;
  // plan files write short "EPSG:4326" as lon/lat (see to-wgs84.ts), unlike WFS answers
  return readFeatureResponse(body, { source: url, axisConvention: 'file' });
}

/**
 * The plan's features in WGS84. Callers share one fetch and one parse; an abort only stops the caller's
 * wait (another caller may still want the plan).
 */
export function planFeatures(url: string, signal?: AbortSignal): Promise<FeatureCollection> {
  let entry = plans.get(url);
  if (entry) plans.delete(url);
  else {
    entry = fetchAndRead(url);
    entry.catch(() => plans.get(url) === entry && plans.delete(url));
  }
  plans.set(url, entry);
  while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
  if (!signal) return entry;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    entry.then(resolve, reject);
  });
}

/** Plan files this worker has read (fetched and parsed) so far: what the data worker's stats report. */
export function planReads(): number {
  return reads;
}

/** Forgets a plan, e.g. after its file was replaced under the same URL. */
export function forgetPlan(url: string): void {
  plans.delete(url);
}
