// Property tests: damaged GML/XPlanung/GeoJSON (truncation, insertions with DOCTYPE/XXE, deep nesting and
// huge numbers, byte flips) never crashes the reader and never yields a non-finite coordinate.
// The nightly-size run of the same cases is `npm run fuzz`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASES, classify, mutations } from '../../../../fuzz/gml-fuzz';

describe('mutated GML, XPlanung and GeoJSON', () => {
  it('the intact bases read into features', () => {
    for (const base of Object.values(BASES)) expect(classify(base).outcome).toBe('features');
  });

  for (const [name, base] of Object.entries(BASES)) {
    it(`${name}: every mutation ends in features or a located error`, () => {
      fc.assert(
        fc.property(mutations(base), (input) => {
          const { outcome, detail } = classify(input);
          expect(outcome, detail).not.toBe('finding');
        }),
        { numRuns: 250, seed: 14 },
      );
    });
  }

  it('an external entity is never expanded', () => {
    const xxe = BASES.gml.replace('?>', '?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('</gml:name>', '&xxe;</gml:name>');
    expect(classify(xxe).outcome).not.toBe('finding');
  });
});
