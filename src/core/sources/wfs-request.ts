/**
 * One HTTP request to a WFS, with errors a person can read: network failures name the URL,
 * HTTP errors carry the server's ows:ExceptionReport text when there is one.
 */
import { parseXml } from '../formats/xml/xml-tree';
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

/** Decodes a body as UTF-8, or as the encoding its XML declaration names (older servers send ISO-8859-1). */
export function decodeBody(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const head = new TextDecoder('latin1').decode(view.subarray(0, 200));
  const enc = /^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']/i.exec(head)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(enc ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(view);
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
