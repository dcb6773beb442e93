/**
 * Fast reading of whitespace-separated decimal numbers, the bulk of any GML file.
 * Plain decimals of up to 15 significant digits take Clinger's fast path: an exact integer
 * divided by an exact power of ten is correctly rounded, so results equal Number(token)
 * bit for bit. Anything else (exponents, long mantissas, odd tokens) goes through Number().
 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

let scratch = new Float64Array(1024);

function grow(min: number): void {
  const next = new Float64Array(Math.max(min, scratch.length * 2));
  next.set(scratch);
  scratch = next;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Scans `text` into a new Float64Array. Returns null and the bad token when something is not a number.
 */
export function scanNumbers(text: string): { values: Float64Array; bad: string | null } {
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    while (i < len && isSpace(text.charCodeAt(i))) i++;
    if (i >= len) break;
    const start = i;
    let c = text.charCodeAt(i);
    let neg = false;
    if (c === 45 || c === 43) {
      neg = c === 45;
      i++;
    }
    let mant = 0;
    let digits = 0;
    let frac = 0;
    let simple = true;
    while (i < len) {
      c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        if (mant !== 0 || digits > 0) digits++;
        i++;
      } else break;
    }
    if (c === 46 && i < len) {
      i++;
      while (i < len) {
        c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          mant = mant * 10 + (c - 48);
          if (mant !== 0 || digits > 0) digits++;
          frac++;
          i++;
        } else break;
      }
    }
    if (i < len && !isSpace(c)) {
      simple = false;
      while (i < len && !isSpace(text.charCodeAt(i))) i++;
    }
    let v: number;
    if (simple && digits <= 15 && frac <= 22 && i > start + (neg || text.charCodeAt(start) === 43 ? 1 : 0)) {
      v = mant / POW10[frac];
      if (neg) v = -v;
    } else {
      const token = text.slice(start, i);
      v = +token;
      if (Number.isNaN(v) || token === '+' || token === '-') return { values: new Float64Array(0), bad: token };
    }
    if (n >= scratch.length) grow(n + 1);
    scratch[n++] = v;
  }
  return { values: scratch.slice(0, n), bad: null };
}
