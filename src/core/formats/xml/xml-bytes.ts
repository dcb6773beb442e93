/**
 * Bytes → text for every XML reader, with one encoding detection (XML 1.0 Appendix F): the byte-order mark,
 * UTF-16 recognised without one (an ASCII "<" or "{" with a zero byte beside it), then the XML declaration,
 * else UTF-8. Bytes that do not fit the encoding are handled by who reads them:
 * - a whole response or file (WFS, XPlanung, {@link decodeXmlBytes}): bytes that are not valid UTF-8 are nearly
 *   always Windows-1252 (Latin-1) text, so the text is read that way, with a warning, instead of turning into U+FFFD;
 * - a stream of any size (CityGML, {@link XmlDecoder}): decoded chunk by chunk (a character split
 *   across chunks is never damaged); from a bad byte on, U+FFFD replaces what does not fit, said once.
 */
import { XmlReadError } from './xml-error';
import type { XmlFailure } from './xml-tokenizer';

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
  const head = String.fromCharCode(...b.subarray(0, 200));
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1].trim() ?? null;
}

const locatedError: XmlFailure = (_code, message, { file, line, column }) => new XmlReadError(`${file ?? 'XML'}:${line}:${column}: ${message}`, file ?? 'XML', line, column);

/** The TextDecoder label for a document head; a declared name that is not an encoding name (XML's EncName) fails. */
export function detectEncoding(head: Uint8Array, file?: string, fail: XmlFailure = locatedError): string {
  const label = sniffEncoding(head) ?? declaredEncoding(head);
  if (label === null) return 'utf-8';
  if (!/^[A-Za-z][\w.:-]*$/.test(label)) throw fail('unsupported-encoding', `Invalid encoding name "${label}" in the XML declaration.`, { file, line: 1, column: 1 });
  return label;
}

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

const EMPTY = new Uint8Array(0);

/** How many bytes the stream waits for before deciding the encoding (the declaration is short). */
const HEAD_BYTES = 1024;

export interface XmlDecoderOptions {
  file?: string;
  /** Failures ('unsupported-encoding') as the reader throws them. */
  fail: XmlFailure;
  /** Bytes were replaced: 'invalid-utf8' or 'invalid-bytes' (another encoding), once each. */
  onWarning?: (code: string, message: string) => void;
}

/** The streaming decoder (see the file's comment). */
export class XmlDecoder {
  /** The TextDecoder label in use once decided, e.g. "utf-8" or "windows-1252". */
  encoding: string | undefined;
  private decoder: TextDecoder | undefined;
  private head: Uint8Array = new Uint8Array(0);
  /** UTF-8: the start of a character cut by the previous chunk's end. */
  private tail: Uint8Array = EMPTY;
  /** UTF-8: text was produced (a byte-order mark is dropped only before it). */
  private begun = false;
  private replacedSaid = false;

  constructor(private readonly options: XmlDecoderOptions) {}

  /** Decodes the next chunk; returns '' while the head is still being collected. */
  push(chunk: Uint8Array): string {
    if (this.decoder) return this.decode(chunk, true);
    this.head = concat(this.head, chunk);
    if (this.head.length >= HEAD_BYTES || this.head.indexOf(0x3e /* > */) >= 0) return this.start();
    // kept for the next chunk: a copy, as the caller may fill its buffer again
    if (this.head === chunk) this.head = chunk.slice();
    return '';
  }

  /** Flushes what is left at the end of the input. */
  end(): string {
    const text = this.decoder ? '' : this.start();
    return text + this.decode(new Uint8Array(0), false);
  }

  private start(): string {
    const { file, fail } = this.options;
    const head = this.head;
    this.head = new Uint8Array(0);
    const label = detectEncoding(head, file, fail);
    try {
      this.decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw fail('unsupported-encoding', `Unsupported character encoding "${label}" in the XML declaration.`, { file, line: 1, column: 1 });
    }
    this.encoding = this.decoder.encoding;
    // Other encodings replace bad bytes (a lone UTF-16 surrogate …) and say so once, as UTF-8 does below.
    if (this.encoding !== 'utf-8') this.decoder = new TextDecoder(this.encoding);
    else this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return this.decode(head, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    if (this.encoding === 'utf-8') return this.decodeUtf8(bytes, stream);
    const text = this.decoder!.decode(bytes, { stream });
    if (!this.replacedSaid && text.includes('\uFFFD')) {
      this.replacedSaid = true;
      this.options.onWarning?.('invalid-bytes', `Bytes that are not valid ${this.encoding} were replaced.`);
    }
    return text;
  }

  /**
   * UTF-8 without TextDecoder's stream mode, which is ~6× slower (ICU) than a whole decode: the bytes of a character
   * cut by the chunk's end wait for the next chunk. Decoders are made with ignoreBOM (each call starts afresh), so the
   * byte-order mark is dropped here, at the start of the input only, as one streamed decode does.
   */
  private decodeUtf8(bytes: Uint8Array, stream: boolean): string {
    const all = concat(this.tail, bytes);
    const tail = stream ? incompleteUtf8Tail(all) : EMPTY;
    this.tail = tail.slice();
    const whole = tail.length ? all.subarray(0, all.length - tail.length) : all;
    let text: string;
    try {
      text = this.decoder!.decode(whole);
    } catch {
      // Invalid UTF-8 (often a Latin-1 file without a declaration): keep going with
      // U+FFFD replacements rather than lose the file, and say so once.
      this.options.onWarning?.('invalid-utf8', 'The file is not valid UTF-8; invalid bytes were replaced. Declare its encoding (e.g. encoding="ISO-8859-1").');
      this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      text = this.decoder.decode(whole);
    }
    if (!this.begun && text.length) {
      this.begun = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

/** The bytes of an unfinished UTF-8 sequence at the end of `bytes` (0–3 bytes). */
function incompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  for (let i = 1; i <= 3 && i <= bytes.length; i++) {
    const b = bytes[bytes.length - i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > i ? bytes.subarray(bytes.length - i) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
