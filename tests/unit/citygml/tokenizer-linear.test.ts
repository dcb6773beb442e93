// Tokenizer work is linear in the length of one token: a huge comment, attribute, CDATA section or DOCTYPE
// that arrives in many chunks is scanned about once, not once per chunk. The work is counted (characters
// String.prototype.indexOf looks at), never timed.
import { afterEach, describe, expect, it } from 'vitest';
import { XmlTokenizer, type XmlAttributes } from '../../../src/core/formats/xml/xml-tokenizer';
import { cityGmlFailure } from '../../../workers/lib/citygml/citygml-error';

const CHUNK = 64 * 1024;
const SIZE = 8 * 1024 * 1024;

const originalIndexOf = String.prototype.indexOf;
let scanned = 0;
afterEach(() => {
  String.prototype.indexOf = originalIndexOf;
});

/** Feeds `text` in CHUNK pieces and counts the characters indexOf scans. */
function tokenize(text: string): { opened: { name: string; attrs: XmlAttributes; line: number }[]; text: string; work: number } {
  const opened: { name: string; attrs: XmlAttributes; line: number }[] = [];
  let collected = '';
  const tokenizer = new XmlTokenizer({
    wantText: true,
    openTag: (name, attrs, line) => opened.push({ name, attrs, line }),
    closeTag: () => {},
    text: (t) => {
      collected += t;
    },
  }, { fail: cityGmlFailure });
  scanned = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    const start = Math.max(0, from ?? 0);
    const found = originalIndexOf.call(this, search, from);
    scanned += (found < 0 ? this.length : found + search.length) - start;
    return found;
  };
  try {
    for (let i = 0; i < text.length; i += CHUNK) tokenizer.write(text.slice(i, i + CHUNK));
    tokenizer.close();
  } finally {
    String.prototype.indexOf = originalIndexOf;
  }
  return { opened, text: collected, work: scanned };
}

const big = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

describe('XmlTokenizer on one huge token', () => {
  it('a comment: linear work, and lines after it still right', () => {
    const doc = `<a>\n<!--${big('x-y\n')}-->\n<b/></a>`;
    const r = tokenize(doc);
    expect(r.work).toBeLessThan(6 * doc.length);
    expect(r.opened.map((o) => o.name)).toEqual(['a', 'b']);
    expect(r.opened[1].line).toBe(doc.slice(0, doc.indexOf('<b/>')).split('\n').length);
  });

  it('an attribute: linear work, and the value arrives whole', () => {
    const value = big('abc>d ');
    const doc = `<a note="${value}" other='1'><b/></a>`;
    const r = tokenize(doc);
    expect(r.work).toBeLessThan(6 * doc.length);
    expect(r.opened[0].attrs.note).toBe(value);
    expect(r.opened[0].attrs.other).toBe('1');
  });

  it('a CDATA section, a processing instruction and a DOCTYPE: linear work', () => {
    const cdata = big('q]]');
    const r = tokenize(`<a><![CDATA[${cdata}]]></a>`);
    expect(r.work).toBeLessThan(6 * (cdata.length + 20));
    expect(r.text).toBe(cdata);
    expect(tokenize(`<?pi ${big('? >')}?><a/>`).work).toBeLessThan(6 * SIZE);
    expect(tokenize(`<!DOCTYPE a SYSTEM "${big('x] > ')}"><a/>`).work).toBeLessThan(6 * SIZE);
  });

  it('a huge comment whose "-->" is split across chunks ends at once, not at the end of the input', () => {
    const opened: string[] = [];
    const tokenizer = new XmlTokenizer({ wantText: false, openTag: (name) => opened.push(name), closeTag: () => {}, text: () => {} }, { fail: cityGmlFailure });
    tokenizer.write(`<a><!--${big('x')}--`);
    tokenizer.write('><b/>');
    expect(opened).toEqual(['a', 'b']);
    tokenizer.write('</a>');
    tokenizer.close();
  });

  it('a huge unfinished token still ends in a located truncation error', () => {
    const tokenizer = new XmlTokenizer({ wantText: false, openTag: () => {}, closeTag: () => {}, text: () => {} }, { file: 'cut.gml', fail: cityGmlFailure });
    const doc = `<a>\n<b c="${big('v')}`;
    for (let i = 0; i < doc.length; i += CHUNK) tokenizer.write(doc.slice(i, i + CHUNK));
    expect(() => tokenizer.close()).toThrow(/ends before the XML is complete/);
  });
});
