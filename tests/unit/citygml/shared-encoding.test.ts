// The CityGML and WFS decoders share one encoding detection (src/core/formats/xml/xml-bytes.ts).
import { describe, expect, it } from 'vitest';
import { decodeXmlBytes, detectEncoding } from '../../../src/core/formats/xml/xml-bytes';

const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));

describe('shared encoding detection', () => {
  it('recognises UTF-16 without a byte-order mark whatever the first element is, in both readers', () => {
    const doc = '<CityModel>ä</CityModel>';
    expect(detectEncoding(utf16le(doc))).toBe('utf-16le');
    expect(decodeXmlBytes(utf16le(doc)).text).toBe(doc);
  });

  it('reads the same declared label, and names one that is not an encoding name', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding=" ISO-8859-1 "?><a/>');
    expect(detectEncoding(bytes)).toBe('ISO-8859-1');
    expect(decodeXmlBytes(bytes).encoding).toBe('windows-1252');
    const bad = new TextEncoder().encode('<?xml version="1.0" encoding="utf 8"?><a/>');
    expect(() => detectEncoding(bad, 'x.gml')).toThrow(/x\.gml:1:1: Invalid encoding name "utf 8"/);
    expect(decodeXmlBytes(bad, 'x.gml').warning).toMatch(/x\.gml: unknown character encoding "utf 8"; read as UTF-8/);
  });
});

describe('bytes that do not fit a UTF-16 file', () => {
  it('are replaced with a warning instead of failing without a place', async () => {
    const { readAll, cityModel, simpleBuilding } = await import('./helpers/read-all');
    const doc = utf16le(cityModel(simpleBuilding('B1')));
    const bytes = new Uint8Array(doc.length + 2);
    bytes.set([0xff, 0xfe]);
    bytes.set(doc, 2);
    // a lone high surrogate in the whitespace between the root and its first member
    const at = 2 + 2 * cityModel(simpleBuilding('B1')).indexOf('\n<core:cityObjectMember');
    bytes.set([0x00, 0xd8], at);
    const { buildings, warnings, error } = await readAll(bytes, { file: 'u16.gml' });
    expect(error).toBeUndefined();
    expect(buildings.map((b) => b.id)).toEqual(['B1']);
    expect(warnings).toMatchObject([{ code: 'invalid-bytes', file: 'u16.gml', message: 'Bytes that are not valid utf-16le were replaced.' }]);
  });
});
