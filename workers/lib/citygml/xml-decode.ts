/**
 * Bytes → text for an XML stream. The encoding comes from the byte-order mark
 * or the XML declaration (`encoding="ISO-8859-1"` …), as XML 1.0 Appendix F
 * describes; the default is UTF-8. Decoding is incremental (`stream: true`),
 * so a multi-byte character split across chunks is never damaged.
 */
import { CityGMLError } from './citygml-error';
import type { ConvertWarning } from './building';
import { declaredEncoding, isEncodingName, sniffEncoding } from '../../../src/core/formats/xml/xml-bytes';

/** How many bytes we wait for before deciding the encoding (the declaration is short). */
const HEAD_BYTES = 1024;

export interface XmlDecoderOptions {
  file?: string;
  onWarning?: (w: ConvertWarning) => void;
}

export class XmlDecoder {
  /** The TextDecoder label in use once decided, e.g. "utf-8" or "windows-1252". */
  encoding: string | undefined;
  private decoder: TextDecoder | undefined;
  private head: Uint8Array[] = [];
  private headLength = 0;
  private previous: Uint8Array | undefined;
  private strictUtf8 = false;
  private replacedSaid = false;
  private readonly options: XmlDecoderOptions;

  constructor(options: XmlDecoderOptions = {}) {
    this.options = options;
  }

  /** Decodes the next chunk; returns '' while the head is still being collected. */
  push(chunk: Uint8Array): string {
    if (!this.decoder) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength < HEAD_BYTES && !containsByte(this.head, 0x3e)) return '';
      return this.start();
    }
    return this.decode(chunk, true);
  }

  /** Flushes what is left at the end of the input. */
  end(): string {
    const text = this.decoder ? '' : this.start();
    return text + this.decode(new Uint8Array(0), false);
  }

  private start(): string {
    const head = concat(this.head, this.headLength);
    this.head = [];
    const label = detectEncoding(head, this.options.file);
    try {
      this.decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw new CityGMLError('unsupported-encoding', `Unsupported character encoding "${label}" in the XML declaration.`, {
        file: this.options.file,
        line: 1,
        column: 1,
      });
    }
    this.encoding = this.decoder.encoding;
    this.strictUtf8 = this.encoding === 'utf-8';
    // Other encodings replace bad bytes (a lone UTF-16 surrogate …) and say so once, as UTF-8 does below.
    if (!this.strictUtf8) this.decoder = new TextDecoder(this.encoding);
    return this.decode(head, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const decoder = this.decoder!;
    try {
      const text = decoder.decode(bytes, { stream });
      this.previous = bytes;
      if (this.encoding !== 'utf-8' && !this.replacedSaid && text.includes('\uFFFD')) {
        this.replacedSaid = true;
        this.options.onWarning?.({ file: this.options.file, code: 'invalid-bytes', message: `Bytes that are not valid ${this.encoding} were replaced.` });
      }
      return text;
    } catch {
      // Invalid UTF-8 (often a Latin-1 file without a declaration): keep going with
      // U+FFFD replacements rather than lose the file, and say so once.
      this.strictUtf8 = false;
      this.options.onWarning?.({
        file: this.options.file,
        code: 'invalid-utf8',
        message: 'The file is not valid UTF-8; invalid bytes were replaced. Declare its encoding (e.g. encoding="ISO-8859-1").',
      });
      const carry = this.previous ? incompleteUtf8Tail(this.previous) : new Uint8Array(0);
      this.decoder = new TextDecoder('utf-8');
      return this.decode(concat([carry, bytes], carry.length + bytes.length), stream);
    }
  }
}

/** The TextDecoder label for a document head (BOM, UTF-16 sniffing, then the declaration; shared with the WFS reader). */
export function detectEncoding(head: Uint8Array, file?: string): string {
  const label = sniffEncoding(head) ?? declaredEncoding(head);
  if (label === null) return 'utf-8';
  if (!isEncodingName(label)) {
    throw new CityGMLError('unsupported-encoding', `Invalid encoding name "${label}" in the XML declaration.`, { file, line: 1, column: 1 });
  }
  return label;
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

function containsByte(chunks: Uint8Array[], byte: number): boolean {
  for (const c of chunks) if (c.indexOf(byte) >= 0) return true;
  return false;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
