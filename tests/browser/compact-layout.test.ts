/**
 * A phone (390 × 844): the demo's panels start as toggles, an opened panel is a bottom sheet of at most a third,
 * opening another closes the first, and the map keeps at least 60 % of the screen throughout. Wide viewers keep
 * their panels open.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/index.js';
import { defineSunElement } from '../../src/element/sun/index.js';
import { defineSpatialElement, type TwinbySpatial } from '../../src/element/spatial/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { CityGMLClient } from '../../src/worker-clients/citygml-client';
import { generateTown } from '../../tools/make-demo/generate-town';
import { townUrl, waitFor } from './helpers.js';

defineSunElement();
defineSpatialElement();

const viewers: TwinbyViewer[] = [];
let footprints = '';
beforeAll(async () => {
  // the spatial panel needs a footprints file: that of a small converted town
  let text = '';
  for await (const chunk of generateTown({ buildings: 5, seed: 3 })) text += chunk;
  const client = new CityGMLClient();
  const converted = await client.convert(new Blob([text]), { file: 'stadt.gml' }).finally(() => client.dispose());
  footprints = URL.createObjectURL(new Blob([converted.files.get('footprints.bin')! as BlobPart]));
}, 90_000);
afterAll(() => URL.revokeObjectURL(footprints));
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

async function mounted(width: number, height: number): Promise<{ viewer: TwinbyViewer; sun: HTMLElement; spatial: HTMLElement }> {
  await page.viewport(width, height);
  const viewer = document.createElement('twinby-viewer') as TwinbyViewer;
  viewer.style.cssText = `position:fixed;left:0;top:0;width:${width}px;--twinby-height:${height}px;`;
  viewer.setAttribute('src', townUrl);
  const sun = document.createElement('twinby-sun');
  const spatial = document.createElement('twinby-spatial');
  spatial.setAttribute('footprints', footprints);
  viewer.append(sun, spatial);
  viewers.push(viewer);
  const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.append(viewer);
  await ready;
  // removing the viewer while the panel still reads its footprints would abort that read
  await (spatial as TwinbySpatial).ready;
  return { viewer, sun, spatial };
}

const panelOf = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('.panel')!;
const toggleOf = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
const area = (r: DOMRect) => Math.max(0, r.width) * Math.max(0, r.height);
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Share of the viewer not under a panel or control (rect areas summed: never less than their union). */
function mapShare(viewer: TwinbyViewer, panels: HTMLElement[]): number {
  const rects = [...panels.map((p) => p.getBoundingClientRect()), viewer.shadowRoot!.querySelector('.controls')!.getBoundingClientRect()];
  return 1 - rects.reduce((s, r) => s + area(r), 0) / area(viewer.getBoundingClientRect());
}

it('on a 390 × 844 phone the panels are toggles, open one at a time as bottom sheets, and the map keeps ≥ 60 %', async () => {
  const { viewer, sun, spatial } = await mounted(390, 844);
  await waitFor(() => panelOf(sun) && panelOf(spatial), 'both panels');
  expect(toggleOf(sun).getAttribute('aria-expanded')).toBe('false');
  expect(toggleOf(spatial).getAttribute('aria-expanded')).toBe('false');
  expect(overlaps(panelOf(sun).getBoundingClientRect(), panelOf(spatial).getBoundingClientRect())).toBe(false);
  expect(mapShare(viewer, [panelOf(sun), panelOf(spatial)])).toBeGreaterThanOrEqual(0.6);

  toggleOf(sun).click();
  await waitFor(() => toggleOf(sun).getAttribute('aria-expanded') === 'true', 'the sun panel open');
  const sheet = panelOf(sun).getBoundingClientRect();
  expect(sheet.bottom).toBeCloseTo(844, 0);
  expect(sheet.width).toBeCloseTo(390, 0);
  expect(sheet.height).toBeLessThanOrEqual(844 / 3 + 1);
  expect(overlaps(sheet, panelOf(spatial).getBoundingClientRect())).toBe(false);
  expect(mapShare(viewer, [panelOf(sun), panelOf(spatial)])).toBeGreaterThanOrEqual(0.6);

  // opening the spatial panel closes the sun panel
  toggleOf(spatial).click();
  await waitFor(() => toggleOf(sun).getAttribute('aria-expanded') === 'false', 'the sun panel closed');
  expect(toggleOf(spatial).getAttribute('aria-expanded')).toBe('true');
  expect(overlaps(panelOf(sun).getBoundingClientRect(), panelOf(spatial).getBoundingClientRect())).toBe(false);
  expect(mapShare(viewer, [panelOf(sun), panelOf(spatial)])).toBeGreaterThanOrEqual(0.6);
});

it('a wide viewer keeps its panels open', async () => {
  const { sun, spatial } = await mounted(1000, 700);
  await waitFor(() => panelOf(sun) && panelOf(spatial), 'both panels');
  expect(toggleOf(sun).getAttribute('aria-expanded')).toBe('true');
  expect(toggleOf(spatial).getAttribute('aria-expanded')).toBe('true');
});
