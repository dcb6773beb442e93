// <twinby-sun> in a viewer: local time with DST sets the engine's sun, the slider spans sunrise to sunset,
// presets and play move the sun; "Besonnung vergleichen" runs the real shadow worker on a tileset and a
// planned building served from blob: URLs, and shows the table, the heatmap and the CSV.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { defineSunElement, type TwinbySun } from '../../src/element/sun/index.js';
import { comparisonCsv, HEATMAP_OVERLAY_ID } from '../../src/element/sun/sun-comparison.js';
import { spa, sunTimes, toLocal } from '../../src/core/index.js';
import { tilesetBlobUrls, type BlobTileset } from '../helpers/tileset-blob-urls';
import { frames, loadTown, waitFor } from './helpers.js';

defineSunElement();

const shadowUrl = '/tests/browser/fixtures/shadow/tileset.json';

describe('<twinby-sun>', () => {
  let viewer: TwinbyViewer;
  let served: BlobTileset | null = null;

  async function start(attrs: Record<string, string>): Promise<TwinbySun> {
    const { origin } = await loadTown();
    viewer = document.createElement('twinby-viewer') as TwinbyViewer;
    viewer.style.cssText = 'width: 640px; height: 520px;';
    viewer.setAttribute('src', shadowUrl);
    viewer.setAttribute('view', `${origin.lon},${origin.lat - 0.0012},${origin.height + 120},0,-50`);
    const sun = document.createElement('twinby-sun') as TwinbySun;
    for (const [k, v] of Object.entries(attrs)) sun.setAttribute(k, v);
    viewer.append(sun);
    const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
    document.body.append(viewer);
    await ready;
    await frames(2);
    return sun;
  }

  afterEach(() => {
    viewer?.remove();
    served?.revoke();
    served = null;
  });

  it('sets the sun from local Berlin time, spans the slider from sunrise to sunset, and moves with presets and play', async () => {
    const sun = await start({ date: '2025-06-21', time: '15:00' });
    const { origin } = await loadTown();
    // 15:00 CEST on 21 June is 13:00 UTC
    expect(sun.instant.toISOString()).toBe('2025-06-21T13:00:00.000Z');
    const expected = spa({ date: Date.UTC(2025, 5, 21, 13), lat: origin.lat, lon: origin.lon, elevation: origin.height });
    await waitFor(() => sun.sun, 'the sun in the engine');
    expect(sun.sun!.azimuth).toBeCloseTo(expected.azimuth, 0);
    expect(sun.sun!.elevation).toBeCloseTo(expected.elevation, 0);
    const engine = viewer.activeEngine as unknown as { renderer: { shadowMap: { enabled: boolean } } };
    await frames(2);
    expect(engine.renderer.shadowMap.enabled).toBe(true);

    const root = sun.shadowRoot!;
    const slider = root.querySelector<HTMLInputElement>('input.time')!;
    const times = sunTimes(2025, 6, 21, { lat: origin.lat, lon: origin.lon });
    const minutes = (ms: number) => toLocal(ms).hour * 60 + toLocal(ms).minute;
    expect(Math.abs(Number(slider.min) - minutes(times.sunrise!))).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(slider.max) - minutes(times.sunset!))).toBeLessThanOrEqual(2);
    expect(Number(slider.min)).toBeLessThan(5 * 60 + 20); // ~05:13 CEST in Landshut
    expect(Number(slider.max)).toBeGreaterThan(21 * 60); // ~21:14 CEST

    const changes: string[] = [];
    sun.addEventListener('twinby-sun-change', (e) => changes.push((e as CustomEvent<{ time: string }>).detail.time));
    slider.value = String(9 * 60);
    slider.dispatchEvent(new Event('input'));
    expect(sun.time).toBe('09:00');
    await sun.updateComplete;
    expect(sun.sun!.azimuth).toBeLessThan(expected.azimuth - 60); // morning: far east of the afternoon sun
    expect(changes).toEqual(['09:00']);

    root.querySelector<HTMLButtonElement>('button.preset-december')!.click();
    await sun.updateComplete;
    expect(sun.date).toBe('2025-12-21');
    expect(sun.instant.toISOString()).toBe('2025-12-21T08:00:00.000Z'); // CET: UTC+1
    root.querySelector<HTMLButtonElement>('button.preset-march')!.click();
    await sun.updateComplete;
    const noonish = sun.time;
    root.querySelector<HTMLButtonElement>('button.play')!.click();
    await waitFor(() => sun.time !== noonish, 'play to move the clock');
    root.querySelector<HTMLButtonElement>('button.play')!.click();
    const paused = sun.time;
    await new Promise((r) => setTimeout(r, 400));
    expect(sun.time).toBe(paused);

    root.querySelector<HTMLInputElement>('input.shadows')!.click();
    await sun.updateComplete;
    await frames(3);
    expect(engine.renderer.shadowMap.enabled).toBe(false);
  });

  it('compares Bestand with a planned building served from blob: URLs: table, heatmap, CSV, progress', async () => {
    const files = new Map<string, Uint8Array>();
    files.set('tileset.json', new Uint8Array(await (await fetch('/tests/browser/fixtures/shadow/planned.json')).arrayBuffer()));
    files.set('planned.glb', new Uint8Array(await (await fetch('/tests/browser/fixtures/shadow/planned.glb')).arrayBuffer()));
    served = tilesetBlobUrls(files);
    const sun = await start({ date: '2025-03-21', time: '09:00' });
    sun.comparison = {
      base: { tilesets: [shadowUrl] },
      variant: { tilesets: [shadowUrl, served.url] },
      baseLabel: 'Bestand',
      variantLabel: 'Neubau',
    };
    const progressAt: number[] = [];
    sun.addEventListener('twinby-sun-progress', () => progressAt.push(performance.now()));
    const root = sun.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button.compare')!.click();
    const rows = await waitFor(() => (root.querySelectorAll('tbody tr').length ? root.querySelectorAll('tbody tr') : null), 'the result table', 60_000);
    // progress arrived while the worker computed: the main thread was free to take messages
    expect(progressAt.length).toBeGreaterThan(1);
    // the planned cube 60 m east takes morning sun from SHADOW_CUBE's east facade; SHADOW_HIDE, 120 m away, loses (almost) none
    expect(rows[0].getAttribute('data-id')).toBe('SHADOW_CUBE');
    const result = sun.result!;
    const cube = result.buildings.find((b) => b.id === 'SHADOW_CUBE')!;
    expect(cube.lostHours).toBeGreaterThan(0.05);
    expect(cube.maxLostHours).toBeGreaterThan(0.4);
    expect(result.buildings.map((b) => b.id)).not.toContain('PLANNED_CUBE');
    // the heatmap is on the ground, as an overlay (which casts no shadow)
    const overlays = (viewer.activeEngine as unknown as { overlays: Map<string, { data: { features: unknown[] } }> }).overlays;
    expect(overlays.get(HEATMAP_OVERLAY_ID)!.data.features.length).toBeGreaterThan(0);
    // sorting by id, and the CSV
    const idHeader = [...root.querySelectorAll('th button')].find((b) => b.textContent!.includes('Gebäude')) as HTMLButtonElement;
    idHeader.click();
    await sun.updateComplete;
    expect(root.querySelector('tbody tr')!.getAttribute('data-id')).toBe('SHADOW_CUBE');
    idHeader.click();
    await sun.updateComplete;
    expect(root.querySelector('tbody tr')!.getAttribute('data-id')).toBe('SHADOW_HIDE');
    const csv = comparisonCsv(result, { base: 'Bestand', variant: 'Neubau' });
    expect(csv.split('\n')[0]).toBe('id;facade_m2;points;hours_Bestand;hours_Neubau;hours_lost;max_hours_lost;din_min_share_Bestand;din_min_share_Neubau;din_high_points_before;din_high_points_after');
    expect(csv).toMatch(/^SHADOW_CUBE;400\.0;/m);
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/verglichen/);

    // a date range: hours per day over three days, close to the single day's
    sun.to = '2025-03-23';
    const range = await sun.compare();
    expect(range.days).toBe(3);
    expect(range.to).toBe('2025-03-23');
    const cube3 = range.buildings.find((b) => b.id === 'SHADOW_CUBE')!;
    expect(Math.abs(cube3.baseHours - cube.baseHours)).toBeLessThan(0.3);
    expect(root.querySelector('[role="status"]')!.textContent).toContain('2025-03-21 – 2025-03-23');
  });
});
