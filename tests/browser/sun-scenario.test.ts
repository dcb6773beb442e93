// "Besonnung vergleichen" in a viewer with a planning scenario: without a `comparison` set, <twinby-sun>
// compares Bestand with the scenario's variant (its planned tileset from blob: URLs, its replaced buildings
// left out), and the neighbour east of the planned block loses morning sun.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyScenario, TwinbyViewer } from '../../src/index.js';
import { defineSunElement, type TwinbySun } from '../../src/element/sun/index.js';
import { fromWgs84, loadGeoid } from '../../src/core/geo/index.js';
import type { Scenario } from '../../src/core/scenario/index.js';
import { frames, loadTown, offset, waitFor } from './helpers.js';
import { defineScenarioElement } from '../../src/element/scenario/index.js';

defineScenarioElement();

defineSunElement();

const shadowUrl = '/tests/browser/fixtures/shadow/tileset.json';
const toUtm = fromWgs84(25832);

/** A 10 m cube 60 m east of SHADOW_CUBE (where the fixture's PLANNED_CUBE stands), replacing SHADOW_HIDE. */
async function towerScenario(): Promise<Scenario> {
  const { origin } = await loadTown();
  const n = (await loadGeoid()).undulation(origin.lon, origin.lat);
  const corners = await Promise.all([[55, -5], [65, -5], [65, 5], [55, 5]].map(([e, s]) => offset(e, s)));
  return {
    version: 1,
    name: 'Sonne',
    base: {},
    variants: [
      {
        id: 'neu',
        title: 'Neubau Ost',
        replaces: ['SHADOW_HIDE'],
        buildings: [{ kind: 'block', id: 'OST-1', footprint: corners.map((c) => toUtm(c.lon, c.lat) as [number, number]), base: origin.height - n, height: 10 }],
      },
    ],
  };
}

describe('<twinby-sun> with <twinby-scenario>', () => {
  let viewer: TwinbyViewer;
  afterEach(() => viewer?.remove());

  it('compares Bestand with the scenario variant: its planned block takes sun from the neighbour, its replaced building is left out', async () => {
    const { origin } = await loadTown();
    await customElements.whenDefined('twinby-scenario');
    viewer = document.createElement('twinby-viewer') as TwinbyViewer;
    viewer.style.cssText = 'width: 720px; height: 900px;';
    viewer.setAttribute('src', shadowUrl);
    viewer.setAttribute('view', `${origin.lon},${origin.lat - 0.0012},${origin.height + 120},0,-50`);
    const scenario = document.createElement('twinby-scenario') as TwinbyScenario;
    const sun = document.createElement('twinby-sun') as TwinbySun;
    sun.setAttribute('date', '2025-03-21');
    viewer.append(scenario, sun);
    const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
    const loaded = new Promise((resolve) => viewer.addEventListener('twinby-scenario-load', resolve, { once: true }));
    document.body.append(viewer);
    await ready;
    void scenario.load(await towerScenario());
    await loaded;
    await frames(2);

    // Bestand is shown: the first variant stands in for "the plan"
    const result = await sun.compare();
    const cube = result.buildings.find((b) => b.id === 'SHADOW_CUBE');
    expect(cube, 'SHADOW_CUBE is a neighbour of the change').toBeDefined();
    expect(cube!.lostHours).toBeGreaterThan(0); // net: it gains afternoon sun where SHADOW_HIDE stood
    expect(cube!.maxLostHours).toBeGreaterThan(0.4);
    // the replaced building is gone in the variant, so it is no neighbour; the planned block is none either
    expect(result.buildings.map((b) => b.id)).not.toContain('SHADOW_HIDE');
    expect(result.buildings.map((b) => b.id)).not.toContain('OST-1');
    const header = [...sun.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent).join(' ');
    expect(header).toContain('Neubau Ost');

    // both panels live in the top-left corner: the sun's stacks below the scenario's instead of covering it
    const scenarioPanel = scenario.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
    await frames(2);
    const sunPanel = sun.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
    expect(scenarioPanel.height).toBeGreaterThan(0);
    expect(sunPanel.top, JSON.stringify({ sunPanel, scenarioPanel, viewer: viewer.getBoundingClientRect(), inline: sun.shadowRoot!.querySelector<HTMLElement>('.panel')!.style.cssText })).toBeGreaterThanOrEqual(scenarioPanel.bottom);
  });

  it('the sun panel stacks below the scenario panel when the page writes <twinby-sun> first (as the demo does)', async () => {
    const { origin } = await loadTown();
    viewer = document.createElement('twinby-viewer') as TwinbyViewer;
    viewer.style.cssText = 'width: 720px; height: 900px;';
    viewer.setAttribute('src', shadowUrl);
    viewer.setAttribute('view', `${origin.lon},${origin.lat - 0.0012},${origin.height + 120},0,-50`);
    const sun = document.createElement('twinby-sun') as TwinbySun;
    viewer.append(sun);
    const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
    document.body.append(viewer);
    await ready;
    // the scenario comes into the page after the sun
    const scenario = document.createElement('twinby-scenario') as TwinbyScenario;
    const loaded = new Promise((resolve) => viewer.addEventListener('twinby-scenario-load', resolve, { once: true }));
    viewer.append(scenario);
    void scenario.load(await towerScenario());
    await loaded;
    const scenarioPanel = await waitFor(() => {
      const box = scenario.shadowRoot?.querySelector('.panel')?.getBoundingClientRect();
      return box && box.height > 0 ? box : null;
    }, 'the scenario panel');
    await waitFor(() => sun.shadowRoot!.querySelector('.panel')!.getBoundingClientRect().top >= scenarioPanel.bottom, 'the sun panel below it');
  });
});
