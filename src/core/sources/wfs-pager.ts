/**
 * All pages of one GetFeature query: COUNT/STARTINDEX (2.0.0) or MAXFEATURES/STARTINDEX (1.1.0),
 * following the server's `next` link when it points back to the same service. Stops when a page
 * is empty, when numberMatched is reached, or when a server that ignores STARTINDEX repeats itself.
 */
import type { Feature, FeatureCollection } from '../formats/feature';
import type { WfsCapabilities } from '../formats/wfs/capabilities';
import { getFeatureUrl, type Bbox } from '../formats/wfs/get-feature';
import { wfsGet, type FetchLike } from './wfs-request';

export interface ParseRequest {
  /** Response body; a worker-backed parser takes it transferred. */
  body: ArrayBuffer;
  source: string;
  srsName?: string;
  typeName?: string;
}

export type ParseFn = (request: ParseRequest, signal?: AbortSignal) => Promise<FeatureCollection>;

export interface PageQuery {
  url: string;
  caps: WfsCapabilities;
  typeName: string;
  srsName: string | undefined;
  outputFormat: string;
  bbox?: Bbox;
  pageSize: number;
  /** Upper bound over all pages. */
  maxFeatures: number;
}

export interface Page {
  /** Features not seen on an earlier page. */
  features: Feature[];
  numberMatched: number | null;
  url: string;
  warnings: string[];
}

function sameService(a: string, b: string): boolean {
  try {
    const x = new URL(a), y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

export async function* pages(q: PageQuery, fetchFn: FetchLike, parse: ParseFn, signal?: AbortSignal): AsyncGenerator<Page> {
  const paging = q.caps.version === '1.1.0' || q.caps.implementsResultPaging;
  const pageSize = Math.max(1, Math.min(q.pageSize, q.caps.maxFeatures ?? Infinity, q.maxFeatures));
  const request = (startIndex: number | undefined) =>
    getFeatureUrl({
      url: q.url,
      version: q.caps.version,
      typeNames: [q.typeName],
      srsName: q.srsName,
      bbox: q.bbox,
      count: paging ? pageSize : Math.min(q.maxFeatures, q.caps.maxFeatures ?? q.maxFeatures),
      startIndex,
      outputFormat: q.outputFormat,
    });
  const seen = new Set<string>();
  let startIndex = 0;
  let total = 0;
  let url = request(paging ? 0 : undefined);
  for (;;) {
    const body = await wfsGet(fetchFn, url, signal);
    const fc = await parse({ body, source: url, srsName: q.srsName, typeName: q.typeName }, signal);
    const n = fc.features.length;
    const fresh = fc.features.filter((f) => f.id === null || !seen.has(f.id));
    for (const f of fresh) if (f.id !== null) seen.add(f.id);
    const warnings = [...fc.warnings];
    const repeated = n > 0 && fresh.length === 0;
    if (repeated) warnings.push(`${url}: the server returned the same features again (it ignores STARTINDEX); paging stopped`);
    yield { features: fresh, numberMatched: fc.numberMatched, url, warnings };
    total += n;
    const more =
      paging && n > 0 && !repeated && total < q.maxFeatures &&
      (fc.numberMatched !== null ? startIndex + n < fc.numberMatched : fc.next !== null || n >= pageSize);
    if (!more) return;
    startIndex += n;
    url = fc.next && sameService(fc.next, q.url) ? fc.next : request(startIndex);
  }
}
