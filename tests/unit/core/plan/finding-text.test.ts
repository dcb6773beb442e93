import { describe, expect, it } from 'vitest';
import { findingText, fixed } from '../../../../src/core/plan/finding-text';
import type { FindingPhrase, FindingQuantity } from '../../../../src/core/plan/finding-phrase';

const ridge = (code = 2000, approximated = false): FindingQuantity & { name: 'height' } => ({ name: 'height', point: 2000, reference: { code, approximated } });

describe('findingText', () => {
  it('words a height over its limit in German and English', () => {
    const p: FindingPhrase = { kind: 'compare', quantity: ridge(), actual: 14.2, permitted: 12.5, bound: 'max' };
    expect(findingText(p, 'de')).toBe('Firsthöhe 14,2 m > 12,5 m zulässig');
    expect(findingText(p, 'en')).toBe('Ridge height 14.2 m > 12.5 m permitted');
  });

  it('names the reserve, the reference and its approximation', () => {
    const ok: FindingPhrase = { kind: 'compare', quantity: ridge(3500, true), actual: 9.8, permitted: 12.5, bound: 'max' };
    expect(findingText(ok, 'de')).toBe('Firsthöhe 9,8 m über Straße ≤ 12,5 m über Straße zulässig, 2,7 m über Straße Reserve (Bezug angenähert durch Geländehöhe)');
    expect(findingText(ok, 'en')).toBe('Ridge height 9.8 m above street ≤ 12.5 m above street permitted, 2.7 m above street to spare (reference approximated by the ground height)');
  });

  it('words ratios with their basis, grouping thousands per language', () => {
    const grz: FindingPhrase = { kind: 'compare', quantity: { name: 'grz' }, actual: 0.2, permitted: 0.15, bound: 'max', basis: { of: 'grz', built: 240, zoneArea: 1200 } };
    expect(findingText(grz, 'de')).toBe('GRZ 0,20 > 0,15 zulässig (Grundfläche 240,0 m² auf 1.200,0 m²)');
    expect(findingText(grz, 'en')).toBe('GRZ 0.20 > 0.15 permitted (footprint 240.0 m² on 1,200.0 m²)');
    const gfz: FindingPhrase = { kind: 'compare', quantity: { name: 'gfz' }, actual: 0.46, permitted: 1.2, bound: 'max', basis: { of: 'gfz', floorArea: 728 } };
    expect(findingText(gfz, 'en')).toBe('GFZ 0.46 ≤ 1.20 permitted, 0.74 to spare (floor area 728 m²)');
  });

  it('words exact and minimum bounds, estimated storeys and the unknowns', () => {
    expect(findingText({ kind: 'compare', quantity: { name: 'storeys' }, actual: 3, permitted: 2, bound: 'exact' }, 'en')).toBe('Full storeys 3 ≠ 2 required');
    expect(findingText({ kind: 'compare', quantity: ridge(), actual: 6, permitted: 7, bound: 'min' }, 'de')).toBe('Firsthöhe 6,0 m < 7,0 m Mindestmaß');
    expect(findingText({ kind: 'compare', quantity: { name: 'storeys-estimated', fromHeight: 14.2 }, actual: 5, permitted: 2, bound: 'max' }, 'en')).toBe('Storeys (≈, estimated from height 14.2 m) 5 > 2 permitted');
    expect(findingText({ kind: 'height-unknown', missing: 'ground', quantity: ridge(1000) }, 'en')).toBe('Ridge height: ground height unknown – absolute height cannot be checked');
    expect(findingText({ kind: 'outside', area: 20, of: 'baufenster' }, 'de')).toBe('20,0 m² der Grundfläche außerhalb des Baufensters');
    expect(findingText({ kind: 'crosses-baugrenze' }, 'en')).toBe('Building crosses the building line');
  });

  it('formats fixed decimals with a real minus and no "-0"', () => {
    expect(fixed(-1234.5, 1, 'de')).toBe('−1.234,5');
    expect(fixed(-0.001, 1, 'en')).toBe('0.0');
    expect(fixed(1234567, 0, 'en')).toBe('1,234,567');
  });
});
