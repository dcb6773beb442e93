import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XmlDecoder } from '../../../../../src/core/formats/xml/xml-bytes';

const fail = (code: string, message: string) => new Error(`${code}: ${message}`);

/**
 * Decodes `bytes` cut at `cuts` as a stream does; returns the text and the warnings. `reuse`: each piece comes in one
 * buffer that is overwritten after the push, as the CLI's file reader fills one buffer again (file-chunks.ts).
 */
function streamed(bytes: Uint8Array, cuts: number[], reuse = false) {
  const warnings: string[] = [];
  const decoder = new XmlDecoder({ file: 'x.gml', fail, onWarning: (code) => warnings.push(code) });
  const scratch = new Uint8Array(bytes.length);
  const push = (piece: Uint8Array) => {
    if (!reuse) return decoder.push(piece);
    scratch.set(piece);
    const out = decoder.push(scratch.subarray(0, piece.length));
    scratch.fill(0x3e); // '>' everywhere: a kept view would now read differently
    return out;
  };
  let text = '';
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    text += push(bytes.subarray(from, cut));
    from = cut;
  }
  text += push(bytes.subarray(from));
  text += decoder.end();
  return { text, warnings };
}

const doc = (body: string) => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><a>${body}</a>`);

describe('XmlDecoder (UTF-8, chunk by chunk)', () => {
  it('gives the text of one whole decode wherever the chunks cut characters, and drops only a leading byte-order mark', () => {
    const body = fc.string({ unit: fc.constantFrom('a', 'ß', 'ä', '€', '😀', '\uFEFF', '<', ' ') });
    fc.assert(
      fc.property(fc.boolean(), body, fc.array(fc.nat(400)), (bom, text, cuts) => {
        const plain = doc(text);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...plain]) : plain;
        for (const reuse of [false, true]) {
          const out = streamed(bytes, cuts.map((c) => c % (bytes.length + 1)), reuse);
          expect(out.text).toBe(new TextDecoder().decode(plain)); // a BOM inside the text stays
          expect(out.warnings).toEqual([]);
        }
      }),
    );
  });

  it('replaces bytes that are not UTF-8 as a whole lenient decode does, and says so once', () => {
    const junk = fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => b.map((x) => 0x80 | x));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ü', '😀') }), junk, fc.string({ unit: fc.constantFrom('b', 'é') }), fc.array(fc.nat(300)), (before, bad, after, cuts) => {
        const [head, tail] = [doc(before), doc(after)];
        const bytes = new Uint8Array([...head, ...bad, ...tail]);
        const out = streamed(bytes, cuts.map((c) => c % (bytes.length + 1)));
        const lenient = new TextDecoder().decode(bytes);
        expect(out.text).toBe(lenient);
        expect(out.warnings).toEqual(lenient.includes('\uFFFD') ? ['invalid-utf8'] : []); // (junk bytes can form a valid character)
      }),
    );
  });

  it('replaces a character cut by the end of the input', () => {
    const bytes = doc('x');
    const cut = new Uint8Array([...bytes, 0xe2, 0x82]);
    expect(streamed(cut, [bytes.length + 1])).toEqual({ text: new TextDecoder().decode(cut), warnings: ['invalid-utf8'] });
  });
});
