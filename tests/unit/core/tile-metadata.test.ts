import { describe, expect, it } from 'vitest';
import { metadataSections } from '../../../src/core/index.js';

const tileset = {
  schema: {
    classes: {
      town: { name: 'Stadt', properties: { name: { name: 'Name', type: 'STRING' }, tags: { type: 'STRING', array: true } } },
      zone: { properties: { use: { name: 'Nutzung', type: 'ENUM', enumType: 'use' } } },
    },
    enums: { use: { values: [{ name: 'Wohnen', value: 0 }, { name: 'Gewerbe', value: 1 }] } },
  },
  metadata: { class: 'town', properties: { name: 'Musterstadt', tags: ['alt', 'neu'] } },
  groups: [{ class: 'zone', properties: { use: 'Gewerbe' } }],
};

describe('metadataSections', () => {
  it('orders tileset, group, tile and content, labelled from the schema', () => {
    const sections = metadataSections(tileset, { metadata: { class: 'zone', properties: { use: 0 } } }, { group: 0, metadata: { class: 'unknown', properties: { a: 1 } } });
    expect(sections.map((s) => [s.level, s.className])).toEqual([
      ['tileset', 'Stadt'],
      ['group', 'zone'],
      ['tile', 'zone'],
      ['content', 'unknown'],
    ]);
    expect(sections[0].rows).toEqual([
      { key: 'name', label: 'Name', value: 'Musterstadt' },
      { key: 'tags', label: 'tags', value: 'alt, neu' },
    ]);
    // JSON metadata names enum values; a numeric one is looked up
    expect(sections[1].rows[0]).toEqual({ key: 'use', label: 'Nutzung', value: 'Gewerbe' });
    expect(sections[2].rows[0].value).toBe('Wohnen');
    expect(sections[3].rows[0]).toEqual({ key: 'a', label: 'a', value: 1 });
  });

  it('skips what is malformed instead of throwing, and bounds what is huge', () => {
    const properties = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, 'x'.repeat(2000)]));
    const sections = metadataSections(
      { schema: 'nonsense' as never, metadata: { class: 'big', properties }, groups: 'no' as never },
      { metadata: { class: 7 as never, properties: {} } },
      { group: 3, metadata: { class: 'c', properties: null as never } },
    );
    expect(sections).toHaveLength(1);
    expect(sections[0].rows).toHaveLength(64);
    expect(String(sections[0].rows[0].value).length).toBeLessThanOrEqual(501);
    expect(metadataSections(null, null, null)).toEqual([]);
  });
});
