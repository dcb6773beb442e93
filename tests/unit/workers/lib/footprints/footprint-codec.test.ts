import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFootprintSet, decodeFootprints, encodeFootprints, footprintPolygons, FootprintFormatError } from '../../../../../workers/lib/footprints';
import type { FootprintSet, PlainFootprint } from '../../../../../workers/lib/footprints';

const square = (x: number, y: number, s: number): [number, number][] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];

function createSample(): FootprintSet {
  return buildFootprintSet(
    [
      { id: 'DEBY_LOD2_1', polygons: [[square(0, 0, 10)]], height: 9.5, groundHeight: 401.25, storeys: 3, function: '31001_1000', yearOfConstruction: 1928 },
      { id: 'Gebäude-ä€😀', polygons: [[square(20, 0, 10), square(22, 2, 2)], [square(40, 0, 5)]], height: 14.2, planned: true },
      { id: '', polygons: [] },
    ],
    25832,
  );
}

/** Compares decoded sets value by value (NaN-aware, independent of typed-array kind). */
function expectSameSet(actual: FootprintSet, expected: FootprintSet): void {
  expect(actual.epsg).toBe(expected.epsg);
  expect(actual.ids).toEqual(expected.ids);
  for (const key of ['groundHeights', 'heights', 'storeys', 'polygonOffsets', 'ringOffsets', 'vertexOffsets', 'coords'] as const) {
    expect(actual[key].constructor).toBe(expected[key].constructor);
    expect(Array.from(actual[key]), key).toEqual(Array.from(expected[key]));
  }
  expect(actual.functions).toEqual(expected.functions);
  expect(actual.yearsOfConstruction && Array.from(actual.yearsOfConstruction)).toEqual(expected.yearsOfConstruction && Array.from(expected.yearsOfConstruction));
  expect(actual.planned && Array.from(actual.planned)).toEqual(expected.planned && Array.from(expected.planned));
}

describe('footprint codec', () => {
  it('round-trips a hand-made set with holes, multipolygons, unicode ids and optional attributes', () => {
    const set = createSample();
    const decoded = decodeFootprints(encodeFootprints(set));
    expectSameSet(decoded, set);
    expect(footprintPolygons(decoded, 1)).toEqual([[square(20, 0, 10), square(22, 2, 2)], [square(40, 0, 5)]]);
    expect(Number.isNaN(decoded.groundHeights[1])).toBe(true);
  });

  it('writes the documented header and aligns every section to 8 bytes', () => {
    const bytes = encodeFootprints(createSample());
    const view = new DataView(bytes.buffer);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('TBFP');
    expect([1, 2, 3, 4, 5, 6].map((i) => view.getUint32(4 + i * 4, true))).toEqual([25832, 3, 3, 4, 16, 13]);
    for (let i = 0; i < 13; i++) expect(view.getUint32(32 + i * 16 + 4, true) % 8).toBe(0);
  });

  it('decodes without copying when aligned and still decodes from an unaligned view', () => {
    const bytes = encodeFootprints(createSample());
    const aligned = decodeFootprints(bytes.buffer);
    expect(aligned.coords.buffer).toBe(bytes.buffer);
    expect(aligned.heights.buffer).toBe(bytes.buffer);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const unaligned = decodeFootprints(shifted.subarray(3));
    expect(unaligned.coords.buffer).not.toBe(shifted.buffer);
    expectSameSet(unaligned, createSample());
  });

  it('names the source and byte offset for bad input', () => {
    const bytes = encodeFootprints(createSample());
    expect(() => decodeFootprints(new Uint8Array(8), { source: 'x/footprints.bin' })).toThrow(/x\/footprints\.bin: byte 0: 8 bytes is too short/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x58;
    expect(() => decodeFootprints(wrongMagic)).toThrow(FootprintFormatError);
    expect(() => decodeFootprints(wrongMagic)).toThrow(/magic "XBFP"/);
    const wrongVersion = bytes.slice();
    new DataView(wrongVersion.buffer).setUint32(4, 9, true);
    expect(() => decodeFootprints(wrongVersion)).toThrow(/byte 4: unsupported version 9/);
    const truncated = bytes.slice(0, bytes.length - 16);
    expect(() => decodeFootprints(truncated)).toThrow(/runs past the end/);
    const badOffsets = bytes.slice();
    const view = new DataView(badOffsets.buffer);
    const ringOffsetsAt = view.getUint32(32 + 6 * 16 + 4, true);
    view.setUint32(ringOffsetsAt + 4, 99, true);
    expect(() => decodeFootprints(badOffsets)).toThrow(/RNGO\[2\] = \d+ is smaller than the entry before|RNGO ends at/);
  });

  it('refuses to encode inconsistent arrays', () => {
    const set = createSample();
    set.heights = new Float32Array(2);
    expect(() => encodeFootprints(set)).toThrow(/heights has length 2, expected 3/);
  });

  it('skips unknown sections so optional data can be added later', () => {
    const bytes = encodeFootprints(createSample());
    const view = new DataView(bytes.buffer);
    const yearEntry = 32 + 11 * 16;
    bytes.set([0x5a, 0x5a, 0x5a, 0x5a], yearEntry); // rename YEAR → ZZZZ
    expect(String.fromCharCode(...bytes.subarray(yearEntry, yearEntry + 4))).toBe('ZZZZ');
    expect(view.getUint32(yearEntry + 8, true)).toBe(6);
    expect(decodeFootprints(bytes).yearsOfConstruction).toBeUndefined();
  });

  it('round-trips random sets (fast-check)', () => {
    const point = fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })) as fc.Arbitrary<[number, number]>;
    const footprint: fc.Arbitrary<PlainFootprint> = fc.record(
      {
        id: fc.string({ unit: 'binary', maxLength: 12 }),
        polygons: fc.array(fc.array(fc.array(point, { maxLength: 6 }), { maxLength: 3 }), { maxLength: 3 }),
        height: fc.float({ noNaN: true }),
        groundHeight: fc.double(),
        storeys: fc.integer({ min: -1, max: 200 }),
        function: fc.string({ maxLength: 10 }),
        yearOfConstruction: fc.integer({ min: -1, max: 2100 }),
        planned: fc.boolean(),
      },
      { requiredKeys: ['id', 'polygons'] },
    );
    fc.assert(
      fc.property(fc.array(footprint, { maxLength: 20 }), fc.integer({ min: 0, max: 0xffffffff }), (list, epsg) => {
        const set = buildFootprintSet(list, epsg);
        expectSameSet(decodeFootprints(encodeFootprints(set)), set);
      }),
      { numRuns: 200 },
    );
  });
});
