/**
 * The demo meeting as a site would host it, for the offline test and `npm run bench:offline`: the library build
 * in /some/path/twinby/, the demo town, plan and scenario beside it, a page in /some/path/page/, and a
 * three-stop tour built around the home view.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startStaticSite, type StaticSite } from './static-site.ts';

const root = resolve(import.meta.dirname, '../../..');

export const meetingPage = (council: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Sitzung</title>
<script type="module" src="../twinby/twinby.js"></script></head><body style="margin:0">
<twinby-viewer id="v" src="../tiles/tileset.json" lang="de" style="--twinby-height: 480px; width: 640px">
  <twinby-basemap type="wmts" url="../tiles/basemap/WMTSCapabilities.xml" label="Isarbach" attribution="Grundkarte: synthetisch"></twinby-basemap>
  <twinby-plan src="../plan/am-muehlbach.xplan.gml"></twinby-plan>
  <twinby-sun time="15:00"></twinby-sun>
  <twinby-scenario src="../scenario/neubau-am-muehlbach.json"></twinby-scenario>
  ${council}
</twinby-viewer></body></html>`;

/** The demo's analysis panel, reading the same plan as the plan layer and the scenario. */
const ANALYSIS = '<twinby-spatial footprints="../tiles/footprints.bin" plan-src="../plan/am-muehlbach.xplan.gml"></twinby-spatial>';

/** The demo's town, base map, plan and scenario, built as `npm start` builds them when a fresh clone has none. */
function ensureDemo(): void {
  const needed = ['public/tiles/tileset.json', 'public/tiles/basemap/WMTSCapabilities.xml', 'public/plan/am-muehlbach.xplan.gml', 'public/scenario/neubau-am-muehlbach.json'];
  if (needed.every((f) => existsSync(resolve(root, f)))) return;
  execFileSync('npx', ['tsx', 'tools/build-demo.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The site; `libDir` is a library build (dist-lib). The host lets twinby-sw.js serve all of /some/path/. */
export function startMeetingSite(libDir: string): Promise<StaticSite> {
  ensureDemo();
  return startStaticSite(
    {
      '/some/path/twinby/': libDir,
      '/some/path/tiles/': resolve(root, 'public/tiles'),
      '/some/path/plan/': resolve(root, 'public/plan'),
      '/some/path/scenario/': resolve(root, 'public/scenario'),
    },
    (path) => {
      if (path === '/some/path/page/index.html') return { status: 200, body: meetingPage('<twinby-council presentation-title="Neubau" sw-scope="../"></twinby-council>'), type: 'text/html' };
      if (path === '/some/path/noscope/index.html') return { status: 200, body: meetingPage('<twinby-council></twinby-council>'), type: 'text/html' };
      if (path === '/some/path/analysis/index.html') return { status: 200, body: meetingPage(ANALYSIS), type: 'text/html' };
      return undefined;
    },
    (path) => (path.endsWith('/twinby-sw.js') ? { 'Service-Worker-Allowed': '/some/path/' } : undefined),
  );
}

export interface Camera {
  lon: number;
  lat: number;
  height: number;
  heading: number;
  pitch: number;
}

/** Saves three stops around the home view (sun and shadows set per stop) in the page's council; returns their cameras. */
export function buildTour(p: Page): Promise<Camera[]> {
  return p.evaluate(async () => {
    const viewer = document.getElementById('v') as any;
    const council = viewer.querySelector('twinby-council');
    const home = viewer.activeEngine.getView();
    const cameras = [
      { lon: home.lon, lat: home.lat, height: home.height * 0.8, heading: 10, pitch: -40 },
      { lon: home.lon + 0.0006, lat: home.lat + 0.0008, height: home.height * 0.7, heading: 300, pitch: -50 },
      { lon: home.lon - 0.0005, lat: home.lat + 0.0003, height: home.height, heading: 90, pitch: -35 },
    ];
    for (const [i, camera] of cameras.entries()) {
      await council.applyView({ camera, sun: { date: '2025-06-21', time: `${9 + i * 3}:00`.padStart(5, '0'), shadows: true } }, { duration: 0 });
      council.saveViewpoint(`Halt ${i + 1}`, `Erklärung ${i + 1}`);
    }
    return cameras;
  });
}

/** Resolves when the page's viewer, plan and scenario have loaded (and `extra` holds); reports the events seen on timeout. */
export async function waitForMeeting(p: Page, extra = 'true', timeout = 180_000): Promise<void> {
  await p
    .waitForFunction(
      (more) => ['twinby-ready', 'twinby-plan-load', 'twinby-scenario-load'].every((t) => (window as any).events.some((e: { type: string }) => e.type === t)) && (0, eval)(more),
      extra,
      { timeout, polling: 200 },
    )
    .catch(async (err) => {
      throw new Error(`${err.message}; events so far: ${JSON.stringify(await p.evaluate(() => (window as any).events))}`);
    });
}

/** Records the viewer's events in window.events from the first script on. */
export async function recordEvents(p: Page): Promise<void> {
  await p.addInitScript(() => {
    const w = window as any;
    w.events = [];
    for (const type of ['twinby-ready', 'twinby-plan-load', 'twinby-scenario-load', 'twinby-error', 'twinby-council-arrive', 'twinby-offline-ready']) {
      document.addEventListener(type, (e) => w.events.push({ type, message: (e as CustomEvent).detail?.message }), true);
    }
  });
}
