import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../../../src/core/formats/geojson/geojson-reader';
import { planOverlay } from '../../../../src/core/formats/xplanung/plan-overlay';
import { isXPlanungType } from '../../../../src/core/formats/generic-overlay';

describe('other WFS feature types', () => {
  it('are drawn plainly next to a plan, with their properties as text', async () => {
    const fc = readGeoJson(JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'schulen.1', properties: { name: 'Grundschule <b>Nord</b>', plaetze: 240, meta: { a: 1 } }, geometry: { type: 'Point', coordinates: [11.5, 48.1] } },
        { type: 'Feature', id: 'radwege.4', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[11.5, 48.1], [11.6, 48.1]], [[11.5, 48.2], [11.6, 48.2]]] } },
        { type: 'Feature', id: 'XP_PPO.9', properties: {}, geometry: { type: 'Point', coordinates: [11.5, 48.1] } },
      ],
    }));
    const { overlay, counts, legend } = await planOverlay(fc.features, { id: 'x' });
    expect(counts.other).toBe(3);
    expect(overlay.features.map((f) => f.kind)).toEqual(['draped-polygon', 'ground-line', 'ground-line']);
    expect(overlay.features[0].properties).toMatchObject({ Objektart: 'schulen', name: 'Grundschule <b>Nord</b>', plaetze: 240, meta: '{"a":1}', Kennung: 'schulen.1' });
    expect(legend.title).toBe('schulen, radwege');
    expect(isXPlanungType('xplan:BP_GruenFlaeche')).toBe(true);
    expect(isXPlanungType('ms:bplan_flaechen')).toBe(false);
  });
});
