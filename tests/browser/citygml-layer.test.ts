/**
 * <twinby-citygml>: a CityGML file converted in the real CityGML worker and shown from memory (blob URLs)
 * in a viewer that has no other data; a broken file, cancel, detach and drag-and-drop.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import proj4 from 'proj4';
import '../../src/index.js';
import { definePlanElements, type TwinbyPlan } from '../../src/element/plan-elements.js';
import type { CityGMLErrorDetail, CityGMLLoadDetail, CityGMLProgressDetail, TwinbyCityGML, TwinbyViewer } from '../../src/index.js';
import { generateTown } from '../../tools/make-demo/generate-town';
import { canvasOf, frames, isReddish, pixelAt, sleep, waitFor, within } from './helpers.js';
import nestedPlan from '../fixtures/wfs/xplan-nested-5.4.gml?raw';

definePlanElements();

const utm32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const viewers: TwinbyViewer[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const el of viewers.splice(0)) el.remove();
});

async function townText(buildings: number, seed = 3): Promise<string> {
  let text = '';
  for await (const chunk of generateTown({ buildings, seed })) text += chunk;
  return text;
}

function once<K extends keyof HTMLElementEventMap>(el: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(type, resolve as EventListener, { once: true }));
}

/** A viewer with no tileset of its own, and a <twinby-citygml> child (created but not yet converting). */
async function viewerWithLayer(attrs: Record<string, string> = {}, lang = 'de'): Promise<{ viewer: TwinbyViewer; layer: TwinbyCityGML }> {
  const viewer = document.createElement('twinby-viewer');
  viewer.setAttribute('lang', lang);
  viewer.preserveDrawingBuffer = true;
  viewer.style.cssText = 'width:480px;height:360px;';
  const layer = document.createElement('twinby-citygml');
  for (const [k, v] of Object.entries(attrs)) layer.setAttribute(k, v);
  viewer.appendChild(layer);
  viewers.push(viewer);
  const ready = once(viewer, 'twinby-ready');
  document.body.appendChild(viewer);
  await within(ready, 'twinby-ready of the viewer');
  return { viewer, layer };
}

/** Each building's id, footprint centre (EPSG:25832) and lowest and highest z, read from the generated text. */
function buildingsOf(text: string) {
  const out: Array<{ id: string; fn?: string; x: number; y: number; minZ: number; maxZ: number }> = [];
  for (const block of text.split('<bldg:Building gml:id="').slice(1)) {
    const id = block.slice(0, block.indexOf('"'));
    const fn = /<bldg:function>([^<]+)</.exec(block)?.[1];
    const nums = [...block.matchAll(/<gml:posList[^>]*>([^<]+)</g)].flatMap((m) => m[1].trim().split(/\s+/).map(Number));
    let x = 0, y = 0, minZ = Infinity, maxZ = -Infinity;
    for (let i = 0; i < nums.length; i += 3) {
      x += nums[i];
      y += nums[i + 1];
      minZ = Math.min(minZ, nums[i + 2]);
      maxZ = Math.max(maxZ, nums[i + 2]);
    }
    out.push({ id, fn, x: x / (nums.length / 3), y: y / (nums.length / 3), minZ, maxZ });
  }
  return out;
}

const panelText = (layer: TwinbyCityGML) => layer.shadowRoot!.querySelector('[part="citygml-panel"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<twinby-citygml>', () => {
  it('converts a file in the worker, shows the buildings from memory, flies there and reports progress', async () => {
    const text = await townText(30);
    const { viewer, layer } = await viewerWithLayer();
    // the worker starts on first use only
    expect((layer as unknown as { client: unknown }).client).toBeNull();

    const progress: CityGMLProgressDetail[] = [];
    viewer.addEventListener('twinby-load-progress', (e) => {
      if ((e.detail as CityGMLProgressDetail).layerId === layer.layerId) progress.push(e.detail as CityGMLProgressDetail);
    });
    // look somewhere else first: only a flight brings the buildings into view
    await within(viewer.flyTo({ lon: 11.5, lat: 48.1, height: 900, heading: 90, pitch: -30 }, { duration: 0 }), 'flyTo elsewhere');
    const loaded = once(layer, 'twinby-citygml-load');
    const file = new File([text], 'stadt.gml', { type: 'application/gml+xml' });
    // the first test of a run to start the CityGML worker (its modules load cold): each step named, so a wait says where
    const summary = await within(layer.load(file), 'layer.load(file) (worker start and conversion)', 45_000);
    const detail: CityGMLLoadDetail = (await within(loaded, 'the twinby-citygml-load event')).detail;

    expect(summary.error).toBeUndefined();
    expect(summary.buildings).toBe(30);
    expect(detail).toMatchObject({ layerId: layer.layerId, file: 'stadt.gml', summary: { buildings: 30 } });
    expect(detail.tilesetUrl).toMatch(/^blob:/);
    expect(progress[0]).toMatchObject({ loading: true, bytesRead: 0, totalBytes: file.size, phase: 'reading' });
    expect(progress.at(-1)).toMatchObject({ loading: false, progress: 1, bytesRead: file.size, buildings: 30, phase: 'done' });
    expect(panelText(layer)).toContain('stadt.gml: 30 Gebäude geladen.');

    // the camera flew to the converted buildings: their centre is in view
    const b = summary.bounds!;
    const centre = viewer.activeEngine!.projectToScreen((b.west + b.east) / 2, (b.south + b.north) / 2, (b.minHeight + b.maxHeight) / 2)!;
    const rect = canvasOf(viewer).getBoundingClientRect();
    expect(centre.x).toBeGreaterThan(rect.left);
    expect(centre.x).toBeLessThan(rect.right);
    expect(centre.y).toBeGreaterThan(rect.top);
    expect(centre.y).toBeLessThan(rect.bottom);

    // select(id) reads the attributes from the converted tileset
    const buildings = buildingsOf(text);
    const geoidOffset = b.minHeight - Math.min(...buildings.map((x) => x.minZ));
    const target = buildings
      .map((x) => ({ ...x, lonLat: proj4(utm32, 'WGS84', [x.x, x.y]) }))
      .sort((p, q) => Math.hypot(p.lonLat[0] - (b.west + b.east) / 2, p.lonLat[1] - (b.south + b.north) / 2) - Math.hypot(q.lonLat[0] - (b.west + b.east) / 2, q.lonLat[1] - (b.south + b.north) / 2))[0];
    const selected = await within(viewer.select(target.id), 'select(id)');
    expect(selected.id).toBe(target.id);
    expect(selected.attributes).toMatchObject({ id: target.id, function: target.fn });
    expect(Object.keys(selected.attributes!).length).toBeGreaterThan(3);

    // buildings render: painted plain red, the pixel at that building's projected centre is red
    await within(viewer.select(null), 'select(null)');
    await within(viewer.setStyle({ kind: 'plain', color: '#ff0000' }), 'setStyle');
    const at = viewer.activeEngine!.projectToScreen(target.lonLat[0], target.lonLat[1], (target.minZ + target.maxZ) / 2 + geoidOffset)!;
    await waitFor(async () => {
      await frames(2);
      return isReddish(pixelAt(canvasOf(viewer), at.x, at.y));
    }, 'a red building pixel at the projected building');

    // detach: the tileset leaves the engine, the blob URLs are revoked and the worker ends
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const url = layer.tilesetUrl!;
    const glbUrl = layer.fileUrl('footprints.bin')!;
    layer.remove();
    await waitFor(() => layer.tilesetUrl === null, 'the layer to detach');
    expect(revoke).toHaveBeenCalledWith(url);
    expect(revoke).toHaveBeenCalledWith(glbUrl);
    expect(terminate).toHaveBeenCalledTimes(1);
    await expect(fetch(url)).rejects.toThrow();
    await frames(3);
    expect(isReddish(pixelAt(canvasOf(viewer), at.x, at.y))).toBe(false);
    expect(viewer.activeEngine!.getFeatureAttributes(target.id)).toBeNull();
  });

  it('reports a broken file as twinby-error with file, line and column, keeps what converted and keeps rendering', async () => {
    const text = await townText(30);
    const cut = text.indexOf('<bldg:Building ', text.length / 2);
    const broken = `${text.slice(0, cut)}<bldg:Building gml:id="X"><oops></bldg:Building>\n${text.slice(cut)}`;
    const line = text.slice(0, cut).split('\n').length;
    const { viewer, layer } = await viewerWithLayer({}, 'en');
    const errors: CityGMLErrorDetail[] = [];
    viewer.addEventListener('twinby-error', (e) => errors.push(e.detail));

    const summary = await layer.load(new File([broken], 'kaputt.gml'));
    expect(summary.error).toMatchObject({ file: 'kaputt.gml', line });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'parse', layerId: layer.layerId, file: 'kaputt.gml', line });
    expect(errors[0].column).toBeGreaterThan(1);
    expect(errors[0].message).toContain(`kaputt.gml:${line}:`);
    const alert = layer.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(`Error: kaputt.gml:${line}:`);

    // the buildings before the error are shown and selectable
    expect(summary.buildings).toBeGreaterThan(0);
    expect(summary.buildings).toBeLessThan(30);
    const first = buildingsOf(text)[0].id;
    expect((await viewer.select(first)).attributes).toMatchObject({ id: first });
    expect(panelText(layer)).toContain(`Converted up to the error: ${summary.buildings} buildings.`);

    // the viewer keeps rendering: a camera move draws new frames
    const engine = viewer.activeEngine!;
    const before = engine.getStats().frame;
    await viewer.flyTo({ ...engine.getView(), heading: 30 }, { duration: 0 });
    await frames(3);
    expect(engine.getStats().frame).toBeGreaterThan(before);

    // an unknown CRS is the same kind of error, and the file's name as markup stays text
    const unknown = text.replace(/srsName="[^"]*"/g, 'srsName="EPSG:99999"');
    const name = '<img src=x onerror="window.__twinbyXss=1">.gml';
    const second = await layer.load(new File([unknown], name));
    expect(second.error).toMatchObject({ code: 'unknown-crs' });
    expect(errors.at(-1)).toMatchObject({ kind: 'parse', file: name, line: expect.any(Number) });
    expect(layer.shadowRoot!.querySelector('img')).toBeNull();
    expect(layer.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('EPSG:99999');
    expect((window as { __twinbyXss?: number }).__twinbyXss).toBeUndefined();
  });

  it('converts its src (streamed from fetch), re-converts when crs is set, and reports a missing src', async () => {
    const { viewer, layer } = await viewerWithLayer({ src: '/tests/fixtures/citygml/adv-lod2-citygml1.gml' });
    const sizes: Array<number | null> = [];
    viewer.addEventListener('twinby-load-progress', (e) => sizes.push((e.detail as CityGMLProgressDetail).totalBytes ?? null));
    const first = (await once(layer, 'twinby-citygml-load')).detail;
    expect(first).toMatchObject({ file: 'adv-lod2-citygml1.gml', summary: { buildings: 2 } });
    expect(sizes.at(-1)).toBe(first.summary.bytesRead);
    expect((await viewer.select('DEBY_LOD2_TEST1')).attributes).toMatchObject({ name: 'Rathaus' });

    // a file whose CRS nobody knows converts once the page names the CRS
    const unknown = (await townText(4)).replace(/srsName="[^"]*"/g, 'srsName="urn:example:crs:local"');
    const failed = await layer.load(new File([unknown], 'lokal.gml'));
    expect(failed.error).toMatchObject({ code: 'unknown-crs' });
    const rescued = once(layer, 'twinby-citygml-load');
    layer.crs = 'EPSG:25832';
    expect((await rescued).detail).toMatchObject({ file: 'lokal.gml', summary: { buildings: 4 } });
    expect((await rescued).detail.summary.error).toBeUndefined();

    // a src that is not there
    const errors: Array<{ kind: string; status?: number; url?: string }> = [];
    viewer.addEventListener('twinby-error', (e) => errors.push(e.detail));
    layer.src = '/tests/fixtures/citygml/fehlt.gml';
    await waitFor(() => errors.length > 0, 'twinby-error for the missing file');
    expect(errors[0]).toMatchObject({ kind: 'other', status: 404 });
    expect(errors[0].url).toMatch(/fehlt\.gml$/);
    expect(layer.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/fehlt\.gml konnte nicht gelesen werden: .*404/);
  });

  it('cancel (the keyboard-reachable button) stops the conversion; the layer then converts the next file', async () => {
    const big = new File([await townText(1500)], 'gross.gml');
    const { viewer, layer } = await viewerWithLayer();
    let lastLoading = 0;
    viewer.addEventListener('twinby-load-progress', (e) => {
      const d = e.detail as CityGMLProgressDetail;
      if (d.layerId === layer.layerId && d.loading) lastLoading = performance.now();
    });
    let loads = 0;
    layer.addEventListener('twinby-citygml-load', () => loads++);

    const running = layer.load(big);
    running.catch(() => {});
    const cancel = await waitFor(() => {
      const panel = layer.shadowRoot!.querySelector('[part="citygml-panel"]');
      return panel && /[1-9]\d* Gebäude/.test(panel.textContent ?? '') ? layer.shadowRoot!.querySelector<HTMLButtonElement>('[part="citygml-cancel"]') : null;
    }, 'buildings counted in the panel');
    expect(cancel.textContent).toBe('Abbrechen');
    cancel.focus();
    expect(layer.shadowRoot!.activeElement).toBe(cancel);
    await userEvent.keyboard('{Enter}');
    const cancelledAt = performance.now();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(panelText(layer)).toContain('Umwandlung von gross.gml abgebrochen.');
    await sleep(800);
    expect(lastLoading).toBeLessThan(cancelledAt + 100);
    expect(loads).toBe(0);
    expect(layer.tilesetUrl).toBeNull();

    const small = await layer.load(new File([await townText(5, 7)], 'klein.gml'));
    expect(small.buildings).toBe(5);
    expect(loads).toBe(1);
  });

  it('converts a CityGML file dropped on the viewer; a plan file dropped beside it goes to <twinby-plan>', async () => {
    const { viewer, layer } = await viewerWithLayer({ droppable: '' });
    const plan = document.createElement('twinby-plan') as TwinbyPlan;
    plan.setAttribute('droppable', '');
    viewer.insertBefore(plan, layer);
    await waitFor(() => (plan as unknown as { host: unknown }).host, 'the plan to attach');
    let planLoads = 0;
    plan.addEventListener('twinby-plan-load', () => planLoads++);

    const drop = (file: File) => {
      const dt = new DataTransfer();
      dt.items.add(file);
      const event = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
      viewer.dispatchEvent(event);
      return event;
    };

    // both take .gml: the start of the file says this one is CityGML
    const loaded = once(layer, 'twinby-citygml-load');
    const event = drop(new File([await townText(8)], 'architekt.gml'));
    expect(event.defaultPrevented).toBe(true);
    expect((await loaded).detail).toMatchObject({ file: 'architekt.gml', summary: { buildings: 8 } });
    expect(planLoads).toBe(0);

    // and this one an XPlanGML plan
    let cityLoads = 0;
    layer.addEventListener('twinby-citygml-load', () => cityLoads++);
    const planLoaded = once(plan, 'twinby-plan-load');
    drop(new File([nestedPlan], 'bebauungsplan.gml'));
    expect((await planLoaded).detail.counts).toMatchObject({ extruded: 3 });
    await sleep(200);
    expect(cityLoads).toBe(0);
    expect(panelText(layer)).toContain('architekt.gml');

    // a file neither takes is left to the browser
    expect(drop(new File(['x'], 'notiz.txt')).defaultPrevented).toBe(false);

    // without the attribute the layer takes no drops
    layer.removeAttribute('droppable');
    plan.remove();
    await waitFor(() => !(plan as unknown as { host: unknown }).host, 'the plan to detach');
    expect(drop(new File([await townText(3)], 'noch-einer.gml')).defaultPrevented).toBe(false);
  });
});
