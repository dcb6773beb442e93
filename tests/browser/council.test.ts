// <twinby-council> in a viewer: a copied link restores the view in a fresh viewer, a three-stop tour is
// stepped with PageDown (the key presenter clickers send) and reaches each camera, and the PNG export has
// the requested size and carries the attribution.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyScenario, TwinbyViewer } from '../../src/index.js';
import { defineSunElement, type TwinbySun } from '../../src/element/sun/index.js';
import { defineCouncilElement, type TwinbyCouncil } from '../../src/element/council/index.js';
import type { ViewState } from '../../src/core/index.js';
import type { Viewpoint } from '../../src/core/council/index.js';
import { building, closeView, frames, townUrl, waitFor } from './helpers.js';
import { defineScenarioElement } from '../../src/element/scenario/index.js';

defineScenarioElement();

defineSunElement();
defineCouncilElement();

/** Metres between two camera positions and the largest angle difference in degrees. */
function distance(a: ViewState, b: ViewState): { metres: number; degrees: number } {
  const m = 111_320;
  const east = (a.lon - b.lon) * m * Math.cos((a.lat * Math.PI) / 180);
  const north = (a.lat - b.lat) * m;
  const angle = (x: number, y: number) => Math.abs((((x - y) % 360) + 540) % 360 - 180);
  return { metres: Math.hypot(east, north, a.height - b.height), degrees: Math.max(angle(a.heading, b.heading), angle(a.pitch, b.pitch)) };
}

describe('<twinby-council>', () => {
  let viewer: TwinbyViewer | null = null;
  const startHash = location.hash;

  async function start(attrs: { view?: string; sunTime?: string; attribution?: string } = {}): Promise<{ viewer: TwinbyViewer; sun: TwinbySun; council: TwinbyCouncil }> {
    const v = document.createElement('twinby-viewer') as TwinbyViewer;
    v.style.cssText = 'width: 640px; height: 480px;';
    v.setAttribute('src', townUrl);
    v.setAttribute('view', attrs.view ?? `${closeView.lon},${closeView.lat},${closeView.height},${closeView.heading},${closeView.pitch}`);
    const sun = document.createElement('twinby-sun') as TwinbySun;
    sun.setAttribute('time', attrs.sunTime ?? '15:00');
    sun.setAttribute('date', '2025-03-21');
    const council = document.createElement('twinby-council') as TwinbyCouncil;
    if (attrs.attribution) council.setAttribute('attribution', attrs.attribution);
    v.append(sun, council);
    const ready = new Promise((resolve) => v.addEventListener('twinby-ready', resolve, { once: true }));
    document.body.append(v);
    await ready;
    await frames(2);
    viewer = v;
    return { viewer: v, sun, council };
  }

  afterEach(() => {
    viewer?.remove();
    viewer = null;
    history.replaceState(history.state, '', location.pathname + location.search + startHash);
  });

  it('"Link kopieren" puts camera, sun time, style and selection in the link; a fresh viewer opened with it shows the same view', async () => {
    const first = await start();
    const target: ViewState = { lon: closeView.lon + 0.00004, lat: closeView.lat + 0.00002, height: 555.25, heading: 3.5, pitch: -37.25 };
    await first.viewer.flyTo(target, { duration: 0 });
    await first.viewer.setStyle({ kind: 'preset', name: 'height-classes' });
    const b = await building(2);
    await first.viewer.select(b.id);
    first.sun.time = '10:30';
    await first.sun.updateComplete;
    const shown = first.viewer.activeEngine!.getView();

    const copy = first.council.shadowRoot!.querySelector<HTMLButtonElement>('button.copy-link')!;
    copy.click();
    await waitFor(() => location.hash.includes('view='), 'the link in the address');
    const url = location.href;
    first.viewer.remove();

    // a different starting point, so only the link can bring the view back
    expect(new URL(url).hash).toMatch(/^#view=[A-Za-z0-9_-]+$/);
    const second = await start({ view: `${closeView.lon - 0.001},${closeView.lat},700,180,-60`, sunTime: '18:00' });
    await waitFor(() => second.viewer.selectedId === b.id, 'the selection from the link', 30_000);
    const restored = second.viewer.activeEngine!.getView();
    const d = distance(restored, shown);
    expect(d.metres).toBeLessThan(0.01);
    expect(d.degrees).toBeLessThan(0.01);
    expect(second.sun.time).toBe('10:30');
    expect(second.sun.date).toBe('2025-03-21');
    expect(second.viewer.styleRule).toEqual({ kind: 'preset', name: 'height-classes' });
  });

  it('steps a three-stop tour with PageDown, reaching each camera within 1 cm, with the panels hidden and large captions', async () => {
    const { viewer: v, sun, council } = await start();
    const cameras: ViewState[] = [
      { lon: closeView.lon, lat: closeView.lat, height: 520, heading: 10, pitch: -40 },
      { lon: closeView.lon + 0.0006, lat: closeView.lat + 0.0008, height: 480, heading: 300, pitch: -50 },
      { lon: closeView.lon - 0.0005, lat: closeView.lat + 0.0003, height: 600, heading: 90, pitch: -35 },
    ];
    const stops: Viewpoint[] = cameras.map((camera, i) => ({
      id: `s${i}`,
      title: `Halt ${i + 1}`,
      caption: `Erklärung <b>${i + 1}</b>`,
      view: { camera, sun: { date: '2025-06-21', time: `${9 + i * 3}:00`.padStart(5, '0'), shadows: true } },
    }));
    council.viewpoints = stops;
    const arrivals: number[] = [];
    const arrived = (index: number) =>
      new Promise<void>((resolve) =>
        council.addEventListener('twinby-council-arrive', function on(e) {
          const i = (e as CustomEvent<{ index: number }>).detail.index;
          arrivals.push(i);
          if (i === index) {
            council.removeEventListener('twinby-council-arrive', on);
            resolve();
          }
        }),
      );
    const first = arrived(0);
    await council.present();
    await first;
    expect(v.hasAttribute('presenting')).toBe(true);
    expect(sun.style.display).toBe('none');
    const bar = council.shadowRoot!.querySelector('.stage-bar')!;
    // captions from data are text, never HTML
    expect(bar.querySelector('p')!.textContent).toBe('Erklärung <b>1</b>');
    expect(parseFloat(getComputedStyle(bar.querySelector('h2')!).fontSize)).toBeGreaterThanOrEqual(22);
    for (const index of [1, 2]) {
      const next = arrived(index);
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, composed: true }));
      await next;
      const d = distance(v.activeEngine!.getView(), cameras[index]);
      expect(d.metres).toBeLessThan(0.01);
      expect(sun.time).toBe(stops[index].view.sun!.time);
      expect(bar.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).toBe(String(index + 1));
    }
    expect(arrivals).toEqual([0, 1, 2]);
    // PageUp goes back, Escape ends the presentation and brings the panels back
    const back = arrived(1);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true, composed: true }));
    await back;
    expect(distance(v.activeEngine!.getView(), cameras[1]).metres).toBeLessThan(0.01);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(council.presenting).toBe(false);
    expect(v.hasAttribute('presenting')).toBe(false);
    expect(sun.style.display).toBe('');
  });

  it('exports a PNG of the requested size with the attribution, north arrow and scale bar, and refuses sizes past 3840×2160', async () => {
    const { council } = await start({ attribution: '© Testgemeinde 2025' });
    const result = await council.exportPng({ width: 400, height: 250 });
    expect([result.width, result.height]).toEqual([400, 250]);
    const bitmap = await createImageBitmap(result.blob);
    expect([bitmap.width, bitmap.height]).toEqual([400, 250]);
    expect(result.attribution[0]).toBe('© Testgemeinde 2025');
    // the attribution box (bottom right) holds light background and dark text pixels
    const ctx = result.canvas.getContext('2d')!;
    const box = ctx.getImageData(300, 200, 95, 45).data;
    let light = 0;
    let dark = 0;
    for (let i = 0; i < box.length; i += 4) {
      const l = (box[i] + box[i + 1] + box[i + 2]) / 3;
      if (l > 220) light++;
      else if (l < 80) dark++;
    }
    expect(light).toBeGreaterThan(500);
    expect(dark).toBeGreaterThan(30);
    // the scene itself was drawn (not an empty frame): the middle is not transparent
    expect(ctx.getImageData(200, 125, 1, 1).data[3]).toBe(255);

    await expect(council.exportPng({ width: 4000, height: 2000 })).rejects.toThrow(/3840×2160/);
    const big = await council.exportPng({ width: 3840, height: 2160 });
    const bigBitmap = await createImageBitmap(big.blob);
    expect([bigBitmap.width, bigBitmap.height]).toEqual([3840, 2160]);
    // the screen's drawing buffer is back to its size
    await frames(2);
    const canvas = viewer!.shadowRoot!.querySelector('canvas')!;
    expect(canvas.width).toBe(Math.round(640 * devicePixelRatio));
  });

  it('a viewpoint carries the scenario variant, applying it switches back, and the tour is saved with the scenario', async () => {
    const { viewer: v, council } = await start();
    const scenario = document.createElement('twinby-scenario') as TwinbyScenario;
    v.insertBefore(scenario, council);
    await scenario.load({ version: 1, name: 'T', base: {}, variants: [{ id: 'b', title: 'Variante B', replaces: ['DEBY_LOD2_TEST_0005'], buildings: [] }] });
    await scenario.ready;
    scenario.variant = 'b';
    const vp = council.saveViewpoint('Variante B', 'ohne Gebäude 5');
    expect(vp.view.variant).toBe('b');
    scenario.variant = 'bestand';
    await council.applyView(vp.view, { duration: 0 });
    expect(scenario.variant).toBe('b');
    const saved = JSON.parse(await scenario.toFile().text());
    expect(saved.viewpoints).toEqual([JSON.parse(JSON.stringify(vp))]);
  });
});
