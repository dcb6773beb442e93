// Property test: on random well-formed documents fed in random pieces, the tokenizer's events
// (names, attributes, text, places) equal those of saxes on the whole document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saxesEvents, tokenize } from './helpers/xml-events';

const names = fc.constantFrom('a', 'gml:posList', 'bldg:Building', 'x-y', 'c.d', '_u', 'Straße', 'gen:stringAttribute');
// BMP only: for a character beyond it the tokenizer counts two columns (UTF-16 units), saxes one.
const rawChar = fc.constantFrom('a', 'Z', '0', '.', ' ', '\n', '\t', '\r\n', '&', '<', '>', '"', "'", ']', 'é', '€', ';', '#');

/** Escapes markup characters, choosing among the predefined and numeric forms. */
const escaped = (quote: string) =>
  fc.array(fc.tuple(rawChar, fc.integer({ min: 0, max: 2 })), { maxLength: 20 }).map((parts) =>
    parts
      .map(([c, form]) => {
        const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
        if (c in named && (form > 0 || c === '&' || c === '<' || c === '>' || c === quote)) {
          return form === 2 ? `&#x${c.charCodeAt(0).toString(16)};` : form === 1 ? `&#${c.charCodeAt(0)};` : named[c];
        }
        return c;
      })
      .join(''),
  );

const attributes = fc
  .uniqueArray(fc.tuple(fc.constantFrom('gml:id', 'srsName', 'xlink:href', 'b', 'uom', 'xmlns:gml'), fc.constantFrom('"', "'")), {
    selector: ([n]) => n,
    maxLength: 3,
  })
  .chain((list) => fc.tuple(...list.map(([n, q]) => escaped(q).map((v) => ` ${n}${q === '"' ? '=' : ' = '}${q}${v}${q}`))))
  .map((parts) => parts.join(''));

const misc = fc.oneof(
  escaped(''),
  escaped('').map((t) => `<![CDATA[${t.replace(/]]>/g, '')}]]>`),
  fc.constantFrom('<!-- note -->', '<?pi data?>', '\n  '),
);

const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(names, attributes, fc.array(fc.oneof({ depthSize: 'small' }, misc, tie('element')), { maxLength: 4 }), fc.boolean())
    .map(([name, attrs, children, short]) =>
      children.length === 0 && short ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}\n>`,
    ),
}));

const prolog = fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?><!-- c -->\n<!DOCTYPE r SYSTEM "r.dtd">\n');

describe('XmlTokenizer against saxes', () => {
  it('gives the same events on random well-formed documents cut anywhere', () => {
    fc.assert(
      fc.property(prolog, element, fc.array(fc.nat(), { maxLength: 6 }), (head, root, rawCuts) => {
        const doc = `${head}${root}\n`;
        const cuts = rawCuts.map((c) => c % (doc.length + 1));
        expect(tokenize(doc, cuts)).toEqual(saxesEvents(doc));
      }),
      { numRuns: 400 },
    );
  });
});
