/**
 * One HTTP request to a WFS, with errors a person can read: network failures name the URL,
 * HTTP errors carry the server's ows:ExceptionReport text when there is one.
 */
import { parseXml } from '../formats/xml/xml-tree';
import { decodeXmlBytes } from '../formats/xml/xml-bytes';
import { isExceptionReport, readExceptionReport } from '../formats/wfs/ows-exception';

export class WfsRequestError extends Error {
  override name = 'WfsRequestError';
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** Decodes a body: BOM, UTF-16 without BOM, the XML declaration, else UTF-8 (Windows-1252 when it is not). */
export function decodeBody(bytes: ArrayBuffer | Uint8Array): string {
  return decodeXmlBytes(bytes).text;
}

/** The exception text of an error body, or null when it is not an exception report. */
function exceptionMessage(body: string): string | null {
  if (!/ExceptionReport/.test(body.slice(0, 2000))) return null;
  try {
    const root = parseXml(body);
    return isExceptionReport(root) ? readExceptionReport(root).message : null;
  } catch {
    return null;
  }
}

/** GET `url`; resolves with the body bytes. Aborts reject with the signal's reason (an AbortError). */
export async function wfsGet(fetchFn: FetchLike, url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal });
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err;
    const why = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new WfsRequestError(`WFS not reachable (${why}): ${url}`, url, null);
  }
  const body = await res.arrayBuffer();
  if (!res.ok) {
    const text = decodeBody(body);
    const ows = exceptionMessage(text);
    const detail = ows ?? (text.trim().slice(0, 200) || res.statusText);
    throw new WfsRequestError(`${ows ? '' : `WFS answered HTTP ${res.status}: `}${detail} (HTTP ${res.status}, ${url})`, url, res.status);
  }
  return body;
}
