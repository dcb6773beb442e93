import { describe, expect, it } from 'vitest';
import { compileStyle, parseColour, toHex, type FeatureAttributes } from '../../../src/core/index.js';

const building = (attrs: Partial<FeatureAttributes>): FeatureAttributes => ({ id: 'b', ...attrs }) as FeatureAttributes;

describe('style rules', () => {
  it('puts numeric values into classes at the breaks', () => {
    const style = compileStyle({ kind: 'classes', property: 'measuredHeight', breaks: [10, 20], colors: ['#000000', '#808080', '#ffffff'] });
    expect(style.colorOf(building({ measuredHeight: 9.99 }))).toEqual([0, 0, 0]);
    expect(style.colorOf(building({ measuredHeight: 10 }))).toEqual([128, 128, 128]);
    expect(style.colorOf(building({ measuredHeight: 19.5 }))).toEqual([128, 128, 128]);
    expect(style.colorOf(building({ measuredHeight: 20 }))).toEqual([255, 255, 255]);
    expect(style.colorOf(building({ measuredHeight: '25' }))).toEqual([255, 255, 255]);
  });

  it('gives features without the value the no-data colour and lists it in the legend', () => {
    const style = compileStyle({ kind: 'classes', property: 'measuredHeight', breaks: [10], colors: ['#000', '#fff'] });
    expect(style.legend('de').map((e) => e.label)).toEqual(['< 10\u00a0m', '≥ 10\u00a0m']);
    expect(toHex(style.colorOf(building({ measuredHeight: null }))!)).toBe('#bdbdbd');
    expect(style.legend('de').at(-1)).toEqual({ color: '#bdbdbd', label: 'keine Angabe' });
    expect(style.legend('en').at(-1)!.label).toBe('not given');
  });

  it('labels the height preset in metres and the year preset in whole years', () => {
    const heights = compileStyle({ kind: 'preset', name: 'height-classes' });
    expect(heights.legend('de').map((e) => e.label)).toEqual(['< 6\u00a0m', '6–10\u00a0m', '10–15\u00a0m', '15–20\u00a0m', '20–30\u00a0m', '≥ 30\u00a0m']);
    expect(heights.title('de')).toBe('Gebäudehöhe');
    const years = compileStyle({ kind: 'preset', name: 'year' });
    expect(years.legend('de').map((e) => e.label)).toEqual(['vor 1919', '1919–1948', '1949–1978', '1979–1994', '1995–2009', 'ab 2010']);
    expect(years.legend('en')[0].label).toBe('before 1919');
    expect(years.colorOf(building({ yearOfConstruction: 1919 }))).toEqual(parseColour('#d8b365'));
  });

  it('colours functions by AdV group with German legend words', () => {
    const style = compileStyle({ kind: 'preset', name: 'function' });
    const home = style.colorOf(building({ function: '31001_1000' }));
    const flat = style.colorOf(building({ function: '31001_1010' }));
    const shop = style.colorOf(building({ function: '31001_2054' }));
    expect(home).toEqual(flat);
    expect(home).not.toEqual(shop);
    expect(style.legend('de').map((e) => e.label)).toEqual(['Wohnen', 'Wirtschaft oder Gewerbe']);
    expect(style.legend('en').map((e) => e.label)).toEqual(['Residential', 'Business or trade']);
  });

  it('colours roof types with code-list words in the legend', () => {
    const style = compileStyle({ kind: 'preset', name: 'roof-type' });
    style.colorOf(building({ roofType: '3100' }));
    style.colorOf(building({ roofType: '1000' }));
    expect(style.legend('de').map((e) => e.label)).toEqual(['Flachdach', 'Satteldach']);
  });

  it('gives any categorical property stable colours from a palette', () => {
    const a = compileStyle({ kind: 'categories', property: 'district' });
    const b = compileStyle({ kind: 'categories', property: 'district' });
    const c1 = a.colorOf(building({ district: 'Altstadt' }));
    a.colorOf(building({ district: 'Nikola' }));
    // another instance, other order: same colour for the same value
    b.colorOf(building({ district: 'Nikola' }));
    expect(b.colorOf(building({ district: 'Altstadt' }))).toEqual(c1);
    expect(a.legend('de').map((e) => e.label)).toEqual(['Altstadt', 'Nikola']);
  });

  it('interpolates a ramp and clamps at the ends', () => {
    const style = compileStyle({ kind: 'ramp', property: 'storeysAboveGround', stops: [[0, '#000000'], [10, '#ffffff']] });
    expect(style.colorOf(building({ storeysAboveGround: 5 }))).toEqual([128, 128, 128]);
    expect(style.colorOf(building({ storeysAboveGround: -3 }))).toEqual([0, 0, 0]);
    expect(style.colorOf(building({ storeysAboveGround: 30 }))).toEqual([255, 255, 255]);
  });

  it('keeps the material colour for a plain rule without colour', () => {
    expect(compileStyle({ kind: 'plain' }).colorOf(building({}))).toBeNull();
    expect(compileStyle({ kind: 'plain', color: '#ff0000' }).colorOf(building({}))).toEqual([255, 0, 0]);
  });

  it('rejects broken rules with a message that says what is wrong', () => {
    expect(() => compileStyle({ kind: 'classes', property: 'h', breaks: [10, 5], colors: ['#000', '#111', '#222'] })).toThrow(/ascend/);
    expect(() => compileStyle({ kind: 'classes', property: 'h', breaks: [10], colors: ['#000'] })).toThrow(/need 2 colors, got 1/);
    expect(() => compileStyle({ kind: 'categories', property: 'f', colors: { a: 'blue-ish' } })).toThrow(/value "a".*not a colour/);
    expect(() => compileStyle({ kind: 'nope' } as never)).toThrow(/unknown/);
    expect(() => compileStyle({ kind: 'ramp', property: 'h', stops: [[1, '#000']] })).toThrow(/two stops/);
  });
});
