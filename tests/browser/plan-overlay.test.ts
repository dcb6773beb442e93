/**
 * <twinby-plan> in a real viewer over the fixture town: the plan is draped under the buildings
 * (never on their roofs), a Baufenster stands as a volume, a click on it lists its Z.
 * <twinby-wfs> against a real MapServer is in wfs-mapserver.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/index.js';
import { definePlanElements, type TwinbyPlan } from '../../src/element/plan-elements.js';
import type { TwinbyViewer } from '../../src/index.js';
import type { SelectDetail } from '../../src/element/viewer-events.js';
import { formatView } from '../../src/core/index.js';
import { building, canvasOf, closeView, colourDistance, expectPlanDrawn, frames, offset, pixelAt, probePlan, screenAt, townUrl } from './helpers.js';
import nestedPlan from '../fixtures/wfs/xplan-nested-5.4.gml?raw';

definePlanElements();

const viewers: TwinbyViewer[] = [];
afterEach(() => {
  for (const el of viewers.splice(0)) el.remove();
});

function once<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(type, resolve as EventListener, { once: true }));
}

async function mounted(): Promise<TwinbyViewer> {
  const el = document.createElement('twinby-viewer');
  el.setAttribute('view', formatView(closeView));
  el.setAttribute('src', townUrl);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  viewers.push(el);
  const ready = once(el, 'twinby-ready');
  document.body.appendChild(el);
  await ready;
  await frames(3);
  return el;
}

const GROUND = 440;

/** A rectangle in metres around the fixture origin as a lon/lat ring. */
async function rect(e0: number, n0: number, e1: number, n1: number): Promise<number[][]> {
  const corners = [[e0, n0], [e1, n0], [e1, n1], [e0, n1], [e0, n0]];
  return Promise.all(corners.map(async ([e, n]) => {
    const p = await offset(e, n);
    return [p.lon, p.lat];
  }));
}

/** A flattened Bebauungsplan over the fixture town: WA under buildings 1–4, GE under 5–8, a Baufenster (Z III) in the gap. */
async function townPlan(): Promise<string> {
  const feature = (id: string, properties: object, coordinates: number[][], type = 'Polygon') => ({
    type: 'Feature', id, properties, geometry: { type, coordinates: type === 'Polygon' ? [coordinates] : coordinates },
  });
  const ugf = await rect(-12, -8, -3, 8);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature('BP_BaugebietsTeilFlaeche.WA', { besondereArtDerBaulNutzung: 1200, GRZ: 0.4, Z: 2 }, await rect(-60, -30, -1, 30)),
      feature('BP_BaugebietsTeilFlaeche.GE', { besondereArtDerBaulNutzung: 1700, GRZ: 0.8 }, await rect(1, -30, 60, 30)),
      feature('BP_UeberbaubareGrundstuecksFlaeche.UGF', { Z: 3 }, ugf),
      feature('BP_BauGrenze.BG', {}, ugf, 'LineString'),
    ],
  });
}


describe('<twinby-plan>', () => {
  it('drapes the plan under the buildings, extrudes the Baufenster, and a click on it lists its Z', async () => {
    const el = await mounted();
    const canvas = canvasOf(el);
    const b4 = await building(4);
    const ground = await screenAt(el, -32, 0, GROUND); // WA, between buildings
    const roof = el.activeEngine!.projectToScreen(b4.lon, b4.lat, b4.ground + b4.height)!;
    const volume = await screenAt(el, -7.5, 0, GROUND + 5); // inside the Baufenster, half way up
    const before = probePlan(canvas, { ground, roof, volume });

    const plan = document.createElement('twinby-plan') as TwinbyPlan;
    const loaded = once(plan, 'twinby-plan-load');
    el.appendChild(plan);
    await plan.load(new Blob([await townPlan()], { type: 'application/geo+json' }));
    const detail = (await loaded).detail;
    expect(detail.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 2, BP_UeberbaubareGrundstuecksFlaeche: 1, extruded: 1, BP_BauGrenze: 1 });
    await frames(4);

    expectPlanDrawn(before, probePlan(canvas, { ground, roof, volume }));

    // legend and layer switch
    const legend = plan.shadowRoot!.querySelector('[part="plan-legend"]')!;
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent!.trim())).toEqual(
      expect.arrayContaining(['Allgemeines Wohngebiet (WA)', 'Gewerbegebiet (GE)', 'Baufenster, bis zur zulässigen Höhe', 'Baugrenze']),
    );
    expect(legend.textContent).toMatch(/× 3,5 m angenommene Geschosshöhe/);

    const selected = once(el, 'twinby-select');
    const stage = el.shadowRoot!.querySelector('[part="stage"]')!.getBoundingClientRect();
    await userEvent.click(page.getByRole('application', { name: '3D-Stadtmodell' }), { position: { x: volume.x - stage.left, y: volume.y - stage.top } });
    const pick: SelectDetail = (await selected).detail;
    expect(pick).toMatchObject({ kind: 'overlay', layerId: plan.layerId, id: 'BP_UeberbaubareGrundstuecksFlaeche.UGF' });
    expect(pick.attributes).toMatchObject({ Objektart: 'Überbaubare Grundstücksfläche (Baufenster)', 'Vollgeschosse (Z)': 'III (3)' });
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('[part="info-panel"] .row')].map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]);
    expect(rows).toContainEqual(['Vollgeschosse (Z)', 'III (3)']);
    expect(rows.find(([k]) => k === 'Höhe des Baufensters im 3D-Modell')?.[1]).toMatch(/3 Vollgeschosse × 3,5 m/);

    // the layer switch hides the plan: the ground gets its own colour back
    const box = legend.querySelector('input[type="checkbox"]') as HTMLInputElement;
    box.click();
    await frames(4);
    expect(plan.visible).toBe(false);
    expect(colourDistance(pixelAt(canvas, ground.x, ground.y), before.ground)).toBeLessThan(8);
  });

  it('loads XPlanGML from src and from a file dropped on the viewer, through the same parser', async () => {
    const el = await mounted();
    const plan = document.createElement('twinby-plan') as TwinbyPlan;
    plan.setAttribute('src', URL.createObjectURL(new Blob([nestedPlan], { type: 'application/gml+xml' })));
    plan.setAttribute('droppable', '');
    const first = once(plan, 'twinby-plan-load');
    el.appendChild(plan);
    expect((await first).detail).toMatchObject({ title: 'Bebauungsplan Am Mühlbach (Nr. 12)', counts: { extruded: 3 } });

    const dropped = once(plan, 'twinby-plan-load');
    const dt = new DataTransfer();
    dt.items.add(new File([await townPlan()], 'stadtplan.geojson', { type: 'application/geo+json' }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    expect((await dropped).detail.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 2, extruded: 1 });
  });

  it('reports an unreadable plan as twinby-error with its place in the file', async () => {
    const el = await mounted();
    const errors: Array<{ kind: string; message: string; layerId?: string }> = [];
    el.addEventListener('twinby-error', (e) => errors.push(e.detail));
    const plan = document.createElement('twinby-plan') as TwinbyPlan;
    el.appendChild(plan);
    const file = new File(['<xplan:XPlanAuszug xmlns:xplan="x">\n  <broken></xplan:XPlanAuszug>'], 'kaputt.gml');
    await expect(plan.load(file)).rejects.toThrow(/kaputt\.gml:2:\d+: malformed XML/);
    expect(errors[0]).toMatchObject({ kind: 'parse', layerId: plan.layerId });
    expect(plan.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/kaputt\.gml:2/);
  });
});
