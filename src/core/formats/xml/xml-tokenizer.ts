/**
 * The streaming XML tokenizer under every reader (CityGML, WFS GML, XPlanung, capabilities): it
 * scans decoded text chunks with indexOf/charCodeAt and calls a handler for
 * start tags (with attributes), end tags and, only when the handler wants it,
 * text and CDATA. Tokens split across chunks wait for the next chunk.
 *
 * It is not a validating parser, but it refuses what matters: mismatched or
 * unclosed tags, text or a second element outside the root, undefined entities
 * ('malformed-xml'), input ending mid-document ('truncated') and any DOCTYPE
 * declaring entities ('doctype-entity'; nothing is ever expanded or fetched).
 * Names keep their prefixes (no namespace processing). Places are 1-based
 * line and column (in UTF-16 code units).
 */
import { decodeEntities } from './xml-entities';
import { NextCharIndex } from './next-char-index';
import { PendingToken, tagEnd } from './pending-token';
import { APOS, BANG, endsName, EQUALS, GT, isSpace, QUESTION, QUOTE, SLASH, startsName, stopsName } from './xml-chars';

/**
 * Deepest element nesting read ('too-deep' beyond): real CityGML, GML and XPlanung stay under 40 levels, and
 * the readers on top keep state or recurse per level, so a hostile 12,000-level document must end here.
 */
export const MAX_XML_DEPTH = 256;

/** An unfinished token longer than this waits in a PendingToken instead of being rescanned per chunk. */
const LARGE_PENDING = 1 << 16;

export type XmlAttributes = Record<string, string>;

/** Handed to every tag without attributes (handlers only read them), so they can skip attribute lookups. */
export const NO_ATTRIBUTES: XmlAttributes = Object.freeze({}) as XmlAttributes;

export interface XmlHandler {
  /** Read before each text node: text is decoded and delivered only when true. */
  readonly wantText: boolean;
  /** line/column: the "<" of the tag. */
  openTag(name: string, attributes: XmlAttributes, line: number, column: number): void;
  /** line/column: the ">" of the end tag (or of "/>"). */
  closeTag(name: string, line: number, column: number): void;
  /** Text and CDATA inside the root element, entities decoded; may come in pieces. */
  text(text: string): void;
}

/** Makes the error thrown for bad XML; `code` is 'not-xml', 'malformed-xml', 'truncated', 'too-deep' or 'doctype-entity'. */
export type XmlFailure = (code: string, message: string, place: { file?: string; line: number; column: number }) => Error;

export class XmlTokenizer {
  private buffer = '';
  /** Absolute offset of buffer[0] in the whole text. */
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private readonly newline = new NextCharIndex('\n');
  private readonly amp = new NextCharIndex('&');
  private readonly stack: string[] = [];
  private rootSeen = false;
  private markupSeen = false;
  /** A "<" was reached: text before it that is not blank means the input is not XML at all. */
  private started = false;
  private pending: PendingToken | undefined;

  constructor(
    private readonly handler: XmlHandler,
    private readonly options: { file?: string; fail: XmlFailure },
  ) {}

  write(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.pending) {
      if (!this.pending.push(chunk)) return;
      this.buffer = this.pending.join();
      this.pending = undefined;
    } else this.buffer = this.buffer.length === 0 ? chunk : [this.buffer, chunk].join(''); // flat: indexOf on a `+` (cons) string is ~8× slower
    this.newline.grown(this.buffer, this.offset);
    this.amp.grown(this.buffer, this.offset);
    this.run(false);
  }

  /** End of input: anything unfinished is a 'truncated' error. */
  close(): void {
    if (this.pending) {
      this.buffer = this.pending.join();
      this.pending = undefined;
    }
    this.run(true);
    if (!this.started && this.buffer.length === 0) this.fail('not-xml', 'The input contains no XML.', 0);
    let unfinished = '';
    if (this.buffer.length > 0) unfinished = 'inside a tag or markup';
    else if (this.stack.length > 0) unfinished = `unclosed element <${this.stack[this.stack.length - 1]}>`;
    else if (!this.rootSeen) unfinished = 'no root element';
    if (unfinished) this.fail('truncated', `The file ends before the XML is complete (${unfinished}).`, this.offset + this.buffer.length);
  }

  private run(final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    let p = 0;
    while (p < n) {
      const lt = s.indexOf('<', p);
      if (lt !== p) {
        let end = lt < 0 ? n : lt;
        if (lt < 0 && !final) end = safeTextEnd(s, p, n);
        if (end > p) this.onText(s, p, end);
        p = end;
        if (lt < 0) break;
      }
      if (p + 1 >= n) break;
      this.started = true;
      const next = s.charCodeAt(p + 1);
      const after =
        next === SLASH ? this.endTag(s, p) : next === BANG ? this.bang(s, p) : next === QUESTION ? this.instruction(s, p) : this.startTag(s, p);
      if (after < 0) break;
      p = after;
    }
    // Count the lines of the part we drop, so later places stay right.
    this.place(this.offset + p);
    this.buffer = p === n ? '' : s.slice(p);
    this.offset += p;
    if (!final && this.buffer.length > LARGE_PENDING) this.pending = new PendingToken(this.buffer);
  }

  private onText(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c === 32 || c === 10 || c === 13 || c === 9 || (c === 0xfeff && this.offset + i === 0)) continue;
        if (!this.started) this.fail('not-xml', `This is not XML (it starts with ${JSON.stringify(s.slice(i, i + 20))}).`, this.offset + i);
        this.fail('malformed-xml', 'Malformed XML: text outside the root element.', this.offset + i);
      }
      return;
    }
    const absFrom = this.offset + from;
    this.amp.seek(s, this.offset, absFrom);
    const hasAmp = this.amp.next < this.offset + to;
    const wanted = this.handler.wantText;
    // text nobody wants is still checked for bad entity references
    if (!wanted && !hasAmp) return;
    const text = hasAmp ? this.decode(s.slice(from, to), absFrom) : s.slice(from, to);
    if (wanted) this.handler.text(normaliseLineEnds(text));
  }

  private startTag(s: string, p: number): number {
    const n = s.length;
    const i0 = p + 1;
    let i = i0;
    while (i < n && !stopsName(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (i === i0 || !endsName(s.charCodeAt(i)) || !startsName(s.charCodeAt(i0))) {
      this.fail('malformed-xml', `Malformed XML: invalid tag name "${s.slice(i0, i + 1).slice(0, 40)}".`, this.offset + p);
    }
    const name = s.slice(i0, i);
    let attributes = NO_ATTRIBUTES;
    let selfClosing = false;
    for (;;) {
      const start = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT) break;
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) this.fail('malformed-xml', 'Malformed XML: "/" not followed by ">" in a tag.', this.offset + i);
        selfClosing = true;
        i++;
        break;
      }
      if (i === start) this.fail('malformed-xml', `Malformed XML: no whitespace before an attribute of <${name}>.`, this.offset + i);
      const first = attributes === NO_ATTRIBUTES;
      if (first) attributes = {};
      i = this.attribute(s, i, name, attributes, first);
      if (i < 0) return -1;
    }
    if (this.stack.length === 0 && this.rootSeen) this.fail('malformed-xml', 'Malformed XML: a second root element.', this.offset + p);
    if (this.stack.length >= MAX_XML_DEPTH) {
      this.fail('too-deep', `Elements nested deeper than ${MAX_XML_DEPTH} levels (at <${name.slice(0, 40)}>).`, this.offset + p);
    }
    this.rootSeen = true;
    this.markupSeen = true;
    this.place(this.offset + p);
    this.handler.openTag(name, attributes, this.line, this.offset + p - this.lineStart + 1);
    if (selfClosing) this.emitClose(name, i);
    else this.stack.push(name);
    return i + 1;
  }

  /** Reads one name="value" at i; returns the index after it, or -1 if incomplete. */
  private attribute(s: string, i: number, tag: string, into: XmlAttributes, first: boolean): number {
    const n = s.length;
    const nameStart = i;
    while (i < n && !stopsName(s.charCodeAt(i))) i++;
    const name = s.slice(nameStart, i);
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (s.charCodeAt(i) !== EQUALS || name.length === 0 || !startsName(name.charCodeAt(0))) {
      this.fail('malformed-xml', `Malformed XML: a broken attribute "${name.slice(0, 40)}" in <${tag}>.`, this.offset + nameStart);
    }
    i++;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const quote = s.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOS) this.fail('malformed-xml', `Malformed XML: the value of "${name}" is not quoted.`, this.offset + i);
    const close = s.indexOf(quote === QUOTE ? '"' : "'", i + 1);
    if (close < 0) return -1;
    let value = s.slice(i + 1, close);
    if (needsNormalising(s, i + 1, close)) value = this.attributeValue(value, this.offset + i + 1);
    if (!first && into[name] !== undefined && Object.prototype.hasOwnProperty.call(into, name)) this.fail('malformed-xml', `Malformed XML: attribute "${name}" repeated.`, this.offset + nameStart);
    // A plain object is fastest; only "__proto__" needs defining to stay an own property.
    if (name === '__proto__') Object.defineProperty(into, name, { value, enumerable: true, writable: true, configurable: true });
    else into[name] = value;
    return close + 1;
  }

  private attributeValue(value: string, abs: number): string {
    const lt = value.indexOf('<');
    if (lt >= 0) this.fail('malformed-xml', 'Malformed XML: "<" in an attribute value.', abs + lt);
    // Attribute-value normalisation (XML 1.0 §3.3.3): line ends and tabs become spaces.
    const normal = value.replace(/\r\n|[\t\n\r]/g, ' ');
    return normal.indexOf('&') >= 0 ? this.decode(normal, abs) : normal;
  }

  private endTag(s: string, p: number): number {
    const gt = s.indexOf('>', p + 2);
    if (gt < 0) return -1;
    // usually the end tag is exactly the open element's name: no substring then
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && gt === p + 2 + top.length && s.startsWith(top, p + 2)) {
      this.stack.pop();
      this.emitClose(top, gt);
      return gt + 1;
    }
    let nameEnd = p + 2;
    while (nameEnd < gt && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    const name = s.slice(p + 2, nameEnd);
    for (let i = nameEnd; i < gt; i++) {
      if (!isSpace(s.charCodeAt(i))) this.fail('malformed-xml', `Malformed XML: unexpected text in the end tag </${name}>.`, this.offset + i);
    }
    const open = this.stack.pop();
    if (open !== name) {
      const expected = open === undefined ? 'no element is open' : `expected </${open}>`;
      this.fail('malformed-xml', `Malformed XML: end tag </${name.slice(0, 40)}> does not match (${expected}).`, this.offset + p);
    }
    this.emitClose(name, gt);
    return gt + 1;
  }

  private emitClose(name: string, gt: number): void {
    this.place(this.offset + gt);
    this.handler.closeTag(name, this.line, this.offset + gt - this.lineStart + 1);
  }

  /** Comments, CDATA sections and the DOCTYPE. */
  private bang(s: string, p: number): number {
    const head = s.slice(p, p + 9);
    if (head.startsWith('<!--')) {
      const end = s.indexOf('-->', p + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (head === '<![CDATA[') {
      const end = s.indexOf(']]>', p + 9);
      if (end < 0) return -1;
      if (this.stack.length === 0) this.fail('malformed-xml', 'Malformed XML: CDATA outside the root element.', this.offset + p);
      if (this.handler.wantText) this.handler.text(normaliseLineEnds(s.slice(p + 9, end)));
      return end + 3;
    }
    if (head === '<!DOCTYPE') return this.doctype(s, p);
    const prefixOfKnown = ['<!--', '<![CDATA[', '<!DOCTYPE'].some((k) => k.startsWith(head));
    if (prefixOfKnown && p + 9 > s.length) return -1;
    return this.fail('malformed-xml', 'Malformed XML: unknown markup after "<!".', this.offset + p);
  }

  private doctype(s: string, p: number): number {
    if (this.rootSeen) this.fail('malformed-xml', 'Malformed XML: a DOCTYPE after the root element started.', this.offset + p);
    // the closing ">" outside quotes and outside the internal subset [ … ]
    const end = tagEnd(s, p + 9, true, { quote: 0, depth: 0 });
    if (end < 0) return -1;
    if (/<!ENTITY/i.test(s.slice(p, end))) {
      this.fail('doctype-entity', 'The DOCTYPE declares entities, which are refused (entity expansion and external entities are unsafe).', this.offset + end);
    }
    this.markupSeen = true;
    return end + 1;
  }

  /** Processing instructions and the XML declaration. */
  private instruction(s: string, p: number): number {
    const end = s.indexOf('?>', p + 2);
    if (end < 0) return -1;
    const target = /^[^\s?]*/.exec(s.slice(p + 2, Math.min(end, p + 40)))![0];
    if (target.length === 0) this.fail('malformed-xml', 'Malformed XML: a processing instruction without a target.', this.offset + p);
    if (target.toLowerCase() === 'xml' && this.markupSeen) {
      this.fail('malformed-xml', 'Malformed XML: the XML declaration must come first.', this.offset + p);
    }
    this.markupSeen = true;
    return end + 2;
  }

  private decode(text: string, abs: number): string {
    return decodeEntities(text, (index, message) => this.fail('malformed-xml', `Malformed XML: ${message}`, abs + index));
  }

  /** Brings line/lineStart up to absolute offset `abs` (offsets are asked in increasing order). */
  private place(abs: number): void {
    const nl = this.newline;
    while (nl.next < abs) {
      this.line++;
      this.lineStart = nl.next + 1;
      nl.seek(this.buffer, this.offset, nl.next + 1);
    }
  }

  private fail(code: string, message: string, abs: number): never {
    this.place(abs);
    throw this.options.fail(code, message, { file: this.options.file, line: this.line, column: abs - this.lineStart + 1 });
  }
}

/** Whether s[from, to) holds a character that makes an attribute value need more than a slice: < & tab LF CR. */
function needsNormalising(s: string, from: number, to: number): boolean {
  // a loop over the tokenizer's flat buffer: a RegExp test on the sliced value was ~1.6 % of a conversion
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 39 && (c === 38 || c === 9 || c === 10 || c === 13)) return true;
    if (c === 60) return true;
  }
  return false;
}

/** The longest entity reference a chunk boundary may split ("&#x0010FFFF;" and a margin). */
const MAX_REFERENCE = 32;

/** Where pending text may be cut: before a trailing "&…" without ";" or a trailing "\r". */
function safeTextEnd(s: string, from: number, n: number): number {
  let end = n;
  for (let i = n - 1; i >= from && i >= n - MAX_REFERENCE; i--) {
    const c = s.charCodeAt(i);
    if (c === 59 /* ; */) break;
    if (c === 38 /* & */) {
      end = i;
      break;
    }
  }
  if (end > from && s.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** XML 1.0 §2.11: CRLF and lone CR become LF. */
function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
}
