import { describe, expect, it } from 'vitest';
import { describeCode, functionGroup, lookupCode, bareCode, buildingFunctionCodes, roofTypeCodes } from '../../../src/core/index.js';

describe('AdV code lists', () => {
  it('reads building functions in German and English', () => {
    expect(lookupCode('buildingFunction', '31001_1000', 'de')).toBe('Wohngebäude');
    expect(lookupCode('buildingFunction', '31001_2000', 'de')).toBe('Gebäude für Wirtschaft oder Gewerbe');
    expect(lookupCode('buildingFunction', '31001_3000', 'de')).toBe('Gebäude für öffentliche Zwecke');
    expect(lookupCode('buildingFunction', '31001_2463', 'de')).toBe('Garage');
    expect(lookupCode('buildingFunction', '31001_3041', 'de')).toBe('Kirche');
    expect(lookupCode('buildingFunction', '31001_3065', 'de')).toBe('Kinderkrippe, Kindergarten, Kindertagesstätte');
    expect(lookupCode('buildingFunction', '31001_9998', 'de')).toBe('Nach Quellenlage nicht zu spezifizieren');
    expect(lookupCode('buildingFunction', '31001_1000', 'en')).toBe('Residential building');
    expect(lookupCode('buildingFunction', '1000', 'de')).toBe('Wohngebäude');
  });

  it('reads every AdV roof type', () => {
    const expected: Record<string, string> = {
      '1000': 'Flachdach',
      '2100': 'Pultdach',
      '2200': 'Versetztes Pultdach',
      '3100': 'Satteldach',
      '3200': 'Walmdach',
      '3300': 'Krüppelwalmdach',
      '3400': 'Mansardendach',
      '3500': 'Zeltdach',
      '3600': 'Kegeldach',
      '3700': 'Kuppeldach',
      '3800': 'Sheddach',
      '3900': 'Bogendach',
      '4000': 'Turmdach',
      '5000': 'Mischform',
      '9999': 'Sonstiges',
    };
    for (const [code, word] of Object.entries(expected)) expect(lookupCode('roofType', code, 'de')).toBe(word);
    expect(Object.keys(roofTypeCodes).sort()).toEqual(Object.keys(expected).sort());
    expect(lookupCode('roofType', 3100, 'en')).toBe('Gable roof');
  });

  it('returns null for unknown or malformed codes and shows them as they are', () => {
    expect(lookupCode('buildingFunction', '31001_1234', 'de')).toBeNull();
    expect(lookupCode('buildingFunction', '51009_1610', 'de')).toBeNull();
    expect(lookupCode('roofType', 'Satteldach', 'de')).toBeNull();
    expect(describeCode('function', '51009_1610', 'de')).toBe('51009_1610');
    expect(describeCode('roofType', '3100', 'de')).toBe('Satteldach (3100)');
    expect(describeCode('usage', '31001_2020', 'de')).toBe('Bürogebäude (31001_2020)');
    expect(describeCode('name', '3100', 'de')).toBe('3100');
  });

  it('groups function codes by their first digit', () => {
    expect(functionGroup('31001_1010')).toBe('1');
    expect(functionGroup('31001_2463')).toBe('2');
    expect(functionGroup('31001_3041')).toBe('3');
    expect(functionGroup('31001_9999')).toBe('9');
    expect(functionGroup('oops')).toBeNull();
    expect(bareCode('buildingFunction', '31001_1000')).toBe('1000');
  });

  it('has a German and an English word for every code, and codes are four digits', () => {
    for (const table of [buildingFunctionCodes, roofTypeCodes]) {
      for (const [code, [de, en]] of Object.entries(table)) {
        expect(code).toMatch(/^\d{4}$/);
        expect(de.length).toBeGreaterThan(2);
        expect(en.length).toBeGreaterThan(2);
      }
    }
  });
});
