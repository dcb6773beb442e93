/**
 * A meeting without network: the library build copied to /some/path/twinby/ of a site, the demo town, plan and
 * scenario beside it, a page in /some/path/page/ (offline-page.ts). A three-stop tour is built, "Für die
 * Sitzung vorbereiten" caches it, the browser goes offline and reloads: the tour comes back, every stop
 * renders, PageDown reaches each camera within 1 cm, and no request fails or reaches the server.
 * Playwright drives its own browser context here (offline, reload): vitest's browser mode runs its tests
 * inside the page it would have to reload.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildTour, recordEvents, waitForMeeting } from './offline-page.ts';
import { useMeetingSite } from './meeting-site.ts';

type Seen = { type: string; message?: string }[];

/** Metres between the camera and a view. */
function metresApart(a: { lon: number; lat: number; height: number }, b: { lon: number; lat: number; height: number }): number {
  const m = 111_320;
  return Math.hypot((a.lon - b.lon) * m * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * m, a.height - b.height);
}

const events = (p: Page): Promise<Seen> => p.evaluate(() => (window as any).events);

describe('a meeting prepared for offline, under a sub-path of another site', () => {
  const held = useMeetingSite();

  async function open(url: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await held.browser.newContext({ viewport: { width: 800, height: 600 } });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await recordEvents(page);
    await page.goto(url);
    return { context, page };
  }

  it('prepares a three-stop tour, goes offline, reloads and presents it with PageDown, nothing failing', async () => {
    const { context, page: p } = await open(`${held.site.origin}/some/path/page/index.html`);
    const failed: string[] = [];
    const bad: string[] = [];
    context.on('requestfailed', (r) => failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    context.on('response', (r) => {
      if (r.status() >= 400) bad.push(`${r.url()} ${r.status()}`);
    });
    await waitForMeeting(p);
    const cameras = await buildTour(p);
    const prepared = await p.evaluate(async () => {
      const r = await (document.querySelector('twinby-council') as any).prepareOffline();
      return r && { files: r.files, bytes: r.bytes, issues: r.issues, cache: r.cache };
    });
    expect(prepared, JSON.stringify(await events(p))).not.toBeNull();
    expect(prepared!.issues).toEqual([]);
    expect(prepared!.cache).toMatch(/^twinby-offline-0\.1\.0-[0-9a-f]{8}$/);
    expect(prepared!.files).toBeGreaterThan(20);
    expect(prepared!.bytes).toBeGreaterThan(500_000);
    const status = await p.evaluate(() => (document.querySelector('twinby-council') as any).shadowRoot.querySelector('.status').textContent);
    expect(status).toMatch(/^Bereit für die Sitzung ohne Netz: \d+ Dateien, [\d,]+ [KM]B/);
    const cached = await p.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), prepared!.cache);
    for (const needed of [
      '/some/path/page/index.html',
      '/some/path/twinby/twinby.js',
      '/some/path/tiles/tileset.json',
      '/some/path/tiles/tiles/0-0-0.glb',
      '/some/path/tiles/footprints.bin',
      '/some/path/tiles/basemap/WMTSCapabilities.xml',
      '/some/path/plan/am-muehlbach.xplan.gml',
      '/some/path/scenario/neubau-am-muehlbach.json',
    ]) {
      expect(cached, needed).toContain(`${held.site.origin}${needed}`);
    }
    // every worker of the library, and base map tiles the flights asked for (recorded by the worker)
    // the workers of the elements on the page (the data worker for plan and scenario, sun, the scenario's CityGML conversions); no <twinby-spatial>
    // or <twinby-terrain> here, so their chunks never load and their workers are not needed
    const workers = cached.flatMap((u) => /\/twinby\/assets\/([a-z]+)\.worker-[\w-]+\.js$/.exec(u)?.[1] ?? []).sort();
    expect(workers).toEqual(['citygml', 'data', 'shadow']);
    expect(cached.some((u) => /\/tiles\/basemap\/.+\.png$/.test(u))).toBe(true);
    // files over 2 MiB are kept too (workbox's default would skip them): the library's workers carry the geoid
    const largest = await p.evaluate(async (name) => {
      const cache = await caches.open(name);
      const sizes = await Promise.all((await cache.keys()).map(async (r) => (await (await cache.match(r))!.blob()).size));
      return Math.max(...sizes);
    }, prepared!.cache);
    expect(largest).toBeGreaterThan(2 * 2 ** 20);
    // the online run may only have failed by the page's own cancellations
    expect(failed.filter((f) => !f.endsWith('net::ERR_ABORTED'))).toEqual([]);

    // the meeting: no network; the page, the library, the tour and its tiles come from the cache
    failed.length = 0;
    bad.length = 0;
    await context.setOffline(true);
    const served = held.site.log.length;
    await p.reload();
    await waitForMeeting(p, `document.querySelector('twinby-council')?.viewpoints.length === 3`);
    await p.evaluate(() => (document.querySelector('twinby-council') as any).present());
    for (const index of [0, 1, 2]) {
      if (index > 0) await p.keyboard.press('PageDown');
      await p.waitForFunction(
        (i) => (document.querySelector('twinby-council') as any).index === i && (window as any).events.filter((e: { type: string }) => e.type === 'twinby-council-arrive').length >= i + 1,
        index,
        { timeout: 60_000, polling: 100 },
      );
      const view = await p.evaluate(() => (document.getElementById('v') as any).activeEngine.getView());
      expect(metresApart(view, cameras[index])).toBeLessThan(0.01);
      // the stop renders: buildings drawn
      await p.waitForFunction(() => (document.getElementById('v') as any).activeEngine.getStats().triangles > 0, undefined, { timeout: 60_000, polling: 200 });
    }
    expect((await events(p)).filter((e) => e.type === 'twinby-error')).toEqual([]);
    // a base map tile the flight has passed is cancelled by the layer itself (AbortController, net::ERR_ABORTED):
    // not a failure; a request the cache cannot answer fails with ERR_INTERNET_DISCONNECTED or reaches the server
    expect(failed.filter((f) => !(f.startsWith('GET ') && f.endsWith('net::ERR_ABORTED')))).toEqual([]);
    expect(bad).toEqual([]);
    // nothing reached the server (Playwright's offline mode does not cover a Service Worker's own fetches, so this is
    // what shows that every answer came from the cache) but the browser's update check of twinby-sw.js itself, which
    // a real network cut fails quietly, the installed worker going on
    expect(held.site.log.slice(served).filter((r) => !r.path.endsWith('/twinby-sw.js'))).toEqual([]);

    // after the meeting: "Cache leeren" removes this page's cache and, none being left, the worker
    await context.setOffline(false);
    const after = await p.evaluate(async () => {
      const council = document.querySelector('twinby-council') as any;
      council.exit();
      await council.clearOffline();
      await council.updateComplete;
      return {
        caches: (await caches.keys()).filter((n) => n.startsWith('twinby-offline-')),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        status: council.shadowRoot.querySelector('.status')?.textContent,
      };
    });
    expect(after).toEqual({ caches: [], workers: 0, status: 'Cache geleert' });
  }, 600_000);

  it('a worker whose scope cannot hold the page gives twinby-error with a clear German message; the viewer goes on', async () => {
    const { page: p } = await open(`${held.site.origin}/some/path/noscope/index.html`);
    await p.waitForFunction(() => (window as any).events.some((e: { type: string }) => e.type === 'twinby-ready'), undefined, { timeout: 120_000, polling: 200 });
    const result = await p.evaluate(async () => {
      const council = document.querySelector('twinby-council') as any;
      council.saveViewpoint('Halt 1');
      return council.prepareOffline();
    });
    expect(result).toBeNull();
    const error = (await events(p)).find((e) => e.type === 'twinby-error');
    expect(error?.message).toMatch(/^Der Service Worker kann diese Seite nicht steuern: scope http:\/\/127\.0\.0\.1:\d+\/some\/path\/twinby\/ does not hold the page .*\/some\/path\/noscope\/index\.html.*sw-scope/);
    expect(await p.evaluate(() => (document.getElementById('v') as any).activeEngine.getView().height)).toBeGreaterThan(0);
    expect(await p.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  }, 300_000);
});
