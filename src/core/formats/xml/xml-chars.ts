/** Character codes and classes of the tokenizer, by UTF-16 code. */

export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const EQUALS = 61;
export const QUOTE = 34;
export const APOS = 39;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Characters that end a name: whitespace, markup and quote characters (loosely, XML names allow the rest). */
const NAME_STOP = new Uint8Array(128);
for (const c of ' \t\n\r<>/=&"\'') NAME_STOP[c.charCodeAt(0)] = 1;

export function stopsName(c: number): boolean {
  return c < 128 && NAME_STOP[c] === 1;
}

/** What may legally follow a tag name. */
export function endsName(c: number): boolean {
  return c === 62 /* > */ || c === 47 /* / */ || isSpace(c);
}

/** Not a digit, "-" or ".". */
export function startsName(c: number): boolean {
  return !((c >= 48 && c <= 57) || c === 45 || c === 46);
}
