import { describe, expect, it } from 'vitest';
import { describeFeature, formatValue, normaliseAttributes, parseLang, stringKeys, t } from '../../../src/core/index.js';

describe('feature attributes and language', () => {
  it('turns noData markers into null and parses generic attributes JSON', () => {
    const attrs = normaliseAttributes({ id: 'DEBY_1', measuredHeight: NaN, name: '', storeysAboveGround: 3, genericAttributes: '{"Gemarkung":"Landshut","Flurstück":"123/4"}' });
    expect(attrs).toEqual({ id: 'DEBY_1', measuredHeight: null, name: null, storeysAboveGround: 3, genericAttributes: { Gemarkung: 'Landshut', 'Flurstück': '123/4' } });
    expect(normaliseAttributes({ genericAttributes: 'not json' }, 'row-7')).toEqual({ id: 'row-7', genericAttributes: { genericAttributes: 'not json' } });
  });

  it('gathers gen_ columns into the generic attributes and prints a non-metre height with its unit', () => {
    const attrs = normaliseAttributes({ id: 'a', gen_Bodenhoehe: 401.5, gen_Quelle: 'Laserscan', measuredHeight: 40, measuredHeightUnit: 'ft', lod: 2 });
    expect(attrs.genericAttributes).toEqual({ Bodenhoehe: 401.5, Quelle: 'Laserscan' });
    const rows = describeFeature(attrs, 'de');
    expect(rows.find((r) => r.key === 'measuredHeight')!.value).toBe('40 ft');
    expect(rows.find((r) => r.key === 'measuredHeightUnit')).toBeUndefined();
    expect(rows.find((r) => r.key === 'lod')!.label).toBe('Detailstufe (LoD)');
    expect(rows.filter((r) => r.generic).map((r) => [r.label, r.value])).toEqual([
      ['Bodenhoehe', '401,5'],
      ['Quelle', 'Laserscan'],
    ]);
    const metres = describeFeature(normaliseAttributes({ id: 'b', measuredHeight: 12, measuredHeightUnit: 'urn:adv:uom:m' }), 'de');
    expect(metres.map((r) => r.value)).toEqual(['b', '12\u00a0m']);
  });

  it('describes a building with code-list words, units and generic attributes, as plain strings', () => {
    const rows = describeFeature(
      normaliseAttributes({
        id: 'DEBY_LOD2_1',
        function: '31001_1000',
        roofType: '3100',
        measuredHeight: 12.5,
        storeysAboveGround: 3,
        yearOfConstruction: 1975,
        address: 'Altstadt 1, 84028 Landshut',
        genericAttributes: '{"Dachneigung": 35}',
      }),
      'de',
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Kennung (gml:id)', 'DEBY_LOD2_1'],
      ['Gebäudefunktion', 'Wohngebäude (31001_1000)'],
      ['Dachform', 'Satteldach (3100)'],
      ['Gebäudehöhe', '12,5\u00a0m'],
      ['Geschosse über Grund', '3'],
      ['Baujahr', '1975'],
      ['Adresse', 'Altstadt 1, 84028 Landshut'],
      ['Dachneigung', '35'],
    ]);
    const en = describeFeature(normaliseAttributes({ id: 'x', measuredHeight: 1234.5, roofType: '1000' }), 'en');
    expect(en.find((r) => r.key === 'measuredHeight')!.value).toBe('1,234.5\u00a0m');
    expect(en.find((r) => r.key === 'roofType')!.value).toBe('Flat roof (1000)');
  });

  it('reads lang attributes and has every string in both languages', () => {
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('EN')).toBe('en');
    expect(parseLang('fr')).toBe('de');
    expect(parseLang(null)).toBe('de');
    for (const key of stringKeys) {
      expect(t('en', key)).not.toBe(key);
      expect(t('de', key)).not.toBe(key);
    }
    expect(t('de', 'info.selected', { name: '<b>x</b>' })).toBe('Ausgewählt: <b>x</b>');
    expect(formatValue('yearOfConstruction', 1975, 'de')).toBe('1975');
  });
});
