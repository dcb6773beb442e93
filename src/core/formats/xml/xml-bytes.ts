/**
 * Bytes of a response or file → text, with the encoding detection the CityGML reader's streaming decoder
 * (workers/lib/citygml/xml-decode.ts) shares: byte-order mark, UTF-16 recognised without one (an ASCII "<" or "{" with a zero byte
 * beside it), then the XML declaration, else UTF-8. Bytes that are not valid UTF-8 are nearly always
 * Windows-1252 (Latin-1) text: they are read that way, with a warning, instead of turning into U+FFFD.
 */
export interface DecodedText {
  text: string;
  /** Set when the declared or assumed encoding did not fit the bytes. */
  warning?: string;
  encoding: string;
}

/** The encoding the bytes show: a byte-order mark, or UTF-16 without one; null when they show none. */
export function sniffEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // no BOM: the first character is ASCII ("<", "{", whitespace), so one of its two bytes is zero
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'utf-16le';
  if (b.length >= 4 && b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return 'utf-16be';
  return null;
}

/** The encoding="…" of the XML declaration as written (trimmed), or null. */
export function declaredEncoding(b: Uint8Array): string | null {
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  let head = '';
  for (let i = 0; i < Math.min(b.length, 200); i++) head += String.fromCharCode(b[i]);
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1].trim() ?? null;
}

/** A well-formed encoding name (XML 1.0 EncName, loosely). */
export const isEncodingName = (label: string): boolean => /^[A-Za-z][\w.:-]*$/.test(label);

export function decodeXmlBytes(bytes: ArrayBuffer | Uint8Array, source = 'input'): DecodedText {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const sniffed = sniffEncoding(b);
  const label = sniffed ?? declaredEncoding(b) ?? 'utf-8';
  let decoder: TextDecoder;
  let warning: string | undefined;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    warning = `${source}: unknown character encoding "${label}"; read as UTF-8`;
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    return { text: decoder.decode(b), warning, encoding: decoder.encoding };
  } catch {
    if (decoder.encoding !== 'utf-8') {
      return { text: new TextDecoder(decoder.encoding).decode(b), warning: `${source}: bytes that are not valid ${decoder.encoding} were replaced`, encoding: decoder.encoding };
    }
    const at = firstInvalidUtf8(b);
    return {
      text: new TextDecoder('windows-1252').decode(b),
      warning: `${source}: not valid UTF-8 (byte ${at}${!sniffed && declaredEncoding(b) ? ', although declared UTF-8' : ''}); read as Windows-1252`,
      encoding: 'windows-1252',
    };
  }
}

/** Offset of the first byte that breaks UTF-8 (0-based). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
