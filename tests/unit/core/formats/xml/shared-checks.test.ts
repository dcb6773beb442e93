// Checks the tokenizer makes once for every reader (not XML at all, nesting depth), and the shared empty
// attributes object that lets the GML parser skip attribute lookups.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../src/core/formats/xml/xml-tree';
import { MAX_XML_DEPTH, NO_ATTRIBUTES, XmlTokenizer, type XmlAttributes } from '../../../../../src/core/formats/xml/xml-tokenizer';
import { XmlReadError } from '../../../../../src/core/formats/xml/xml-error';
import { cityGmlFailure, CityGMLError } from '../../../../../workers/lib/citygml/citygml-error';

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
}

describe('the tokenizer’s shared checks', () => {
  it('names input that is not XML at its first character, for the tree as for CityGML', () => {
    const tree = failure(() => parseXml('\n  {"type": "FeatureCollection"}', 'r.xml'));
    expect(tree).toBeInstanceOf(XmlReadError);
    expect(tree.message).toBe('r.xml:2:3: this is not XML (it starts with "{\\"type\\": \\"FeatureCol").');
    const tokenizer = new XmlTokenizer({ wantText: false, openTag() {}, closeTag() {}, text() {} }, { file: 'c.gml', fail: cityGmlFailure });
    const city = failure(() => tokenizer.write('hello <a/>')) as CityGMLError;
    expect(city).toMatchObject({ code: 'not-xml', line: 1, column: 1 });
    // text after markup stays a syntax error
    expect(failure(() => parseXml('<?xml version="1.0"?> x<a/>', 'd.xml')).message).toMatch(/^d\.xml:1:23: malformed XML: text outside the root/);
  });

  it('refuses nesting deeper than the limit in the tree, located, without "malformed"', () => {
    const deep = '<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1);
    expect(failure(() => parseXml(deep, 'deep.xml')).message).toBe(`deep.xml:1:${3 * MAX_XML_DEPTH + 1}: elements nested deeper than ${MAX_XML_DEPTH} levels (at <a>).`);
    expect(() => parseXml('<a>'.repeat(MAX_XML_DEPTH) + '</a>'.repeat(MAX_XML_DEPTH))).not.toThrow();
  });

  it('hands every tag without attributes the one frozen NO_ATTRIBUTES, and a fresh object otherwise', () => {
    const seen: XmlAttributes[] = [];
    const tokenizer = new XmlTokenizer({ wantText: false, openTag: (_n, a) => seen.push(a), closeTag() {}, text() {} }, { fail: cityGmlFailure });
    tokenizer.write('<a><b/><c x="1"/><d y="2"/></a>');
    tokenizer.close();
    expect(seen[0]).toBe(NO_ATTRIBUTES);
    expect(seen[1]).toBe(NO_ATTRIBUTES);
    expect(Object.isFrozen(NO_ATTRIBUTES) && Object.keys(NO_ATTRIBUTES).length === 0).toBe(true);
    expect(seen[2]).toEqual({ x: '1' });
    expect(seen[3]).not.toBe(seen[2]);
  });
});
