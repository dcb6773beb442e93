// The streaming XML tokenizer: chunk boundaries anywhere, entities, places, and refusals.
import { describe, expect, it } from 'vitest';
import { CityGMLError } from '../../../workers/lib/citygml/citygml-error';
import { saxesEvents, tokenize } from './helpers/xml-events';

const doc = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment with <tags> & such -->
<!DOCTYPE core:CityModel SYSTEM "citygml.dtd">
<core:CityModel xmlns:core="urn:c" a='1 &lt; 2' b="&quot;x&quot; &#65;&#x42;">
  <gml:name>Mühle &amp; Söhne &#x1F3E0;</gml:name>
  <gml:posList srsDimension="3">1.5 2
3</gml:posList><![CDATA[<raw> & ]]><empty  />
  <?pi some data?>
  <x:y z = "tab	and
newline"/>
</core:CityModel>
`;

function errorOf(text: string, cuts: number[] = []): CityGMLError {
  try {
    tokenize(text, cuts);
  } catch (e) {
    expect(e).toBeInstanceOf(CityGMLError);
    return e as CityGMLError;
  }
  throw new Error('no error');
}

describe('XmlTokenizer', () => {
  const whole = tokenize(doc);

  it('reads tags, attributes, entities, CDATA and places', () => {
    expect(whole[0]).toEqual({
      kind: 'open',
      name: 'core:CityModel',
      attributes: { 'xmlns:core': 'urn:c', a: '1 < 2', b: '"x" AB' },
      line: 4,
      column: 1,
    });
    expect(whole).toContainEqual({ kind: 'text', text: 'Mühle & Söhne 🏠' });
    expect(whole).toContainEqual({ kind: 'text', text: '1.5 2\n3' });
    expect(whole).toContainEqual({ kind: 'text', text: '<raw> & ' });
    expect(whole).toContainEqual({ kind: 'open', name: 'empty', attributes: {}, line: 7, column: 36 });
    expect(whole).toContainEqual({ kind: 'close', name: 'empty', line: 7, column: 45 });
    expect(whole).toContainEqual({ kind: 'open', name: 'x:y', attributes: { z: 'tab and newline' }, line: 9, column: 3 });
    expect(whole[whole.length - 1]).toEqual({ kind: 'close', name: 'core:CityModel', line: 11, column: 17 });
    expect(whole).toEqual(saxesEvents(doc));
  });

  it('gives the same events when cut at every position, and byte by byte', () => {
    for (let cut = 0; cut <= doc.length; cut++) expect(tokenize(doc, [cut])).toEqual(whole);
    expect(tokenize(doc, Array.from(doc, (_, i) => i))).toEqual(whole);
  });

  it('normalises CRLF line ends in text and counts lines by LF', () => {
    const events = tokenize('<a>\r\n1\r\n2</a>\r\n', [4]);
    expect(events).toEqual([
      { kind: 'open', name: 'a', attributes: {}, line: 1, column: 1 },
      { kind: 'text', text: '\n1\n2' },
      { kind: 'close', name: 'a', line: 3, column: 5 },
    ]);
  });

  it.each([
    ['a mismatched end tag', '<a>\n<b></c></a>', 'malformed-xml', 2, 4],
    ['an undefined entity', '<a>\n x &nbsp; y</a>', 'malformed-xml', 2, 4],
    ['an undefined entity in an attribute', '<a b="&foo;"/>', 'malformed-xml', 1, 7],
    ['a bare "&"', '<a>fish & chips</a>', 'malformed-xml', 1, 9],
    ['a bad character reference', '<a>&#xD800;</a>', 'malformed-xml', 1, 4],
    ['"<" in an attribute', '<a b="<"/>', 'malformed-xml', 1, 7],
    ['an unquoted attribute', '<a b=c/>', 'malformed-xml', 1, 6],
    ['a repeated attribute', '<a b="1" b="2"/>', 'malformed-xml', 1, 10],
    ['text outside the root', '<a/>\nx', 'malformed-xml', 2, 1],
    ['a second root', '<a/><b/>', 'malformed-xml', 1, 5],
    ['an end tag with nothing open', '</a>', 'malformed-xml', 1, 1],
    ['a late XML declaration', '<a/><?xml version="1.0"?>', 'malformed-xml', 1, 5],
    ['a DOCTYPE declaring entities', '<!DOCTYPE a [\n<!ENTITY x "y">\n]>\n<a>&x;</a>', 'doctype-entity', 3, 2],
    ['an unclosed element', '<a>\n<b>', 'truncated', 2, 4],
    ['a cut tag', '<a><b c="1', 'truncated', 1, 11],
    ['a cut comment', '<a><!-- x', 'truncated', 1, 10],
    ['no root element', '<?xml version="1.0"?>\n', 'truncated', 2, 1],
  ])('refuses %s with the place', (_, text, code, line, column) => {
    for (const cuts of [[], [1], [Math.floor(text.length / 2)]]) {
      const e = errorOf(text, cuts);
      expect(e.code).toBe(code);
      expect([e.line, e.column]).toEqual([line, column]);
    }
  });

  it('refuses entity declarations hidden behind quotes and brackets in the DOCTYPE', () => {
    expect(errorOf('<!DOCTYPE a [<!ATTLIST a b CDATA "]>">\n<!ENTITY % p SYSTEM "http://x/">]><a/>').code).toBe('doctype-entity');
  });
});
