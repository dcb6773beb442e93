/**
 * The number scanner of every GML reader (CityGML, WFS, XPlanung): gml:posList / gml:pos / gml:coordinates text.
 * Numbers are scanned by char code (no split, no per-token substring) and
 * computed as mantissa ÷ 10^k, which is the correctly rounded double whenever
 * the mantissa is below 2^53 and |k| ≤ 22 (both operands exact, one IEEE
 * operation). Anything else falls back to Number(), so results always equal
 * parseFloat's.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const MAX_EXACT = 9007199254740992; // 2^53

/** A growable Float64Array used as the coordinate buffer of the ring being read. */
export class NumberBuffer {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    if (this.length + extra > this.data.length) this.grow(this.length + extra);
  }

  private grow(min: number): void {
    const next = new Float64Array(Math.max(min, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** Result flags of a parse: how many numbers were appended and whether a token was not a finite number. */
export interface ParseResult {
  count: number;
  bad: boolean;
}

/** Told what is wrong first, e.g. '"x" is not a number', for messages. */
export type OnBadNumber = (problem: string) => void;

function badToken(token: string, index: number): string {
  const t = `"${token.slice(0, 40)}"`;
  return Math.abs(Number(token)) === Infinity ? `${t} (number ${index + 1}) is not a finite number` : `${t} is not a number`;
}

/**
 * Appends every whitespace-separated number in `text` to `out`.
 * A token that is not a finite decimal number (NaN, INF, "1,5", garbage) sets `bad`
 * and is appended as NaN so the count still reflects the token count.
 */
export function parseNumberList(text: string, out: NumberBuffer, result: ParseResult, onBad?: OnBadNumber): ParseResult {
  let count = 0;
  let bad = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) <= 32) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && text.charCodeAt(i) > 32) i++;
    const v = parseToken(text, start, i);
    if (v !== v || v === Infinity || v === -Infinity) {
      if (!bad) onBad?.(badToken(text.slice(start, i), count));
      bad = true;
    }
    out.push(v);
    count++;
  }
  result.count = count;
  result.bad = bad;
  return result;
}

/** Parses text[start, end) as a decimal number; NaN when it is not one. */
export function parseToken(s: string, start: number, end: number): number {
  let i = start;
  let c = s.charCodeAt(i);
  const negative = c === 45 /* - */;
  if (negative || c === 43 /* + */) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let dot = false;
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) fraction++;
    } else if (c === 46 /* . */ && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < end && (c === 101 || c === 69) /* e E */) {
    i++;
    c = s.charCodeAt(i);
    const expNegative = c === 45;
    if (expNegative || c === 43) i++;
    const expStart = i;
    for (; i < end; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      exponent = exponent * 10 + (c - 48);
    }
    if (i === expStart) return NaN;
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) return NaN;
  const e = exponent - fraction;
  let value: number;
  if (mantissa >= MAX_EXACT || e < -22 || e > 22) value = Number(s.slice(negative || s.charCodeAt(start) === 43 ? start + 1 : start, end));
  else if (e === 0) value = mantissa;
  else if (e < 0) value = mantissa / POW10[-e];
  else value = mantissa * POW10[e];
  return negative ? -value : value;
}

/**
 * Appends the numbers of a gml:coordinates text ("x,y,z x,y,z" with the given
 * separators) and returns the tuple dimension seen in the first tuple (0 when empty).
 */
export function parseCoordinatesText(
  text: string,
  cs: string,
  ts: string,
  decimal: string,
  out: NumberBuffer,
  result: ParseResult,
  onBad?: OnBadNumber,
): number {
  let normalized = text;
  if (decimal !== '.') normalized = normalized.split(decimal).join('\u0001');
  const blank = (sep: string) => sep.trim() === '';
  const tuples = (blank(ts) && !blank(cs) ? normalized.trim().split(/\s+/) : normalized.split(ts).map((t) => t.trim())).filter((t) => t !== '');
  let dimension = 0;
  const start = out.length;
  result.bad = false;
  const fail = (problem: string) => {
    if (!result.bad) onBad?.(problem);
    result.bad = true;
  };
  for (const tuple of tuples) {
    const parts = blank(cs) ? tuple.split(/\s+/) : tuple.split(cs);
    if (dimension === 0) dimension = parts.length;
    else if (parts.length !== dimension) fail(`tuple "${tuple.slice(0, 40)}" has ${parts.length} values, expected ${dimension}`);
    for (const part of parts) {
      const token = part.trim().replace(/\u0001/g, '.');
      const v = token === '' ? NaN : parseToken(token, 0, token.length);
      if (!Number.isFinite(v)) fail(badToken(token, out.length - start));
      out.push(v);
    }
  }
  result.count = out.length - start;
  return dimension;
}
