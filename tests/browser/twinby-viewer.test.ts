import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { engineLoaders } from '../../src/element/engine-loaders.js';
import { page, userEvent } from 'vitest/browser';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import type { SelectDetail } from '../../src/element/viewer-events.js';
import { building, canvasOf, closeView, colourDistance, frames, isReddish, pixelAt, sleep, town404Url, townUrl, waitFor } from './helpers.js';
import { formatView } from '../../src/core/index.js';

const viewers: TwinbyViewer[] = [];

function createViewer(attrs: Record<string, string> = {}): TwinbyViewer {
  const el = document.createElement('twinby-viewer');
  el.setAttribute('view', formatView(closeView));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  viewers.push(el);
  return el;
}

function once<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(type, resolve as EventListener, { once: true }));
}

async function mounted(attrs: Record<string, string> = { src: townUrl }): Promise<TwinbyViewer> {
  const el = createViewer(attrs);
  const ready = once(el, 'twinby-ready');
  document.body.appendChild(el);
  await ready;
  await frames(2);
  return el;
}


async function centreOf(el: TwinbyViewer, n: number) {
  const b = await building(n);
  return el.activeEngine!.projectToScreen(b.lon, b.lat, b.ground + b.height / 2)!;
}

afterEach(() => {
  for (const el of viewers.splice(0)) el.remove();
});

describe('<twinby-viewer>', () => {
  it('renders the tileset: pixels at a building are building-coloured, not ground', async () => {
    const el = await mounted();
    const p = await centreOf(el, 6);
    const b = await building(6);
    const side = el.activeEngine!.projectToScreen(b.lon + 0.0004, b.lat - 0.0004, b.ground)!;
    expect(colourDistance(pixelAt(canvasOf(el), p.x, p.y), pixelAt(canvasOf(el), side.x, side.y))).toBeGreaterThan(25);
    await el.setStyle({ kind: 'plain', color: '#ff0000' });
    await frames(2);
    expect(isReddish(pixelAt(canvasOf(el), p.x, p.y))).toBe(true);
    expect(isReddish(pixelAt(canvasOf(el), side.x, side.y))).toBe(false);
  });

  it('select(id) highlights, opens the panel and fires twinby-select with the id and attributes', async () => {
    const el = await mounted();
    const b = await building(4);
    const events: SelectDetail[] = [];
    el.addEventListener('twinby-select', (e) => events.push(e.detail));
    const detail = await el.select(b.id);
    expect(detail.id).toBe(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: b.id, kind: 'building', attributes: { id: b.id, name: 'Rathaus', function: '31001_3012', measuredHeight: 15 } });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="info-panel"]')!;
    expect(panel.querySelector('h2')!.textContent).toBe('Rathaus');
    const rows = [...panel.querySelectorAll('.row')].map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent]);
    expect(rows).toContainEqual(['Gebäudefunktion', 'Rathaus (31001_3012)']);
    expect(rows).toContainEqual(['Dachform', 'Krüppelwalmdach (3300)']);
    expect(rows).toContainEqual(['Gebäudehöhe', '15\u00a0m']);
    expect(rows).toContainEqual(['Flurstueck', '104/1']);
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).toBe('Ausgewählt: Rathaus');
    await expect(el.select('nope')).rejects.toThrow(/nope/);
  });

  it('a click at a building’s projected point fires twinby-select with that building', async () => {
    const el = await mounted();
    const b = await building(3);
    const p = await centreOf(el, 3);
    const selected = once(el, 'twinby-select');
    const stage = el.shadowRoot!.querySelector('[part="stage"]')!;
    const rect = stage.getBoundingClientRect();
    const map = page.getByRole('application', { name: '3D-Stadtmodell' });
    await userEvent.click(map, { position: { x: p.x - rect.left, y: p.y - rect.top } });
    const event = await selected;
    expect(event.detail.id).toBe(b.id);
    expect(event.detail.attributes).toMatchObject({ function: '31001_2020', usage: '31001_2020', yearOfConstruction: 1985 });
    expect(event.bubbles && event.composed).toBe(true);
    // clicking empty ground (below the panel, inside the test frame's narrow viewport) clears the selection
    const cleared = once(el, 'twinby-select');
    await userEvent.click(map, { position: { x: 150, y: rect.height - 15 } });
    expect((await cleared).detail.id).toBeNull();
  });

  it('a style change recolours pixels and shows a legend', async () => {
    const el = await mounted();
    const p = await centreOf(el, 8);
    const before = pixelAt(canvasOf(el), p.x, p.y);
    await el.setStyle({ kind: 'preset', name: 'height-classes' });
    await frames(2);
    await el.updateComplete;
    const after = pixelAt(canvasOf(el), p.x, p.y);
    expect(colourDistance(before, after)).toBeGreaterThan(60);
    const legend = el.shadowRoot!.querySelector('[part="legend"]')!;
    expect(legend.querySelector('h2')!.textContent).toBe('Gebäudehöhe');
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent!.trim())).toContain('≥ 30\u00a0m');
    await expect(el.setStyle({ kind: 'classes', property: 'x', breaks: [2, 1], colors: ['#000', '#111', '#222'] })).rejects.toThrow(/ascend/);
  });

  it('hide([id]) removes that building’s pixels and show() brings them back', async () => {
    const el = await mounted();
    await el.setStyle({ kind: 'plain', color: '#ff0000' });
    const b = await building(7);
    const p = await centreOf(el, 7);
    await frames(2);
    expect(isReddish(pixelAt(canvasOf(el), p.x, p.y))).toBe(true);
    await el.hide([b.id]);
    await frames(2);
    expect(isReddish(pixelAt(canvasOf(el), p.x, p.y))).toBe(false);
    await el.show([b.id]);
    await frames(2);
    expect(isReddish(pixelAt(canvasOf(el), p.x, p.y))).toBe(true);
  });

  it('lang="en" switches labels', async () => {
    const el = await mounted();
    await el.select((await building(1)).id);
    await el.updateComplete;
    const label = (sel: string) => el.shadowRoot!.querySelector(sel)!.getAttribute('aria-label');
    expect(label('[part~="home-button"]')).toBe('Startansicht');
    el.lang = 'en';
    await el.updateComplete;
    expect(label('[part~="home-button"]')).toBe('Home view');
    expect(label('[part~="north-button"]')).toBe('Face north');
    const dts = [...el.shadowRoot!.querySelectorAll('[part="info-panel"] dt')].map((d) => d.textContent);
    expect(dts).toContain('Building height');
    expect(dts).toContain('Roof type');
    expect([...el.shadowRoot!.querySelectorAll('[part="info-panel"] dd')].map((d) => d.textContent)).toContain('Gable roof (3100)');
  });

  it('detach and re-attach works and logs no errors', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');
    const el = await mounted();
    const errors: unknown[] = [];
    el.addEventListener('twinby-error', (e) => errors.push(e.detail));
    await el.setStyle({ kind: 'plain', color: '#ff0000' });
    await el.select((await building(2)).id);
    const firstCanvas = canvasOf(el);
    const gl = firstCanvas.getContext('webgl2')!;
    el.remove();
    await frames(2);
    expect(gl.isContextLost()).toBe(true);
    expect(el.activeEngine).toBeNull();
    const ready = once(el, 'twinby-ready');
    document.body.appendChild(el);
    await ready;
    await frames(2);
    expect(el.shadowRoot!.querySelectorAll('canvas')).toHaveLength(1);
    expect(canvasOf(el)).not.toBe(firstCanvas);
    const p = await centreOf(el, 5);
    expect(isReddish(pixelAt(canvasOf(el), p.x, p.y))).toBe(true); // the style came back with the new engine
    // and quick detach/attach before the engine even loaded leaves one engine
    el.remove();
    document.body.appendChild(el);
    el.remove();
    document.body.appendChild(el);
    await waitFor(() => el.activeEngine, 'engine');
    await frames(2);
    expect(el.shadowRoot!.querySelectorAll('canvas')).toHaveLength(1);
    expect(errors).toEqual([]);
    // 3d-tiles-renderer warns once per tileset that 1.1 support is partial; nothing else may be logged
    expect(consoleWarn.mock.calls.filter((c) => !String(c[0]).includes('tiles versions at 1.1'))).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    consoleWarn.mockRestore();
  });

  it('a 404 tile raises twinby-error while the viewer keeps rendering', async () => {
    const el = createViewer({ src: town404Url });
    const errors: Array<{ kind: string; url?: string; status?: number }> = [];
    el.addEventListener('twinby-error', (e) => errors.push(e.detail));
    const ready = once(el, 'twinby-ready');
    document.body.appendChild(el);
    await ready;
    await waitFor(() => errors.length > 0, 'twinby-error');
    expect(errors[0]).toMatchObject({ kind: 'tile', status: 404 });
    expect(errors[0].url).toMatch(/missing\.glb$/);
    expect(el.shadowRoot!.querySelector('[part="message"]')).toBeNull();
    await el.setStyle({ kind: 'plain', color: '#ff0000' });
    const p = await centreOf(el, 2);
    // software rendering under load can take a few frames to show the restyle
    await waitFor(async () => {
      await frames(1);
      return isReddish(pixelAt(canvasOf(el), p.x, p.y));
    }, 'the tile that exists, drawn red');
  });

  it('shows a readable message when the tileset is missing', async () => {
    const el = createViewer({ src: '/tests/browser/fixtures/town/nope.json' });
    const error = once(el, 'twinby-error');
    document.body.appendChild(el);
    expect((await error).detail).toMatchObject({ kind: 'tileset' });
    await el.updateComplete;
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toContain('Das 3D-Modell konnte nicht geladen werden');
    expect(message.textContent).toContain('nope.json');
  });

  it('says so readably when the requested engine cannot load', async () => {
    // the Cesium chunk failing to load (e.g. a host that left it out)
    const load = engineLoaders.cesium;
    engineLoaders.cesium = () => Promise.reject(new Error('chunk missing'));
    onTestFinished(() => void (engineLoaders.cesium = load));
    const el = createViewer({ src: townUrl, engine: 'cesium' });
    const error = once(el, 'twinby-error');
    document.body.appendChild(el);
    expect((await error).detail).toMatchObject({ kind: 'engine' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).toContain('„cesium“ ist nicht verfügbar');
    expect(el.shadowRoot!.querySelector('canvas')).toBeNull();
  });

  it('reports a view it cannot read, naming the place, and starts from the home view', async () => {
    const el = createViewer({ src: townUrl });
    el.setAttribute('view', '12.15,abc,500');
    const error = once(el, 'twinby-error');
    const ready = once(el, 'twinby-ready');
    document.body.appendChild(el);
    const detail = (await error).detail;
    expect(detail.kind).toBe('parse');
    expect(detail.message).toContain('lat at column 7');
    await ready;
    expect(el.activeEngine!.getView().pitch).toBeCloseTo(-40, 0);
  });

  it('shows markup in attributes as literal text, never as HTML', async () => {
    const el = await mounted();
    await el.select((await building(2)).id);
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="info-panel"]')!;
    expect(panel.querySelector('h2')!.textContent).toBe('<img src=x onerror="window.__twinbyXss=1">');
    expect(panel.textContent).toContain('<img src=x onerror=');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    await sleep(100);
    expect((window as { __twinbyXss?: unknown }).__twinbyXss).toBeUndefined();
  });

  it('renders on demand: no frames while idle, one after a change', async () => {
    const el = await mounted();
    const engine = el.activeEngine!;
    await sleep(300);
    const before = engine.getStats().frame;
    await sleep(1000);
    expect(engine.getStats().frame).toBe(before);
    await el.setStyle({ kind: 'preset', name: 'year' });
    await frames(3);
    expect(engine.getStats().frame).toBe(before + 1);
  });

  it('is keyboard reachable: the map takes keys, the panel closes with Escape', async () => {
    const el = await mounted();
    const canvas = canvasOf(el);
    expect(canvas.tabIndex).toBe(0);
    const stage = el.shadowRoot!.querySelector('[part="stage"]')!;
    canvas.focus();
    // a focus ring for keyboard focus, none after a pointer press
    expect(stage.classList.contains('keyboard')).toBe(true);
    expect(getComputedStyle(canvas).outlineStyle).toBe('solid');
    canvas.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 2 }));
    expect(stage.classList.contains('keyboard')).toBe(false);
    expect(getComputedStyle(canvas).outlineStyle).toBe('none');
    canvas.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, button: 2 }));
    const h0 = el.activeEngine!.getView().height;
    await userEvent.keyboard('+');
    await frames(2);
    expect(el.activeEngine!.getView().height).toBeLessThan(h0 - 5);
    await userEvent.keyboard('{PageDown}');
    await frames(2);
    expect(el.activeEngine!.getView().pitch).toBeLessThan(closeView.pitch - 3);
    await el.select((await building(1)).id);
    await el.updateComplete;
    const close = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="info-close"]')!;
    close.focus();
    const cleared = once(el, 'twinby-select');
    await userEvent.keyboard('{Escape}');
    expect((await cleared).detail.id).toBeNull();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="info-panel"]')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(canvas);
  });

  it('composes child <twinby-tileset> layers and removes them with the child', async () => {
    const el = createViewer({});
    const child = document.createElement('twinby-tileset');
    child.id = 'variant';
    child.setAttribute('src', townUrl);
    el.appendChild(child);
    const ready = once(el, 'twinby-ready');
    document.body.appendChild(el);
    expect((await ready).detail.tilesets).toBe(1);
    await frames(2);
    const p = await centreOf(el, 1);
    const hit = await el.activeEngine!.pick(p.x, p.y);
    expect(hit).toMatchObject({ kind: 'building', layerId: 'variant', id: (await building(1)).id });
    child.remove();
    await frames(3);
    expect(await el.activeEngine!.pick(p.x, p.y)).toBeNull();
  });

  it('downloads the model while the engine loads, and fetches nothing twice', async () => {
    const seen: string[] = [];
    const realFetch = window.fetch.bind(window);
    const spy = vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    });
    try {
      const el = await mounted({ src: '/tests/browser/fixtures/town/tileset-single.json' });
      expect(seen.filter((u) => u.endsWith('/tileset-single.json'))).toHaveLength(1);
      expect(seen.filter((u) => u.endsWith('/a.glb'))).toHaveLength(1);
      const p = await centreOf(el, 1);
      expect((await el.activeEngine!.pick(p.x, p.y))?.id).toBe((await building(1)).id);
    } finally {
      spy.mockRestore();
    }
  });

  it('follows its own size (ResizeObserver) at the device pixel ratio', async () => {
    const el = await mounted();
    el.style.width = '240px';
    el.style.height = '180px';
    await waitFor(() => canvasOf(el).width === Math.round(240 * devicePixelRatio), 'canvas resize');
    expect(canvasOf(el).height).toBe(Math.round(180 * devicePixelRatio));
  });

  it('home and north-up buttons move the camera', async () => {
    const el = await mounted();
    await el.flyTo({ ...closeView, heading: 60, height: 900 }, { duration: 0 });
    (el.shadowRoot!.querySelector('[part~="north-button"]') as HTMLButtonElement).click();
    await waitFor(() => Math.abs(((el.activeEngine!.getView().heading + 540) % 360) - 180) < 0.5, 'north up');
    (el.shadowRoot!.querySelector('[part~="home-button"]') as HTMLButtonElement).click();
    await waitFor(() => Math.abs(el.activeEngine!.getView().height - closeView.height) < 1, 'home view');
  });
});
