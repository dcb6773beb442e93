// An explicit nesting limit: 12,000 nested elements end in a located error, and the buildings before them arrive.
import { describe, expect, it } from 'vitest';
import { CityGMLError } from '../../../workers/lib/citygml/citygml-error';
import { MAX_XML_DEPTH as MAX_CITYGML_DEPTH } from '../../../src/core/formats/xml/xml-tokenizer';
import { cityModel, fixture, readAll } from './helpers/read-all';

describe('CityGML nesting limit', () => {
  it('refuses elements nested deeper than the limit, with file, line and column', async () => {
    const adv = new TextDecoder().decode(fixture('adv-lod2-citygml1.gml'));
    const cut = adv.lastIndexOf('</core:CityModel>');
    const deep = `\n<core:cityObjectMember><gen:GenericCityObject>${'<gen:x>'.repeat(12_000)}${'</gen:x>'.repeat(12_000)}</gen:GenericCityObject></core:cityObjectMember>\n`;
    const text = adv.slice(0, cut) + deep + adv.slice(cut);
    const outcome = await readAll(text, { file: 'deep.gml' });
    expect(outcome.buildings.length).toBe(2);
    expect(outcome.error).toBeInstanceOf(CityGMLError);
    const e = outcome.error as CityGMLError;
    expect(e.code).toBe('too-deep');
    expect(e.message).toMatch(new RegExp(`deeper than ${MAX_CITYGML_DEPTH}`));
    expect(e.file).toBe('deep.gml');
    expect(e.line).toBe(text.slice(0, text.indexOf('<gen:x>')).split('\n').length);
  });

  it('inside a building too', async () => {
    const nested = `<core:cityObjectMember><bldg:Building gml:id="B">${'<bldg:x>'.repeat(5_000)}${'</bldg:x>'.repeat(5_000)}</bldg:Building></core:cityObjectMember>`;
    const outcome = await readAll(cityModel(nested));
    expect((outcome.error as CityGMLError).code).toBe('too-deep');
  });
});
