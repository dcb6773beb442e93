// Character encodings: the declaration (ISO-8859-1, windows-1252), byte-order marks, and undeclared Latin-1.
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/core/formats/xml/xml-bytes';
import { cityModel, fixture, readAll, simpleBuilding } from './helpers/read-all';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('encodings', () => {
  it('reads an ISO-8859-1 file by its declaration', async () => {
    const { buildings, warnings, error } = await readAll(fixture('latin1-citygml1.gml'));
    expect(error).toBeUndefined();
    expect(warnings).toEqual([]);
    const b = buildings[0];
    expect(b.attributes.name).toBe('Grünwalder Mühle');
    expect(b.attributes.generic).toEqual({ Straßenschlüssel: 'Münchner Straße' });
    expect(b.attributes.address).toBe('Ölmühlweg 3, Fürstenfeldbruck');
    expect(b.srsName).toBe('EPSG:25832');
    expect(b.lod).toBe(1);
    expect(b.polygons).toHaveLength(6);
  });

  it('decodes windows-1252 bytes such as 0x80 (€)', async () => {
    const xml = cityModel(simpleBuilding('A', undefined, '<gml:name>Preis \x80 und Maß</gml:name>')).replace('encoding="UTF-8"', 'encoding="windows-1252"');
    const { buildings } = await readAll(latin1(xml));
    expect(buildings[0].attributes.name).toBe('Preis € und Maß');
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one', async () => {
    const xml = cityModel(simpleBuilding('Ä', undefined, '<gml:name>Weißenburg</gml:name>'));
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    expect((await readAll(utf8)).buildings[0].attributes.name).toBe('Weißenburg');
    const utf16 = new Uint8Array(Buffer.from('\ufeff' + xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le'));
    const { buildings, error } = await readAll(utf16, { chunkSize: 3 });
    expect(error).toBeUndefined();
    expect(buildings.map((b) => [b.id, b.attributes.name])).toEqual([['Ä', 'Weißenburg']]);
  });

  it('keeps going, with one warning, when an undeclared file is not UTF-8', async () => {
    const xml = cityModel(simpleBuilding('A', undefined, '<gml:name>Fürth</gml:name>') + simpleBuilding('B', undefined, '<gml:name>Würzburg</gml:name>'));
    const { buildings, warnings, error } = await readAll(latin1(xml), { chunkSize: 5 });
    expect(error).toBeUndefined();
    expect(buildings.map((b) => b.attributes.name)).toEqual(['F\ufffdrth', 'W\ufffdrzburg']);
    expect(warnings.map((w) => w.code)).toEqual(['invalid-utf8']);
  });

  it('detects the encoding from the head bytes', () => {
    const head = (s: string) => latin1(s);
    expect(detectEncoding(head('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'))).toBe('ISO-8859-1');
    expect(detectEncoding(head("<?xml version='1.0' encoding='latin1' standalone='yes'?>"))).toBe('latin1');
    expect(detectEncoding(head('<?xml version="1.0"?><a/>'))).toBe('utf-8');
    expect(detectEncoding(head('<a/>'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x3c]))).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0x3c, 0, 0x3f, 0]))).toBe('utf-16le');
  });
});
