// Property tests: damaged input never crashes the reader. It yields buildings or throws a
// located CityGMLError, and never loses a building that comes before the damage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CityGMLError } from '../../../workers/lib/citygml/citygml-error';
import { fixture, readAll, type ReadOutcome } from './helpers/read-all';

// Three copies of the two AdV fixture buildings (xlinked solids, holes, parts, umlauts): six buildings.
const source = new TextDecoder().decode(fixture('adv-lod2-citygml1.gml'));
const first = source.indexOf('  <core:cityObjectMember>');
const last = source.lastIndexOf('</core:cityObjectMember>') + '</core:cityObjectMember>\n'.length;
const members = source.slice(first, last);
const base = source.slice(0, first) + [0, 1, 2].map((k) => members.replaceAll('TEST', `T${k}_`)).join('') + source.slice(last);
const END = '</bldg:Building>';

/** Ids of the buildings whose end tag lies entirely before character `index`, in order. */
function completeBefore(text: string, index: number): string[] {
  const ids: string[] = [];
  const re = /<bldg:Building gml:id="([^"]+)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = text.indexOf(END, m.index);
    if (end >= 0 && end + END.length <= index) ids.push(m[1]);
  }
  return ids;
}

function expectCleanFailure(outcome: ReadOutcome): void {
  if (outcome.error === undefined) return;
  expect(outcome.error).toBeInstanceOf(CityGMLError);
  const e = outcome.error as CityGMLError;
  if (e.code === 'empty-input') return;
  expect(e.line).toBeGreaterThanOrEqual(1);
  expect(e.column).toBeGreaterThanOrEqual(0);
}

const allIds = completeBefore(base, base.length);

describe('mutated input', () => {
  it('the intact base reads into six buildings', async () => {
    const outcome = await readAll(base);
    expect(outcome.error).toBeUndefined();
    expect(outcome.buildings.map((b) => b.id)).toEqual(allIds);
    expect(allIds).toHaveLength(6);
  });

  it('truncation at any byte: exactly the complete buildings, then a located error', async () => {
    const bytes = new TextEncoder().encode(base);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 5000 }), async (cut, chunkSize) => {
        const outcome = await readAll(bytes.subarray(0, cut), { chunkSize });
        const prefix = new TextDecoder().decode(bytes.subarray(0, cut));
        expect(outcome.buildings.map((b) => b.id)).toEqual(completeBefore(prefix, prefix.length));
        // Only a cut in the final newline leaves a complete document.
        if (prefix.includes('</core:CityModel>')) expect(outcome.error).toBeUndefined();
        else expect(outcome.error).toBeInstanceOf(CityGMLError);
        expectCleanFailure(outcome);
      }),
      { numRuns: 150 },
    );
  });

  it('garbage inserted anywhere: the buildings before it all arrive', async () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: fc.constantFrom('<', '>', '&', '/', '"', "'", '=', ';', ']', '!', '?', 'a', ' ', '\n', '\u0000', '\ud800', 'é'), maxLength: 12 }),
      fc.constantFrom('<!DOCTYPE x [<!ENTITY a "b">]>', '&lol;', '<![CDATA[', ']]>', '</core:CityModel>', '<bldg:Building>', '<?xml version="1.0"?>'),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: base.length }), garbage, async (at, junk) => {
        const damaged = base.slice(0, at) + junk + base.slice(at);
        const outcome = await readAll(damaged, { chunkSize: 4096 });
        const before = completeBefore(base, at);
        expect(outcome.buildings.map((b) => b.id).slice(0, before.length)).toEqual(before);
        expectCleanFailure(outcome);
      }),
      { numRuns: 150 },
    );
  });

  it('a corrupted coordinate costs one polygon, with a warning naming the building', async () => {
    const tokens: { start: number; end: number; building: string }[] = [];
    const re = /<gml:posList[^>]*>([^<]*)<\/gml:posList>/g;
    for (let m = re.exec(base); m; m = re.exec(base)) {
      const textStart = m.index + m[0].indexOf('>') + 1;
      const building = /gml:id="(DEBY_LOD2_[^"]+?)(?:_[AB])?"/.exec(base.slice(base.lastIndexOf('<bldg:Building ', m.index)))![1];
      for (const t of m[1].matchAll(/\S+/g)) tokens.push({ start: textStart + t.index!, end: textStart + t.index! + t[0].length, building });
    }
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: tokens.length - 1 }), fc.constantFrom('NaN', 'abc', '1e999', '--1', '', '1 2', '4,5', 'Infinity'), async (i, bad) => {
        const t = tokens[i];
        const damaged = base.slice(0, t.start) + bad + base.slice(t.end);
        const outcome = await readAll(damaged);
        expect(outcome.error).toBeUndefined();
        const ids = outcome.buildings.map((b) => b.id);
        expect(ids.filter((id) => id !== t.building)).toEqual(allIds.filter((id) => id !== t.building));
        const coordinateCodes = ['bad-coordinate', 'coordinate-count', 'missing-coordinates', 'degenerate-ring'];
        const w = outcome.warnings.find((x) => coordinateCodes.includes(x.code));
        expect(w).toMatchObject({ buildingId: t.building });
        expect(w!.line).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes never crash the reader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expectCleanFailure(await readAll(bytes));
      }),
      { numRuns: 300 },
    );
  });
});
