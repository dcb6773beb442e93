/**
 * <twinby-scenario> on the test town: a variant draws its planned block and removes the replaced
 * building's pixels (the same pixels as the page hiding it), the swipe shows A left and B right, side by
 * side keeps two cameras in sync, a planned block is picked with its attributes, a shared link restores
 * camera and variant, and bad parts of a scenario are reported by JSON path while the rest loads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { ViewState } from '../../src/core/index.js';
import { toWgs84 } from '../../src/core/geo/index.js';
import type { Scenario } from '../../src/core/scenario/index.js';
import type { ScenarioErrorDetail } from '../../src/index.js';
import { canvasOf, closeView, colourDistance, frames, loadTown, offset, pixelAt, waitFor } from './helpers.js';
import { generateTown } from '../../tools/make-demo/generate-town';
import { PLANNED_AREA } from '../../tools/make-demo/town-layout';
import { demoPlan } from '../../tools/make-demo-plan/plan-layout';
import { writeXPlanGml } from '../../tools/make-demo-plan/xplangml-writer';
import { demoScenario } from '../../tools/make-demo-scenario/demo-scenario';
import { isOrange, once, pixelOfBuilding, roofPoint, settle, testScenario, townFootprints, toUtm, viewers, viewerWithScenario } from './scenario-fixture.js';

afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
  history.replaceState(null, '', location.pathname + location.search);
});

describe('<twinby-scenario>', () => {
  it('switching to a variant draws its planned block and removes the replaced building as hide() would; Bestand restores it', async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario());
    const engine = viewer.activeEngine!;
    const { origin } = await loadTown();
    const blockTop = await offset(0, -15);
    const blockScreen = () => engine.projectToScreen(blockTop.lon, blockTop.lat, origin.height + 20)!;
    const bestand3 = await pixelOfBuilding(viewer, 3);
    const bestandBlock = pixelAt(canvasOf(viewer), blockScreen().x, blockScreen().y);
    expect(isOrange(bestandBlock)).toBe(false);

    const viewBefore = engine.getView();
    layer.variant = 'a';
    await waitFor(() => engine.getFeatureAttributes('A-1'), 'planned block loaded');
    await settle(viewer);
    expect(engine.getView()).toEqual(viewBefore); // the camera stays
    const a3 = await pixelOfBuilding(viewer, 3);
    const aBlock = pixelAt(canvasOf(viewer), blockScreen().x, blockScreen().y);
    expect(isOrange(aBlock)).toBe(true);
    expect(colourDistance(a3, bestand3)).toBeGreaterThan(20);
    expect(viewer.hiddenIds.size).toBe(0); // the page's own hidden set is untouched

    // the same pixels as the page hiding building 3 in Bestand
    layer.variant = 'bestand';
    await settle(viewer);
    expect(colourDistance(await pixelOfBuilding(viewer, 3), bestand3)).toBeLessThan(3);
    await viewer.hide(['DEBY_LOD2_TEST_0003']);
    await settle(viewer);
    expect(colourDistance(await pixelOfBuilding(viewer, 3), a3)).toBeLessThan(3);
  });

  it('the swipe shows variant A left of the divider and B right of it; the divider moves by keyboard', async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), { variant: 'a', 'compare-with': 'b' });
    const engine = viewer.activeEngine!;
    const single3 = await pixelOfBuilding(viewer, 3); // A: 3 hidden
    const single5 = await pixelOfBuilding(viewer, 5); // A: 5 shown
    layer.variant = 'b';
    await settle(viewer);
    const b5 = await pixelOfBuilding(viewer, 5); // B: 5 hidden
    expect(colourDistance(b5, single5)).toBeGreaterThan(20);

    layer.variant = 'a';
    layer.compare = 'swipe';
    await settle(viewer);
    const rect = canvasOf(viewer).getBoundingClientRect();
    const p3 = await roofPoint(viewer, 3);
    const p5 = await roofPoint(viewer, 5);
    expect(p3.x).toBeLessThan(rect.left + rect.width / 2);
    expect(p5.x).toBeGreaterThan(rect.left + rect.width / 2);
    // left of the divider: A (3 hidden); right: B (5 hidden)
    expect(colourDistance(await pixelOfBuilding(viewer, 3), single3)).toBeLessThan(3);
    expect(colourDistance(await pixelOfBuilding(viewer, 5), b5)).toBeLessThan(3);
    expect(engine.getViews()).toHaveLength(1);

    // End moves the divider to the right edge: all of the view is A, building 5 is back
    const divider = layer.shadowRoot!.querySelector<HTMLElement>('[part="scenario-divider"]')!;
    expect(divider.getAttribute('aria-valuenow')).toBe('50');
    divider.focus();
    divider.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle(viewer);
    expect(divider.getAttribute('aria-valuenow')).toBe('100');
    expect(colourDistance(await pixelOfBuilding(viewer, 5), single5)).toBeLessThan(3);
    divider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await frames(1);
    expect(divider.getAttribute('aria-valuenow')).toBe('98');
    // dragged with the pointer to a quarter of the width
    const handle = layer.shadowRoot!.querySelector<HTMLElement>('[part="scenario-divider"]')!;
    const y = rect.top + rect.height / 2;
    handle.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: rect.right - 2, clientY: y, pointerId: 7, isPrimary: true }));
    handle.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: rect.left + rect.width / 4, clientY: y, pointerId: 7, isPrimary: true }));
    handle.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, clientX: rect.left + rect.width / 4, clientY: y, pointerId: 7, isPrimary: true }));
    await frames(1);
    expect(layer.shadowRoot!.querySelector('[part="scenario-divider"]')!.getAttribute('aria-valuenow')).toBe('25');
    expect(layer.splitPosition).toBeCloseTo(0.25, 2);
  });

  it('side by side: two cameras stay in sync after a flyTo, each half shows its variant', async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), { variant: 'a', 'compare-with': 'bestand', compare: 'side-by-side' });
    const engine = viewer.activeEngine!;
    const target: ViewState = { ...closeView, heading: 12, pitch: -42, height: 600 };
    await viewer.flyTo(target, { duration: 0.3 });
    await settle(viewer);
    const [left, right] = engine.getViews();
    expect(engine.getViews()).toHaveLength(2);
    for (const k of ['lon', 'lat', 'height', 'heading', 'pitch'] as const) expect(right[k]).toBeCloseTo(left[k], 9);
    expect(left.heading).toBeCloseTo(12, 3);
    // the planned block is drawn in the left half only
    const { origin } = await loadTown();
    const top = await offset(0, -15);
    const onScreen = engine.projectToScreen(top.lon, top.lat, origin.height + 20)!;
    const rect = canvasOf(viewer).getBoundingClientRect();
    const xLeft = rect.left + (onScreen.x - rect.left) / 2;
    expect(isOrange(pixelAt(canvasOf(viewer), xLeft, onScreen.y))).toBe(true);
    expect(isOrange(pixelAt(canvasOf(viewer), xLeft + rect.width / 2, onScreen.y))).toBe(false);
    // picking knows the half: the block in the left half, not in the right (Bestand)
    expect((await engine.pick(xLeft, onScreen.y))?.id).toBe('A-1');
    expect((await engine.pick(xLeft + rect.width / 2, onScreen.y))?.id).not.toBe('A-1');
    layer.compare = 'single';
    await settle(viewer);
    expect(engine.getViews()).toHaveLength(1);
  });

  it('a planned building is picked with its attributes', async () => {
    const { viewer } = await viewerWithScenario(await testScenario(), { variant: 'a' });
    const engine = viewer.activeEngine!;
    await waitFor(() => engine.getFeatureAttributes('A-1'), 'planned block loaded');
    const { origin } = await loadTown();
    const top = await offset(0, -15);
    const p = engine.projectToScreen(top.lon, top.lat, origin.height + 14)!;
    const hit = await engine.pick(p.x, p.y);
    expect(hit?.kind).toBe('building');
    expect(hit!.id).toBe('A-1');
    expect(hit!.attributes).toMatchObject({ name: 'Planung A-1', storeysAboveGround: 7, measuredHeight: 28 });
    expect(JSON.stringify(hit!.attributes)).toContain('geplant');
    const select = once(viewer, 'twinby-select');
    canvasOf(viewer).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: p.x, clientY: p.y, button: 0, isPrimary: true, pointerId: 1 }));
    canvasOf(viewer).dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, clientX: p.x, clientY: p.y, button: 0, isPrimary: true, pointerId: 1 }));
    expect((await select).detail.id).toBe('A-1');
    const info = viewer.shadowRoot!.querySelector<HTMLElement>('[part="info-panel"]')!;
    expect(info.textContent).toContain('Planung A-1');
    // the info panel is on top of the scenario panel that shares its corner
    const r = info.getBoundingClientRect();
    const onTop = viewer.shadowRoot!.elementFromPoint(r.left + 20, r.top + 20);
    expect(info.contains(onTop)).toBe(true);
  });

  it('a shared link restores the same camera (1 cm, 0.01°), variant and compare mode', async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), { variant: 'b' });
    const view: ViewState = { lon: 12.15213, lat: 48.53517, height: 612.25, heading: 23.5, pitch: -33.25 };
    await viewer.flyTo(view, { duration: 0 });
    await settle(viewer);
    const saved = viewer.activeEngine!.getView();
    layer.compare = 'swipe';
    const result = await layer.share();
    expect(result.ok).toBe(true);
    expect(location.hash).toMatch(/^#scenario=/);
    viewer.remove();

    // a new page state: the same document, a new viewer that only has the link
    const { viewer: second, layer: restored } = await viewerWithScenario(null);
    expect(restored.variant).toBe('b');
    expect(restored.compare).toBe('swipe');
    const back = second.activeEngine!.getView();
    const metres = (a: ViewState, b: ViewState) => Math.hypot((a.lon - b.lon) * 111320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 110540, a.height - b.height);
    expect(metres(back, saved)).toBeLessThan(0.01);
    expect(Math.abs(back.heading - saved.heading)).toBeLessThan(0.01);
    expect(Math.abs(back.pitch - saved.pitch)).toBeLessThan(0.01);
    expect(restored.scenario!.variants.map((v) => v.id)).toEqual(['a', 'b']);
  });

  it('bad parts are twinby-errors naming file and JSON path; the rest loads', async () => {
    const scenario = await testScenario() as unknown as { variants: Array<{ buildings: unknown[]; replaces: string[] }> };
    scenario.variants[0].buildings.push({ kind: 'block', id: 'X', footprint: [[0, 0], [10, 10], [10, 0], [0, 10]], storeys: 2 });
    scenario.variants[0].buildings.push({ kind: 'model', id: 'M', src: 'data:model/gltf-binary;base64,bm90IGEgbW9kZWw=', position: { easting: 1, northing: 2, height: 400 } });
    scenario.variants[0].replaces.push('DEBY_DOES_NOT_EXIST');
    const errors: ScenarioErrorDetail[] = [];
    await customElements.whenDefined('twinby-scenario');
    const listen = (e: Event) => errors.push((e as CustomEvent<ScenarioErrorDetail>).detail);
    document.addEventListener('twinby-error', listen);
    try {
      const { viewer } = await viewerWithScenario(scenario as unknown as Scenario, { variant: 'a' });
      await waitFor(() => errors.length >= 3, 'three errors');
      const paths = errors.map((e) => e.path).sort();
      expect(paths).toEqual(['$.variants[0].buildings[1].footprint[0]', '$.variants[0].buildings[2]', '$.variants[0].replaces[1]']);
      expect(errors.find((e) => e.path.endsWith('footprint[0]'))!.message).toMatch(/^scenario \$\.variants\[0\]\.buildings\[1\]\.footprint\[0\]: the footprint intersects itself/);
      expect(errors.find((e) => e.path.endsWith('replaces[1]'))!.message).toMatch(/DEBY_DOES_NOT_EXIST" is not in the base model/);
      expect(errors.find((e) => e.path.endsWith('buildings[2]'))!.message).toMatch(/not a glTF binary/);
      // the good block of the variant is there
      await waitFor(() => viewer.activeEngine!.getFeatureAttributes('A-1'), 'good block loaded');
      const unknown = document.createElement('twinby-scenario');
      const failed = once(viewer, 'twinby-error');
      viewer.appendChild(unknown);
      await customElements.whenDefined('twinby-scenario');
      void unknown.load({ version: 7, name: 'x', variants: [] });
      expect((await failed).detail.message).toMatch(/\$\.version: unknown scenario version: this viewer reads version 1, the file has version 7/);
    } finally {
      document.removeEventListener('twinby-error', listen);
    }
  });

  it('the editor draws a block by clicking corners on the ground (closing on the first), changes storeys, and undoes and redoes', async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), { variant: 'a' });
    const engine = viewer.activeEngine!;
    const { origin } = await loadTown();
    const drawn = layer.drawBlock();
    // clicks as a pointer makes them; each corner is announced before the next click
    const corners = [[-4, -45], [4, -45], [4, -37], [-4, -37], [-4, -45]];
    for (const [i, [e, n]] of corners.entries()) {
      const p = await offset(e, n);
      const s = engine.projectToScreen(p.lon, p.lat, origin.height)!;
      const corner = i < corners.length - 1 ? once(viewer, 'twinby-scenario-corner') : null;
      viewer.dispatchEvent(new PointerEvent('pointerdown', { clientX: s.x, clientY: s.y, button: 0, bubbles: true }));
      viewer.dispatchEvent(new PointerEvent('pointerup', { clientX: s.x, clientY: s.y, button: 0, bubbles: true }));
      if (corner) expect((await corner).detail.corners).toBe(i + 1);
    }
    const id = await drawn;
    expect(id).toBe('a-1');
    const block = () => layer.scenario!.variants[0].buildings.find((b) => b.id === 'a-1') as { footprint: [number, number][]; storeys: number } | undefined;
    expect(block()!.footprint).toHaveLength(4);
    // the corners landed where they were clicked, within a few centimetres (ground picking, no snap target near)
    const corner = await offset(-4, -45);
    const [x, y] = toUtm(corner.lon, corner.lat);
    expect(Math.hypot(block()!.footprint[0][0] - x, block()!.footprint[0][1] - y)).toBeLessThan(0.3);
    await waitFor(() => engine.getFeatureAttributes('a-1')?.storeysAboveGround === 3, 'drawn block in the tiles');

    const storeys = layer.shadowRoot!.querySelector<HTMLSelectElement>('select.block')!;
    storeys.value = 'a-1';
    storeys.dispatchEvent(new Event('change'));
    const input = layer.shadowRoot!.querySelector<HTMLInputElement>('input.storeys')!;
    input.value = '5';
    input.dispatchEvent(new Event('change'));
    expect(block()!.storeys).toBe(5);
    await waitFor(() => engine.getFeatureAttributes('a-1')?.storeysAboveGround === 5, 'rebuilt block');

    layer.undo();
    expect(block()!.storeys).toBe(3);
    layer.undo();
    expect(block()).toBeUndefined();
    await waitFor(() => engine.getFeatureAttributes('a-1') === null, 'block gone after undo');
    layer.redo();
    await waitFor(() => engine.getFeatureAttributes('a-1')?.storeysAboveGround === 3, 'block back after redo');
    // the first block of the variant is still there throughout
    expect(engine.getFeatureAttributes('A-1')).not.toBeNull();

    // "Bestand ausblenden": a click on building 5 hides it in this variant (undoable)
    layer.shadowRoot!.querySelector<HTMLButtonElement>('button.pick-hide')!.click();
    const before5 = await pixelOfBuilding(viewer, 5);
    const p5 = await roofPoint(viewer, 5);
    for (const type of ['pointerdown', 'pointerup']) canvasOf(viewer).dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientX: p5.x, clientY: p5.y, button: 0, isPrimary: true, pointerId: 1 }));
    await waitFor(() => layer.scenario!.variants[0].replaces.includes('DEBY_LOD2_TEST_0005'), 'building 5 replaced');
    await waitFor(async () => (await settle(viewer), colourDistance(await pixelOfBuilding(viewer, 5), before5) > 20), 'building 5 hidden');
    layer.undo();
    expect(layer.scenario!.variants[0].replaces).toEqual(['DEBY_LOD2_TEST_0003']);
  });

  it('a dropped .json opens; a GLB model is placed as a one-tile tileset', async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), { droppable: '' });
    const engine = viewer.activeEngine!;
    const scenario = await testScenario();
    const at = await offset(0, -60);
    const [easting, northing] = toUtm(at.lon, at.lat);
    scenario.name = 'Abgelegt';
    scenario.variants[1].buildings.push({ kind: 'model', id: 'M1', src: '/tests/browser/fixtures/town/a.glb', position: { easting, northing, height: 'ground' }, heading: 30, scale: 0.5 });
    const loadedModel = new Promise<string>((resolve) => engine.events.on('tileset-loaded', (d) => d.layerId.endsWith('/b/model-M1') && resolve(d.layerId)));
    const data = new DataTransfer();
    data.items.add(new File([JSON.stringify(scenario)], 'abgelegt.json', { type: 'application/json' }));
    const loaded = once(viewer, 'twinby-scenario-load');
    viewer.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    expect((await loaded).detail.scenario.name).toBe('Abgelegt');
    expect(layer.scenario!.name).toBe('Abgelegt');
    layer.variant = 'b';
    expect(await loadedModel).toMatch(/model-M1$/);
  });

  it('a CityGML addition is converted in the CityGML worker and shown; the scenario saves as the same JSON', async () => {
    let text = '';
    for await (const chunk of generateTown({ buildings: 2, seed: 5 })) text += chunk;
    const firstId = /<bldg:Building gml:id="([^"]+)"/.exec(text)![1];
    const scenario = await testScenario();
    scenario.variants[1].buildings.push({ kind: 'citygml', id: 'C1', src: URL.createObjectURL(new Blob([text], { type: 'application/gml+xml' })) });
    const { viewer, layer } = await viewerWithScenario(scenario, { variant: 'b' });
    // the generated town stands at its own place (EPSG:25832): look at its first building from 250 m south
    const [x, y] = PLANNED_AREA.buildings[0].centre;
    const [lon, lat] = toWgs84(25832)(x, y - 250);
    await viewer.flyTo({ lon, lat, height: 700, heading: 0, pitch: -45 }, { duration: 0 });
    await waitFor(() => viewer.activeEngine!.getFeatureAttributes(firstId), 'converted CityGML building in the tiles', 40_000);
    const saved = JSON.parse(await layer.toFile().text());
    expect(saved).toEqual(JSON.parse(JSON.stringify(layer.scenario)));
    expect(layer.toFile().name).toBe('testszenario.json');
  });

  it('the table compares the variants against the plan, and editing Variante B down to 4 storeys makes it comply', async () => {
    const { origin } = await loadTown();
    const at = toUtm(origin.lon, origin.lat) as [number, number];
    const scenario = demoScenario(at);
    scenario.base = { plan: URL.createObjectURL(new Blob([writeXPlanGml(demoPlan(at))], { type: 'application/gml+xml' })), footprints: await townFootprints() };
    scenario.variants.forEach((v) => (v.replaces = []));
    const { layer } = await viewerWithScenario(scenario, { variant: 'b' });
    const root = layer.shadowRoot!;
    const cell = (variant: string, column: number) => root.querySelector(`tr[data-variant="${variant}"]`)!.children[column].textContent!.trim();
    await waitFor(() => root.querySelector('table.compare-table'), 'table');
    expect(cell('a', 5)).toBe('0');
    expect(Number(cell('b', 5))).toBeGreaterThan(0);
    expect(cell('b', 4)).toBe('18 m');
    expect(root.querySelector('.findings')!.textContent).toContain('Oberkante 18,0 m > 15,0 m zulässig');

    const input = root.querySelector<HTMLInputElement>('input.storeys')!;
    input.value = '4';
    input.dispatchEvent(new Event('change'));
    await waitFor(() => cell('b', 5) === '0', 'Variante B complies after the edit');
    expect(cell('b', 4)).toBe('12 m');
    expect(root.querySelector('.findings')).toBeNull();
    expect(root.querySelector('p.ok')!.textContent).toBe('Keine Verstöße.');
  });
});
