// The WFS/XPlanung tree on the shared tokenizer covers what saxes gave it: namespaces, entities, CDATA,
// DOCTYPE refusal and located errors, plus the place of every element (no second parse to find it).
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../src/core/formats/xml/xml-tree';
import { XmlReadError } from '../../../../../src/core/formats/xml/xml-error';

function errorOf(text: string): XmlReadError {
  try {
    parseXml(text, 'doc.xml');
  } catch (e) {
    expect(e).toBeInstanceOf(XmlReadError);
    return e as XmlReadError;
  }
  throw new Error('no error');
}

describe('parseXml on the shared tokenizer', () => {
  it('resolves prefixes and default namespaces per scope, and drops xmlns attributes', () => {
    const root = parseXml('<a xmlns="urn:d" xmlns:g="urn:g"><g:b g:id="1" x="2"/><c xmlns="urn:e"><d/></c><f/></a>');
    expect(root).toMatchObject({ name: 'a', ns: 'urn:d', attrs: {} });
    const [b, c, f] = root.children;
    expect(b).toMatchObject({ name: 'b', ns: 'urn:g', attrs: { id: '1', x: '2' } });
    expect(c.children[0]).toMatchObject({ name: 'd', ns: 'urn:e' });
    expect(f).toMatchObject({ name: 'f', ns: 'urn:d' });
  });

  it('decodes entities and character references in text and attributes, and keeps CDATA as text', () => {
    const root = parseXml('<a t="x &amp; &#x3C;y&gt;"><b>1 &lt; 2 &#233;</b><c><![CDATA[<not> & markup]]></c></a>');
    expect(root.attrs.t).toBe('x & <y>');
    expect(root.children[0].text).toBe('1 < 2 é');
    expect(root.children[1].text).toBe('<not> & markup');
  });

  it('keeps the text of leaves only, and the line and column of every start tag', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a>\n  <b>x</b>\n\t<c/></a>');
    expect(root.text).toBe('\n  ');
    expect(root.children.map((e) => [e.name, e.line, e.column])).toEqual([['b', 3, 3], ['c', 4, 2]]);
  });

  it('refuses a DOCTYPE that declares entities, with its place', () => {
    const e = errorOf('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "boom">]>\n<a>&x;</a>');
    expect(e.message).toMatch(/^doc\.xml:2:\d+: malformed XML: .*DOCTYPE declares entities/);
    expect(e.line).toBe(2);
  });

  it('names file, line and column of mismatched tags, undefined entities and truncation', () => {
    expect(errorOf('<a>\n  <b></c>\n</a>').message).toMatch(/^doc\.xml:2:6: malformed XML: end tag <\/c> does not match \(expected <\/b>\)/);
    expect(errorOf('<a>\n&nbsp;</a>').message).toMatch(/^doc\.xml:2:1: malformed XML: undefined entity "&nbsp;"/);
    expect(errorOf('<a><b>').message).toMatch(/^doc\.xml:1:\d+: malformed XML: the file ends before the XML is complete \(unclosed element <b>\)/);
  });

  it('skips subtrees and drops elements that onClose consumed', () => {
    const seen: string[] = [];
    const root = parseXml('<a><skip><deep><x/></deep></skip><m><f/></m><m><f/></m></a>', 'doc.xml', {
      skip: (name) => name === 'skip',
      onClose: (el, parent) => {
        if (parent?.name !== 'm') return false;
        seen.push(`${el.name}@${el.column}`);
        return true;
      },
    });
    expect(root.children.map((c) => c.name)).toEqual(['m', 'm']);
    expect(root.children.every((m) => m.children.length === 0)).toBe(true);
    expect(seen).toEqual(['f@37', 'f@48']);
  });
});
