/**
 * Many short strings as one UTF-8 byte run plus offsets: how the footprint
 * sidecar stores ids and function codes without a per-string header.
 */
export interface StringTable {
  /** String i is bytes[offsets[i]..offsets[i+1]); length n+1. */
  offsets: Uint32Array;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

export function encodeStrings(list: readonly string[]): StringTable {
  const offsets = new Uint32Array(list.length + 1);
  // ASCII is the common case (gml:ids, AdV codes): size it exactly and copy char codes.
  let total = 0;
  let ascii = true;
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    for (let c = 0; c < s.length && ascii; c++) if (s.charCodeAt(c) > 0x7f) ascii = false;
    total += s.length;
  }
  if (ascii) {
    const bytes = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      for (let c = 0; c < s.length; c++) bytes[at++] = s.charCodeAt(c);
      offsets[i + 1] = at;
    }
    return { offsets, bytes };
  }
  const parts = list.map((s) => encoder.encode(s));
  let size = 0;
  for (const p of parts) size += p.length;
  const bytes = new Uint8Array(size);
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    at += p.length;
    offsets[i + 1] = at;
  });
  return { offsets, bytes };
}

/** Throws TypeError on invalid UTF-8 (fatal decoder), so corrupt ids never pass silently. */
export function decodeStrings(table: StringTable): string[] {
  const { offsets, bytes } = table;
  const n = offsets.length - 1;
  const out = new Array<string>(n);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const all = decoder.decode(bytes);
  if (all.length === bytes.length) {
    // Pure ASCII: byte offsets are character offsets, one decode for all strings.
    for (let i = 0; i < n; i++) out[i] = all.slice(offsets[i], offsets[i + 1]);
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = decoder.decode(bytes.subarray(offsets[i], offsets[i + 1]));
  return out;
}
