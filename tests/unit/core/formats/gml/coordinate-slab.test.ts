import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CoordinateSlab } from '../../../../../src/core/formats/gml/coordinate-slab';
import { readCityGML } from '../../../../../workers/lib/citygml/read-citygml';
import { generateTown } from '../../../../../tools/make-demo/generate-town';

describe('CoordinateSlab', () => {
  it('hands out zeroed arrays that never overlap, in few buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 200 }), (lengths) => {
        const slab = new CoordinateSlab();
        const taken = lengths.map((n, i) => {
          const a = slab.take(n);
          expect(a.length).toBe(n);
          expect(a.every((v) => v === 0)).toBe(true);
          a.fill(i + 1);
          return a;
        });
        // each keeps what was written into it: no two share an element
        taken.forEach((a, i) => expect(a.every((v) => v === i + 1)).toBe(true));
      }),
    );
    const slab = new CoordinateSlab();
    const small = Array.from({ length: 100 }, () => slab.take(15));
    expect(new Set(small.map((a) => a.buffer)).size).toBe(1);
    expect(slab.take(5000).byteOffset).toBe(0); // a long ring gets an array of its own
  });

  it('carries the CityGML reader’s rings: a town’s rings sit in a few shared buffers', async () => {
    const encoder = new TextEncoder();
    async function* town() {
      for await (const piece of generateTown({ buildings: 40, seed: 4 })) yield encoder.encode(piece);
    }
    const rings: Float64Array[] = [];
    for await (const building of readCityGML(town(), { file: 'town.gml' })) for (const p of building.polygons) rings.push(...p.rings);
    expect(rings.length).toBeGreaterThan(200);
    expect(new Set(rings.map((r) => r.buffer)).size).toBeLessThan(rings.length / 20);
  });
});
