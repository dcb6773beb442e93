// <twinby-viewer engine="cesium">: the element loads the Cesium engine as its own chunk and does what it does on three.
import { afterEach, beforeAll, expect, it } from 'vitest';
import { engineLoaders } from '../../../src/element/engine-loaders.js';
import { page, userEvent } from 'vitest/browser';
import '../../../src/index.js';
import type { TwinbyViewer } from '../../../src/index.js';
import type { SelectDetail } from '../../../src/element/viewer-events.js';
import { formatView } from '../../../src/core/index.js';
import { building, canvasOf, closeView, frames, isReddish, pixelAt, townUrl, waitFor } from '../helpers.js';

let el: TwinbyViewer | null = null;

// the dev server transforms Cesium on first import, which can take longer than a test on a busy machine
beforeAll(() => engineLoaders.cesium(), 180_000);

afterEach(() => {
  el?.remove();
  el = null;
});

it('<twinby-viewer engine="cesium"> loads the Cesium chunk, renders the town, styles it and selects a building by click', async () => {
  el = document.createElement('twinby-viewer');
  el.setAttribute('engine', 'cesium');
  el.setAttribute('src', townUrl);
  el.setAttribute('view', formatView(closeView));
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  const ready = new Promise<CustomEvent>((resolve) => el!.addEventListener('twinby-ready', resolve as EventListener, { once: true }));
  document.body.append(el);
  expect((await ready).detail.engine).toBe('cesium');
  await frames(2);
  const engine = el.activeEngine!;
  expect(engine.name).toBe('cesium');
  const b = await building(6);
  const p = engine.projectToScreen(b.lon, b.lat, b.ground + b.height / 2)!;
  await el.setStyle({ kind: 'plain', color: '#ff0000' });
  await frames(2);
  expect(isReddish(pixelAt(canvasOf(el), p.x, p.y))).toBe(true);
  const selected: SelectDetail[] = [];
  el.addEventListener('twinby-select', (e) => selected.push((e as CustomEvent<SelectDetail>).detail));
  const rect = el.shadowRoot!.querySelector('[part="stage"]')!.getBoundingClientRect();
  await userEvent.click(page.getByRole('application', { name: '3D-Stadtmodell' }), { position: { x: p.x - rect.left, y: p.y - rect.top } });
  await waitFor(() => selected.length > 0, 'twinby-select');
  expect(selected[0].id).toBe(b.id);
});

it('a Cesium viewer that starts looking away from its town is ready, and shows the town once it turns there', async () => {
  el = document.createElement('twinby-viewer');
  el.setAttribute('engine', 'cesium');
  el.setAttribute('src', townUrl);
  // 20 km north of the town, looking down further north: Cesium loads nothing of the tileset and never says it has loaded
  el.setAttribute('view', formatView({ ...closeView, lat: closeView.lat + 0.18, heading: 0, pitch: -60 }));
  el.style.cssText = 'width:480px;height:360px;';
  const ready = new Promise<CustomEvent>((resolve) => el!.addEventListener('twinby-ready', resolve as EventListener, { once: true }));
  document.body.append(el);
  expect((await ready).detail.engine).toBe('cesium');
  const engine = el.activeEngine!;
  expect(engine.getView().lat).toBeGreaterThan(closeView.lat + 0.1);
  await el.flyTo(closeView, { duration: 0 });
  const b = await building(6);
  await waitFor(async () => {
    const p = engine.projectToScreen(b.lon, b.lat, b.ground + b.height / 2);
    return p && (await engine.pick(p.x, p.y))?.id === b.id;
  }, 'the town drawn and picked after turning to it', 120_000);
}, 120_000);
