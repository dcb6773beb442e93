import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packUtf8, utf8Length } from '../../../workers/lib/tiles3d/utf8-strings';

/** What the column held before: each value encoded on its own. */
function oneByOne(values: string[]) {
  const encoded = values.map((v) => new TextEncoder().encode(v));
  const offsets = new Uint32Array(values.length + 1);
  encoded.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
  const data = new Uint8Array(offsets[values.length]);
  encoded.forEach((b, i) => data.set(b, offsets[i]));
  return { data, offsets };
}

describe('packUtf8', () => {
  it('packs a column as encoding each value would, umlauts, emoji and empty values included', () => {
    const values = ['DEBY_LOD2_4906', '', 'Straße 1', 'Wohnhaus 🏠', 'ä'.repeat(300)];
    expect(packUtf8(values)).toEqual(oneByOne(values));
  });

  it('keeps lone surrogates apart where two values meet (each is U+FFFD, not one joined character)', () => {
    const values = ['a\ud83c', '\udfe0b', '\udc00', '\ud800'];
    const packed = packUtf8(values);
    expect(packed).toEqual(oneByOne(values));
    expect(packed.offsets[2] - packed.offsets[1]).toBe(4); // U+FFFD (3 bytes) + "b"
  });

  it('agrees with TextEncoder on any strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), (values) => {
        expect(packUtf8(values)).toEqual(oneByOne(values));
        for (const v of values) expect(utf8Length(v)).toBe(new TextEncoder().encode(v).length);
      }),
    );
  });
});
