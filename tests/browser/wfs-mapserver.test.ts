/**
 * <twinby-wfs> in a real viewer against a real MapServer 8 (Debian cgi-mapserver, started through the
 * browser commands of tests/integration/mapserver/browser-commands.ts) serving town-plan.map: a small
 * Bebauungsplan under the fixture town. The plan is drawn; a server stopped mid-session raises
 * twinby-error while the viewer keeps rendering; an ows:ExceptionReport becomes a readable twinby-error.
 * Without /usr/bin/mapserv these tests fail (npm test installs it), they never skip.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/index.js';
import { definePlanElements, type TwinbyWfs } from '../../src/element/plan-elements.js';
import type { PlanLoadDetail } from '../../src/element/plan-layer.js';
import type { TwinbyViewer } from '../../src/index.js';
import { formatView, type ErrorDetail } from '../../src/core/index.js';
import { building, canvasOf, closeView, colourDistance, expectPlanDrawn, frames, offset, pixelAt, probePlan, screenAt, townUrl, waitFor } from './helpers.js';

definePlanElements();

const TOWN_PLAN_TYPES = 'BP_BaugebietsTeilFlaeche,BP_UeberbaubareGrundstuecksFlaeche,BP_BauGrenze';
const GROUND = 440;

const viewers: TwinbyViewer[] = [];
const servers: string[] = [];
afterEach(async () => {
  for (const el of viewers.splice(0)) el.remove();
  for (const url of servers.splice(0)) await commands.stopMapServer(url);
});

/** A fresh MapServer on town-plan.map; its WFS URL. */
async function serve(): Promise<string> {
  const { url } = await commands.startMapServer('town-plan.map');
  servers.push(url);
  return url;
}

async function mounted(): Promise<TwinbyViewer> {
  const el = document.createElement('twinby-viewer');
  el.setAttribute('view', formatView(closeView));
  el.setAttribute('src', townUrl);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  viewers.push(el);
  const ready = new Promise((resolve) => el.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.appendChild(el);
  await ready;
  await frames(3);
  return el;
}

function wfsLayer(url: string, typeNames: string): TwinbyWfs {
  const wfs = document.createElement('twinby-wfs');
  wfs.setAttribute('url', url);
  wfs.setAttribute('type-names', typeNames);
  return wfs;
}

/** Resolves with the first twinby-plan-load whose detail passes `test`. */
function planLoad(wfs: TwinbyWfs, test: (d: PlanLoadDetail) => boolean): Promise<PlanLoadDetail> {
  return new Promise((resolve) => wfs.addEventListener('twinby-plan-load', (e) => test(e.detail) && resolve(e.detail)));
}

/** Like planLoad, but fails at once, with its message, when the viewer reports an error first (e.g. no CORS header). */
async function shownWithoutError(wfs: TwinbyWfs, errors: ErrorDetail[], test: (d: PlanLoadDetail) => boolean): Promise<PlanLoadDetail> {
  let shown: PlanLoadDetail | null = null;
  void planLoad(wfs, test).then((d) => (shown = d));
  return waitFor(() => {
    if (errors.length) throw new Error(`<twinby-wfs> failed before its plan was shown: ${errors[0].message}`);
    return shown;
  }, 'the plan served by MapServer', 30_000);
}

function errorsOf(el: TwinbyViewer): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  el.addEventListener('twinby-error', (e) => errors.push(e.detail));
  return errors;
}



describe('<twinby-wfs> against a real MapServer', () => {
  it('draws the served plan; a server stopped mid-session raises twinby-error while the viewer keeps rendering', async () => {
    const url = await serve();
    const el = await mounted();
    const errors = errorsOf(el);
    const canvas = canvasOf(el);
    // see make-town-plan.ts: WA from -60 to -1 m east, the Baufenster (Z III) from -12 to -3 m
    const ground = await screenAt(el, -32, 0, GROUND);
    const volume = await screenAt(el, -7.5, 0, GROUND + 5);
    const b6 = await building(6);
    const roof = el.activeEngine!.projectToScreen(b6.lon, b6.lat, b6.ground + b6.height)!;
    const before = probePlan(canvas, { ground, roof, volume });

    const wfs = wfsLayer(url, TOWN_PLAN_TYPES);
    const loaded = shownWithoutError(wfs, errors, (d) => d.counts.BP_BaugebietsTeilFlaeche === 2 && d.counts.extruded === 1 && d.counts.BP_BauGrenze === 1);
    el.appendChild(wfs);
    await loaded;
    await frames(4);

    const after = probePlan(canvas, { ground, roof, volume });
    expectPlanDrawn(before, after);
    // the volume in the engine carries the regulations MapServer sent
    const pick = await el.activeEngine!.pick(volume.x, volume.y);
    expect(pick).toMatchObject({ kind: 'overlay', layerId: wfs.layerId, attributes: { 'Vollgeschosse (Z)': 'III (3)' } });

    // the server goes away; a view of new ground asks it again
    await commands.stopMapServer(url);
    const far = await offset(0, 3000);
    await el.flyTo(formatView({ ...closeView, lat: far.lat }), { duration: 0 });
    await waitFor(() => errors.length > 0, 'twinby-error from the stopped MapServer');
    expect(errors[0]).toMatchObject({ kind: 'wfs', layerId: wfs.layerId });
    expect(errors[0].message).toMatch(/^WFS not reachable \(Failed to fetch\): http:\/\/127\.0\.0\.1:\d+\/wfs\?.*REQUEST=GetFeature/);
    expect(errors[0].url?.startsWith(url)).toBe(true);
    expect(wfs.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/WFS not reachable/);

    // the viewer keeps rendering: back home, the plan comes from the cache (no new request, so no new error)
    // and a forced render draws the buildings and the plan as before
    await waitFor(() => wfs.wfs!.pending() === 0, 'the failed requests to settle');
    const errorsAway = errors.length;
    const back = planLoad(wfs, (d) => d.counts.BP_BaugebietsTeilFlaeche === 2 && d.counts.extruded === 1);
    await el.flyTo(formatView(closeView), { duration: 0 });
    await back;
    await frames(4);
    expect(errors.length).toBe(errorsAway);
    const framesBefore = el.activeEngine!.getStats().frame;
    el.activeEngine!.requestRender();
    await frames(3);
    expect(el.activeEngine!.getStats().frame).toBeGreaterThan(framesBefore);
    expect(colourDistance(pixelAt(canvas, roof.x, roof.y), before.roof)).toBeLessThan(8);
    expect(colourDistance(pixelAt(canvas, ground.x, ground.y), after.ground)).toBeLessThan(8);
  });

  it('turns an ows:ExceptionReport into a readable twinby-error; the layers the server can read still show', async () => {
    const url = await serve();
    const el = await mounted();
    const errors = errorsOf(el);
    // BP_BauLinie is advertised, but its data is missing on the server: GetFeature answers HTTP 400 with an ExceptionReport
    const wfs = wfsLayer(url, 'BP_BaugebietsTeilFlaeche,BP_BauLinie');
    const requests: string[] = [];
    wfs.fetch = (u, init) => {
      requests.push(u);
      return fetch(u, init);
    };
    const loaded = planLoad(wfs, (d) => d.counts.BP_BaugebietsTeilFlaeche === 2);
    el.appendChild(wfs);
    await loaded;
    await waitFor(() => errors.length > 0, 'twinby-error from the ExceptionReport');
    const [err] = errors;
    expect(err).toMatchObject({ kind: 'wfs', layerId: wfs.layerId, status: 400 });
    expect(err.message).toMatch(/^WFS error NoApplicableCode \(mapserv\): msOGRFileOpen\(\): OGR error\. Open failed for OGR connection in layer `BP_BauLinie'/);
    expect(err.message.endsWith(`(HTTP 400, ${err.url})`)).toBe(true);
    expect(new URL(err.url!).searchParams.get('TYPENAMES')).toBe('ms:BP_BauLinie');
    expect(requests).toContain(err.url); // through the element's own fetch

    // a type the server does not offer is named with those it does (read from its capabilities)
    const nope = wfsLayer(url, 'BP_Nope');
    el.appendChild(nope);
    const unknown = await waitFor(() => errors.find((e) => e.layerId === nope.layerId), 'twinby-error for the unknown type');
    expect(unknown.kind).toBe('wfs');
    expect(unknown.message).toMatch(/^WFS has no feature type "BP_Nope" \(it offers ms:BP_BaugebietsTeilFlaeche, .*ms:BP_BauLinie\)$/);
  });
});
