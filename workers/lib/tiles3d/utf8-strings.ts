/**
 * UTF-8 sizes and packing for string columns (EXT_structural_metadata, footprints.bin), without a TextEncoder
 * allocation per value: a tile holds hundreds of short strings.
 */

/** Bytes TextEncoder writes for `s` (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3; // other BMP characters, and lone surrogates
  }
  return n;
}

/** The strings' UTF-8 bytes end to end, and the offset of each (length + 1 entries, the last one the total). */
export function packUtf8(values: readonly string[], encoder = new TextEncoder()): { data: Uint8Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) offsets[i + 1] = offsets[i] + utf8Length(values[i]);
  const data = new Uint8Array(offsets[values.length]);
  // One encode for the whole column. A lone high surrogate ending one value would pair with a lone low one starting
  // the next (4 bytes instead of 3 + 3): then the sizes disagree and each value is encoded on its own.
  const joined = values.join('');
  const { read, written } = encoder.encodeInto(joined, data);
  if (read !== joined.length || written !== data.length) values.forEach((v, i) => data.set(encoder.encode(v), offsets[i]));
  return { data, offsets };
}
