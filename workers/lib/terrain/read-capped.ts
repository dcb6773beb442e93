import { DgmError } from './read-dgm';

/** Fetches a file whole, refusing it (before or while reading) once it passes `cap` bytes. `accept` names what it should be. */
export async function readCapped(fetchFn: typeof fetch, url: string, file: string, cap: number, accept = { types: 'image/tiff, application/octet-stream', name: 'a GeoTIFF' }): Promise<ArrayBuffer> {
  let response: Response;
  try {
    // naming the types (no wildcard) keeps dev servers with an SPA fallback from answering a missing file with index.html
    response = await fetchFn(url, { headers: { Accept: accept.types } });
  } catch (error) {
    throw new DgmError(`${file}: cannot be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw Object.assign(new DgmError(`${file}: HTTP ${response.status}`), { status: response.status });
  const type = response.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) throw new DgmError(`${file}: the server answered with a web page (${type}), not ${accept.name}`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > cap) throw new DgmError(`${file}: ${declared} bytes, more than the ${cap} a terrain file may have`);
  if (!response.body) return response.arrayBuffer();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw new DgmError(`${file}: more than the ${cap} bytes a terrain file may have`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}
