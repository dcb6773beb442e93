/**
 * JSON ↔ a URL-fragment-safe string: UTF-8, deflate-raw (CompressionStream, in browsers and Node ≥ 18),
 * base64url without padding. Reusable for any state that travels in a link.
 */

export async function encodeJsonFragment(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** Throws a readable Error when the text is not base64url, not deflate-raw or not JSON. */
export async function decodeJsonFragment(text: string, maxBytes = 16 * 1024 * 1024): Promise<unknown> {
  const bytes = fromBase64Url(text);
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), maxBytes);
  } catch (err) {
    throw new Error(`the link's data is damaged (${(err as Error).message}); was it cut off when copied?`);
  }
  try {
    return JSON.parse(new TextDecoder().decode(inflated));
  } catch {
    throw new Error("the link's data is not JSON; was it cut off when copied?");
  }
}

/** Runs bytes through a transform stream; stops past maxBytes of output (a zip bomb in a link). */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  void writer.close().catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`more than ${maxBytes} bytes when unpacked`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = ALPHABET.indexOf(clean[i]);
    if (v < 0) throw new Error(`the link's data has a character that does not belong there ("${clean[i]}" at ${i + 1})`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}
