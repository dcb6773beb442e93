import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readGmlFeatureCollection } from '../../../../../src/core/formats/gml/gml-reader';
import { readGeoJson } from '../../../../../src/core/formats/geojson/geojson-reader';
import { readXPlan, xplanClassOf } from '../../../../../src/core/formats/xplanung/xplan-model';
import { planOverlay } from '../../../../../src/core/formats/xplanung/plan-overlay';
import { describeObject } from '../../../../../src/core/formats/xplanung/xplan-labels';
import type { ExtrudedPolygon, OverlayFeature } from '../../../../../src/core/overlay/overlay-data';
import { loadGeoid, toWgs84 } from '../../../../../src/core/geo';

const gml = readFileSync(resolve(__dirname, '../../../../fixtures/wfs/xplan-nested-5.4.gml'), 'utf8');
const features = () => readGmlFeatureCollection(gml, { source: 'xplan-nested-5.4.gml' }).features;
const byId = (list: OverlayFeature[], id: string) => list.find((f) => f.id === id)!;

describe('XPlanung model', () => {
  it('reads nested XPlanGML regulations, codes, Roman numerals and decimal commas', () => {
    const model = readXPlan(features());
    expect(model.version).toBe('5.4');
    expect(model.objects.map((o) => o.cls)).toEqual([
      'BP_Plan', 'BP_BaugebietsTeilFlaeche', 'BP_BaugebietsTeilFlaeche', 'BP_UeberbaubareGrundstuecksFlaeche',
      'BP_UeberbaubareGrundstuecksFlaeche', 'BP_UeberbaubareGrundstuecksFlaeche', 'BP_BauGrenze', 'BP_BauLinie', 'BP_HoehenMass',
    ]);
    const [plan, wa, mi, fh] = model.objects;
    expect(plan.text).toMatchObject({ name: 'Am Mühlbach', nummer: '12', gemeinde: 'Musterstadt', rechtsstand: '4000' });
    expect(wa).toMatchObject({ GRZ: 0.4, GFZ: 0.8, Z: 2, allgArtDerBaulNutzung: 1000, besondereArtDerBaulNutzung: 1200, bauweise: 1000, bebauungsArt: 4000, dachform: [3100], DNmin: 30, DNmax: 45 });
    expect(mi).toMatchObject({ GRZ: 0.6, Zmax: 3, Z: null, besondereArtDerBaulNutzung: 1500 });
    expect(mi.hoehenangaben).toEqual([
      { h: null, hMin: null, hMax: 532.5, hZwingend: null, bezugspunkt: 3000, hoehenbezug: 1000, abweichenderHoehenbezug: null },
      { h: 515, hMin: null, hMax: null, hZwingend: null, bezugspunkt: 6600, hoehenbezug: 1000, abweichenderHoehenbezug: null },
    ]);
    expect(fh.hoehenangaben.map((h) => [h.bezugspunkt, h.hMax])).toEqual([[1000, 6.5], [2000, 11.5]]);
  });

  it('reads flattened feature types: simple attributes, code names and labels, one flattened Höhenangabe', () => {
    const json = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'bp_baugebiet.1', properties: { GRZ: '0,35', Z: 'II', besondereArtDerBaulNutzung: 'AllgWohngebiet', bauweise: 'offene Bauweise', dachform: 'SD' }, geometry: null },
        { type: 'Feature', id: 'bp_baufenster.1', properties: { hoehenangabe_hMax: 9.5, hoehenangabe_bezugspunkt: 'FH', hoehenangabe_hoehenbezug: 'relativGelaendeoberkante' }, geometry: null },
      ],
    });
    const fc = readGeoJson(json);
    fc.features[0].type = 'ms:BP_BaugebietsTeilFlaeche';
    fc.features[1].type = 'BP_UeberbaubareGrundstuecksFlaeche_Flat';
    const [a, b] = readXPlan(fc.features).objects;
    expect(a).toMatchObject({ cls: 'BP_BaugebietsTeilFlaeche', GRZ: 0.35, Z: 2, besondereArtDerBaulNutzung: 1200, bauweise: 1000, dachform: [3100] });
    expect(b.cls).toBe('BP_UeberbaubareGrundstuecksFlaeche');
    expect(b.hoehenangaben).toEqual([{ h: null, hMin: null, hMax: 9.5, hZwingend: null, bezugspunkt: 2000, hoehenbezug: 2000, abweichenderHoehenbezug: null }]);
  });

  it('recognises class names in flattened type names, longest first', () => {
    expect(xplanClassOf('xplan:BP_BauGrenze')).toBe('BP_BauGrenze');
    expect(xplanClassOf('ms:bp_baulinie_2024')).toBe('BP_BauLinie');
    expect(xplanClassOf('plan_BP_BaugebietsTeilFlaeche')).toBe('BP_BaugebietsTeilFlaeche');
    expect(xplanClassOf('BP_GruenFlaeche')).toBeNull();
  });

  it('describes regulations in German', () => {
    const [, wa, mi] = readXPlan(features()).objects;
    expect(describeObject(wa)).toMatchObject({
      Objektart: 'Baugebietsteilfläche',
      'Art der baulichen Nutzung': 'Allgemeines Wohngebiet (WA)',
      'Allgemeine Art der baulichen Nutzung': 'Wohnbaufläche (W)',
      'Grundflächenzahl (GRZ)': 0.4,
      'Geschossflächenzahl (GFZ)': 0.8,
      'Vollgeschosse (Z)': 'II (2)',
      Bauweise: 'offene Bauweise (o)',
      Bebauungsart: 'Einzel- und Doppelhäuser (ED)',
      Dachform: 'Satteldach (SD)',
      Dachneigung: '30° bis 45°',
    });
    expect(describeObject(mi)).toMatchObject({
      'Vollgeschosse höchstens (Zmax)': 'III (3)',
      'Höhenangabe 1': 'Oberkante (OK): höchstens 532,5 m über Normalhöhennull (NHN)',
      'Höhenangabe 2': 'Geländeoberkante (GOK): 515 m über Normalhöhennull (NHN)',
    });
  });
});

describe('plan overlay', () => {
  it('drapes the areas in PlanZV colours, dashes the Baugrenze and draws the Baulinie solid', async () => {
    const { overlay, legend } = await planOverlay(features(), { id: 'bplan' });
    expect(overlay.id).toBe('bplan');
    expect(byId(overlay.features, 'wa1')).toMatchObject({ kind: 'draped-polygon', zIndex: 1, style: { fill: '#f6c4bf' } });
    expect(byId(overlay.features, 'mi1')).toMatchObject({ kind: 'draped-polygon', style: { fill: '#c69c72' } });
    const bg = byId(overlay.features, 'bg');
    expect(bg).toMatchObject({ kind: 'ground-line', style: { dash: [2, 1.2] } });
    // the arc is linearised: more than the 4 written positions
    expect((bg as { coords: Float64Array }).coords.length / 2).toBeGreaterThan(4);
    const bl = byId(overlay.features, 'bl');
    expect(bl.kind).toBe('ground-line');
    expect(bl.style.dash).toBeUndefined();
    expect(byId(overlay.features, 'plan')).toMatchObject({ kind: 'ground-line' });
    expect(byId(overlay.features, 'hm')).toMatchObject({ kind: 'draped-polygon', zIndex: 3 });
    expect(legend.title).toBe('Bebauungsplan Am Mühlbach (Nr. 12)');
    expect(legend.entries.map((e) => e.label)).toEqual([
      'Allgemeines Wohngebiet (WA)', 'Mischgebiet (MI)', 'Baufenster, bis zur zulässigen Höhe', 'Baugrenze', 'Baulinie', 'Höhenmaß', 'Grenze des Geltungsbereichs',
    ]);
    expect(legend.notes[0]).toMatch(/Zahl der Vollgeschosse \(Z\) × 3,5 m/);
    // lon/lat, as the overlay contract says
    const ring = (byId(overlay.features, 'wa1') as { rings: Float64Array[] }).rings[0];
    expect([ring[0], ring[1]]).toEqual(toWgs84(25832)(690000, 5340000));
  });

  it('extrudes Baufenster to the governing height: Firsthöhe over the eaves, Z of the area, absolute NHN', async () => {
    const { overlay, counts, legend } = await planOverlay(features(), { id: 'bplan' });
    expect(counts.extruded).toBe(3);
    const fh = byId(overlay.features, 'ugf-fh') as ExtrudedPolygon;
    expect([fh.baseHeight, fh.topHeight]).toEqual([null, 11.5]);
    expect(fh.properties['Höhe des Baufensters im 3D-Modell']).toBe('Firsthöhe (FH) höchstens 11,5 m über Geländeoberkante');
    const inherit = byId(overlay.features, 'ugf-inherit') as ExtrudedPolygon;
    expect([inherit.baseHeight, inherit.topHeight]).toEqual([null, 7]);
    expect(inherit.properties['Liegt in']).toBe('Allgemeines Wohngebiet (WA), GRZ 0,4');
    const abs = byId(overlay.features, 'ugf-absolute') as ExtrudedPolygon;
    // OK 532.5 m NHN over ground 515 m NHN, both lifted by the quasigeoid
    expect(abs.topHeight - abs.baseHeight!).toBeCloseTo(17.5, 9);
    const grid = await loadGeoid();
    const [lon, lat] = toWgs84(25832)(690150, 5340050);
    expect(abs.baseHeight! - 515).toBeCloseTo(grid.undulation(lon, lat), 6);
    expect(abs.baseHeight! - 515).toBeGreaterThan(40);
    expect(legend.notes.join(' ')).toMatch(/EGM96/);
  });

  it('uses the configured storey height and says so in the legend', async () => {
    const { overlay, legend } = await planOverlay(features(), { id: 'bplan', storeyHeight: 3 });
    expect((byId(overlay.features, 'ugf-inherit') as ExtrudedPolygon).topHeight).toBe(6);
    expect(legend.notes[0]).toMatch(/× 3 m angenommene Geschosshöhe/);
  });
});
