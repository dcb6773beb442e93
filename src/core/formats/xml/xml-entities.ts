/**
 * Entity references in XML text and attribute values. Only the five
 * predefined entities and numeric character references exist here: the
 * reader refuses DOCTYPEs that declare entities, so any other name is an error.
 */

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Called with the index in the text where the bad reference starts; must throw. */
export type EntityFailure = (index: number, message: string) => never;

/** Replaces every reference in `text`; `fail` is called for an undefined or broken one. */
export function decodeEntities(text: string, fail: EntityFailure): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) fail(amp, 'An "&" that does not start an entity reference (write &amp;).');
    out += text.slice(from, amp) + resolve(text.slice(amp + 1, semi), amp, fail);
    from = semi + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function resolve(name: string, at: number, fail: EntityFailure): string {
  if (name.charCodeAt(0) !== 35 /* # */) {
    const value = Object.prototype.hasOwnProperty.call(PREDEFINED, name) ? PREDEFINED[name] : undefined;
    return value ?? fail(at, `Undefined entity "&${name.slice(0, 40)};".`);
  }
  const hex = name.charCodeAt(1) === 120 /* x */;
  const digits = name.slice(hex ? 2 : 1);
  const valid = hex ? /^[0-9a-fA-F]{1,8}$/.test(digits) : /^[0-9]{1,10}$/.test(digits);
  const code = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
    fail(at, `Invalid character reference "&${name.slice(0, 40)};".`);
  }
  return String.fromCodePoint(code);
}
