/**
 * The demo's whole set of panels (scenario, sun, spatial, council, plan legend, style legend, base map and its
 * attribution) in one viewer: at phone, tablet and desktop sizes no panel covers another or leaves the
 * viewer; on a 390 × 844 phone they start as toggles and the map keeps ≥ 60 %; an opened bottom sheet lifts
 * the bottom corners above it. Touch: a pinch zooms the camera, two fingers moved together tilt it.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { defineBasemapElement } from '../../src/element/basemap/index.js';
import { defineCouncilElement } from '../../src/element/council/index.js';
import { definePlanElements } from '../../src/element/plan-elements.js';
import { defineSpatialElement, type TwinbySpatial } from '../../src/element/spatial/index.js';
import { defineSunElement } from '../../src/element/sun/index.js';
import { defineScenarioElement, type TwinbyScenario } from '../../src/element/scenario/index.js';
import nestedPlan from '../fixtures/wfs/xplan-nested-5.4.gml?raw';
import { frames, townUrl, waitFor } from './helpers.js';
import { once, testScenario, townFootprints } from './scenario-fixture.js';

defineBasemapElement();
defineCouncilElement();
definePlanElements();
defineSpatialElement();
defineSunElement();
defineScenarioElement();

let footprints = '';
let plan = '';
let wmts = '';
beforeAll(async () => {
  footprints = await townFootprints();
  plan = URL.createObjectURL(new Blob([nestedPlan], { type: 'application/gml+xml' }));
  wmts = (await commands.startRasterServers()).wmts;
}, 90_000);
afterAll(async () => {
  URL.revokeObjectURL(footprints);
  URL.revokeObjectURL(plan);
  await commands.stopRasterServers(wmts);
});
const viewers: TwinbyViewer[] = [];
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

async function demo(width: number, height: number): Promise<TwinbyViewer> {
  await page.viewport(width, height);
  const viewer = document.createElement('twinby-viewer') as TwinbyViewer;
  viewer.style.cssText = `position:fixed;left:0;top:0;width:${width}px;--twinby-height:${height}px;`;
  viewer.setAttribute('src', townUrl);
  viewer.innerHTML = `<twinby-basemap type="wmts" layer="ground" matrix-set="utm32" label="Test" attribution="Grundkarte: Test"></twinby-basemap>
    <twinby-plan></twinby-plan><twinby-spatial></twinby-spatial><twinby-sun></twinby-sun><twinby-scenario></twinby-scenario>
    <twinby-council presentation-title="Test"></twinby-council>`;
  viewer.querySelector('twinby-basemap')!.setAttribute('url', wmts);
  viewer.querySelector('twinby-plan')!.setAttribute('src', plan);
  viewer.querySelector('twinby-spatial')!.setAttribute('footprints', footprints);
  viewers.push(viewer);
  const ready = once(viewer, 'twinby-ready');
  const planned = once(viewer, 'twinby-plan-load');
  document.body.append(viewer);
  await ready;
  const scenario = viewer.querySelector<TwinbyScenario>('twinby-scenario')!;
  const loaded = once(viewer, 'twinby-scenario-load');
  void scenario.load(await testScenario());
  await Promise.all([loaded, planned, viewer.querySelector<TwinbySpatial>('twinby-spatial')!.ready]);
  viewer.setStyle({ kind: 'preset', name: 'height-classes' });
  await settled(viewer);
  return viewer;
}

/** Every panel box on the viewer, by name. */
function boxes(viewer: TwinbyViewer): Map<string, DOMRect> {
  const out = new Map<string, DOMRect>();
  const add = (name: string, el: Element | null | undefined) => {
    const r = el?.getBoundingClientRect();
    if (r && r.width > 0 && r.height > 0) out.set(name, r);
  };
  for (const child of viewer.children) {
    const own = child.localName === 'twinby-plan' || child.localName === 'twinby-basemap';
    add(child.localName, own ? child : child.shadowRoot?.querySelector('.panel'));
  }
  add('legend', viewer.shadowRoot!.querySelector('.legend'));
  add('controls', viewer.shadowRoot!.querySelector('.controls'));
  return out;
}

/** Waits until the layout stops moving (it runs in animation frames after resizes). */
async function settled(viewer: TwinbyViewer): Promise<void> {
  let last = '';
  await waitFor(async () => {
    await frames(3);
    const now = JSON.stringify([...boxes(viewer)].map(([n, r]) => [n, Math.round(r.top), Math.round(r.height)]));
    const same = now === last;
    last = now;
    return same;
  }, 'the panels to settle', 30_000);
}

function expectNoOverlap(viewer: TwinbyViewer, expected: string[]): Map<string, DOMRect> {
  const all = boxes(viewer);
  for (const name of expected) expect(all.has(name), `${name} shown`).toBe(true);
  const frame = viewer.getBoundingClientRect();
  const list = [...all];
  for (const [name, r] of list) {
    expect(r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5 && r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5, `${name} inside the viewer`).toBe(true);
  }
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, ra] = list[i]!;
      const [b, rb] = list[j]!;
      const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 0.5 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 0.5;
      expect(overlap, `${a} ${JSON.stringify(ra)} covers ${b} ${JSON.stringify(rb)}`).toBe(false);
    }
  }
  return all;
}

/** Share of the viewer under no panel (areas summed, so never more than the true share). */
function mapShare(viewer: TwinbyViewer): number {
  const area = (r: DOMRect) => r.width * r.height;
  return 1 - [...boxes(viewer).values()].reduce((s, r) => s + area(r), 0) / area(viewer.getBoundingClientRect());
}

const ALL = ['twinby-basemap', 'twinby-plan', 'twinby-spatial', 'twinby-sun', 'twinby-scenario', 'twinby-council', 'legend', 'controls'];

it.each([
  [1280, 800],
  [800, 600],
  [390, 844],
])('at %i × %i no panel covers another', async (width, height) => {
  const viewer = await demo(width, height);
  expectNoOverlap(viewer, ALL);
});

it('on a 390 × 844 phone the panels start as toggles, the map keeps ≥ 60 %, and a sheet lifts the corners above it', async () => {
  const viewer = await demo(390, 844);
  for (const tag of ['twinby-sun', 'twinby-spatial', 'twinby-scenario']) {
    expect(viewer.querySelector(tag)!.shadowRoot!.querySelector('[aria-expanded]')!.getAttribute('aria-expanded'), tag).toBe('false');
  }
  expect(mapShare(viewer)).toBeGreaterThanOrEqual(0.6);

  const sun = viewer.querySelector('twinby-sun')!;
  sun.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
  await waitFor(() => sun.shadowRoot!.querySelector('[aria-expanded="true"]'), 'the sun sheet');
  await settled(viewer);
  const all = expectNoOverlap(viewer, ALL);
  const sheet = all.get('twinby-sun')!;
  expect(sheet.bottom).toBeCloseTo(844, 0);
  // the attribution stays on screen, just above the sheet
  expect(all.get('twinby-basemap')!.bottom).toBeLessThanOrEqual(sheet.top + 0.5);
  expect(all.get('twinby-basemap')!.bottom).toBeGreaterThan(sheet.top - 20);
});

/** Touch pointers on whatever is at those points (it must be the map's canvas, not a panel). */
function touch(type: string, points: Array<[number, number]>): void {
  points.forEach(([x, y], i) => {
    const target = document.elementFromPoint(x, y);
    const inner = target?.shadowRoot?.elementFromPoint(x, y) ?? target;
    expect(inner?.localName, `what lies under the finger at ${x},${y}`).toBe('canvas');
    const init = { pointerId: 11 + i, pointerType: 'touch', isPrimary: i === 0, clientX: x, clientY: y, bubbles: true, composed: true, buttons: type === 'pointerup' ? 0 : 1 };
    inner!.dispatchEvent(new PointerEvent(type, init));
  });
}

async function gesture(viewer: TwinbyViewer, from: Array<[number, number]>, to: Array<[number, number]>): Promise<void> {
  const canvas = viewer.shadowRoot!.querySelector('canvas')!;
  // synthetic pointers are not active pointers: capturing them would throw
  canvas.setPointerCapture = () => {};
  touch('pointerdown', from);
  for (let step = 1; step <= 8; step++) {
    const t = step / 8;
    touch('pointermove', from.map(([x, y], i) => [x + (to[i]![0] - x) * t, y + (to[i]![1] - y) * t]));
    await frames(2);
  }
  touch('pointerup', to);
  await frames(10);
}

it('on a phone a pinch zooms in and two fingers moved up tilt the camera', async () => {
  const viewer = await demo(390, 844);
  const engine = viewer.activeEngine!;
  const before = engine.getView();
  await gesture(viewer, [[165, 420], [225, 420]], [[95, 420], [295, 420]]);
  const zoomed = await waitFor(() => {
    const v = engine.getView();
    return v.height < before.height - 1 ? v : null;
  }, 'the camera to come closer after the pinch');
  expect(zoomed.height).toBeLessThan(before.height);

  await gesture(viewer, [[160, 500], [230, 500]], [[160, 380], [230, 380]]);
  await waitFor(() => Math.abs(engine.getView().pitch - zoomed.pitch) > 1, 'the camera to tilt after a two-finger drag');
});
