/**
 * A whole file fetched by the data worker (a plan, a footprint sidecar), with errors that name the URL:
 * comlink keeps only an error's message, so the status travels in it.
 */

/** An HTTP failure. */
export class FileFetchError extends Error {
  override name = 'FileFetchError';
  constructor(
    readonly url: string,
    readonly status: number,
    statusText: string,
  ) {
    super(`${url}: HTTP ${status}${statusText ? ` ${statusText}` : ''}`);
  }
}

export async function fetchFile(url: string, init: RequestInit = {}): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    throw new Error(`${url}: not reachable (${(err as Error).message})`);
  }
  if (!response.ok) throw new FileFetchError(url, response.status, response.statusText);
  try {
    return await response.arrayBuffer();
  } catch (err) {
    throw new Error(`${url}: the download broke off (${(err as Error).message})`);
  }
}
