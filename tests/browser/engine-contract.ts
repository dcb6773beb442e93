/**
 * The Engine contract: the same tests for every engine (three-engine.test.ts, cesium/contract.ts).
 * Call describeEngineContract(name, factory) from an engine's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEventMap, OverlayData } from '../../src/core/index.js';
import type { Engine } from '../../src/engines/engine.js';
import {
  building,
  closeView,
  colourDistance,
  frames,
  isBluish,
  isReddish,
  offset,
  pixelAt,
  sleep,
  town404Url,
  townUrl,
  waitFor,
} from './helpers.js';

export function describeEngineContract(name: string, create: () => Engine): void {
  describe(`Engine contract: ${name}`, () => {
    let engine: Engine;
    let container: HTMLDivElement;
    let errors: Array<EngineEventMap['error']>;

    const canvas = () => container.querySelector('canvas')!;

    async function start(url = townUrl): Promise<void> {
      engine = create();
      errors = [];
      engine.events.on('error', (e) => errors.push(e));
      await engine.mount(container, { preserveDrawingBuffer: true, view: closeView, reducedMotion: true });
      const ready = engine.events.next('ready');
      await engine.addTileset('town', url).catch(() => {});
      await ready;
      await frames(2);
    }

    /** Screen point of a fixture building's centre. */
    async function centreOf(n: number) {
      const b = await building(n);
      return engine.projectToScreen(b.lon, b.lat, b.ground + b.height / 2)!;
    }

    beforeEach(() => {
      container = document.createElement('div');
      container.style.cssText = 'width:400px;height:300px;position:relative;';
      document.body.appendChild(container);
    });

    afterEach(() => {
      engine?.dispose();
      container.remove();
    });

    it('mounts one canvas, loads the tileset and is ready once', async () => {
      let readies = 0;
      engine = create();
      engine.events.on('ready', () => readies++);
      await engine.mount(container, { view: closeView });
      expect(container.querySelectorAll('canvas')).toHaveLength(1);
      const loaded = engine.events.next('tileset-loaded');
      await engine.addTileset('town', townUrl);
      expect((await loaded).layerId).toBe('town');
      await waitFor(() => readies > 0, 'ready');
      await sleep(200);
      expect(readies).toBe(1);
    });

    it('returns the view it was given, and flyTo reaches its target', async () => {
      await start();
      const v = engine.getView();
      expect(v.lon).toBeCloseTo(closeView.lon, 6);
      expect(v.lat).toBeCloseTo(closeView.lat, 6);
      expect(v.height).toBeCloseTo(closeView.height, 1);
      expect(v.heading).toBeCloseTo(closeView.heading, 1);
      expect(v.pitch).toBeCloseTo(closeView.pitch, 1);
      const target = { lon: 12.1525, lat: 48.5362, height: 700, heading: 90, pitch: -60 };
      await engine.flyTo(target, { duration: 0 });
      const w = engine.getView();
      expect(w.lon).toBeCloseTo(target.lon, 6);
      expect(w.lat).toBeCloseTo(target.lat, 6);
      expect(w.height).toBeCloseTo(target.height, 1);
      expect(w.heading).toBeCloseTo(target.heading, 1);
      expect(w.pitch).toBeCloseTo(target.pitch, 1);
    });

    it('picks each building at its projected point with the attributes of its property table row', async () => {
      await start();
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const b = await building(n);
        const p = await centreOf(n);
        const hit = await engine.pick(p.x, p.y);
        expect(hit?.kind, b.id).toBe('building');
        expect(hit!.id).toBe(b.id);
        expect(hit!.attributes.function).toBe(b.attributes.function);
        expect(hit!.attributes.roofType).toBe(b.attributes.roofType);
        expect(hit!.attributes.measuredHeight).toBe(b.attributes.measuredHeight);
        expect(hit!.attributes.yearOfConstruction).toBe(b.attributes.yearOfConstruction);
      }
      const street = await offset(0, 0);
      const p = engine.projectToScreen(street.lon, street.lat, 440)!;
      expect(await engine.pick(p.x, p.y)).toBeNull();
      expect(engine.getFeatureAttributes((await building(3)).id)?.address).toBe('Testgasse 3, 84028 Landshut');
      expect(engine.getFeatureAttributes('no-such-building')).toBeNull();
    });

    it('finds surface positions: a roof at its height, the street on the ground', async () => {
      await start();
      const { lon, lat } = await offset(0, 0);
      await engine.flyTo({ lon, lat, height: 700, heading: 0, pitch: -89 }, { duration: 0 });
      await frames(2);
      const b = await building(8);
      const roof = engine.projectToScreen(b.lon, b.lat, b.ground + b.height)!;
      const hit = await engine.pickPosition(roof.x, roof.y);
      expect(hit!.height).toBeCloseTo(b.ground + b.height, 0);
      expect(hit!.lon).toBeCloseTo(b.lon, 5);
      const street = await offset(0, 40);
      const s = engine.projectToScreen(street.lon, street.lat, b.ground)!;
      const ground = await engine.pickPosition(s.x, s.y);
      expect(Math.abs(ground!.height - b.ground)).toBeLessThan(0.5);
    });

    it('colours buildings by style and draws building pixels where buildings are', async () => {
      await start();
      const p = await centreOf(6);
      const street = await offset(0, -40);
      const s = engine.projectToScreen(street.lon, street.lat, 440)!;
      const ground = pixelAt(canvas(), s.x, s.y);
      const plain = pixelAt(canvas(), p.x, p.y);
      expect(colourDistance(plain, ground)).toBeGreaterThan(25);
      const style = engine.setStyle({ kind: 'plain', color: '#ff0000' });
      expect(style).not.toBeNull();
      await frames(2);
      expect(isReddish(pixelAt(canvas(), p.x, p.y))).toBe(true);
      engine.setStyle({ kind: 'plain', color: '#0000ff' });
      await frames(2);
      expect(isBluish(pixelAt(canvas(), p.x, p.y))).toBe(true);
      // by height class: 6 m (building 1) yellow, 35 m (building 8) dark red
      const classes = engine.setStyle({ kind: 'preset', name: 'height-classes' })!;
      await frames(2);
      const low = pixelAt(canvas(), (await centreOf(1)).x, (await centreOf(1)).y);
      const high = pixelAt(canvas(), (await centreOf(8)).x, (await centreOf(8)).y);
      expect(low[1]).toBeGreaterThan(high[1] + 60); // yellow has green, dark red has none
      expect(classes.legend('de').map((e) => e.label)).toContain('keine Angabe'); // building 7 has no height
      engine.setStyle(null);
      await frames(2);
      expect(colourDistance(pixelAt(canvas(), p.x, p.y), plain)).toBeLessThan(8);
    });

    it('hides buildings: their pixels go and picking passes through them', async () => {
      await start();
      engine.setStyle({ kind: 'plain', color: '#ff0000' });
      const b = await building(5);
      const p = await centreOf(5);
      await frames(2);
      expect(isReddish(pixelAt(canvas(), p.x, p.y))).toBe(true);
      engine.setHidden([b.id]);
      await frames(2);
      expect(isReddish(pixelAt(canvas(), p.x, p.y))).toBe(false);
      expect((await engine.pick(p.x, p.y))?.id).not.toBe(b.id);
      engine.setHidden([]);
      await frames(2);
      expect(isReddish(pixelAt(canvas(), p.x, p.y))).toBe(true);
      expect((await engine.pick(p.x, p.y))?.id).toBe(b.id);
    });

    it('highlights the selected building', async () => {
      await start();
      const p = await centreOf(4);
      const before = pixelAt(canvas(), p.x, p.y);
      engine.setSelected((await building(4)).id);
      await frames(2);
      const after = pixelAt(canvas(), p.x, p.y);
      expect(colourDistance(before, after)).toBeGreaterThan(40);
      expect(after[2]).toBeLessThan(before[2]); // towards the yellow highlight
      engine.setSelected(null);
      await frames(2);
      expect(colourDistance(pixelAt(canvas(), p.x, p.y), before)).toBeLessThan(8);
    });

    it('drapes overlay areas on the ground under buildings, extrudes volumes, and picks both', async () => {
      await start();
      // an area covering the whole town: visible on the street, never on a roof
      const [sw, se, ne, nw] = await Promise.all([offset(-70, -40), offset(70, -40), offset(70, 40), offset(-70, 40)]);
      const ring = new Float64Array([sw.lon, sw.lat, se.lon, se.lat, ne.lon, ne.lat, nw.lon, nw.lat, sw.lon, sw.lat]);
      const [a, b2, c, d] = await Promise.all([offset(-5, -40), offset(5, -40), offset(5, -30), offset(-5, -30)]);
      const box = new Float64Array([a.lon, a.lat, b2.lon, b2.lat, c.lon, c.lat, d.lon, d.lat]);
      const overlay: OverlayData = {
        id: 'plan',
        features: [
          { kind: 'draped-polygon', id: 'area', rings: [ring], style: { fill: '#00ff00', fillOpacity: 1 }, properties: { name: 'WA 1', GRZ: 0.4 } },
          { kind: 'extruded-polygon', id: 'box', rings: [box], baseHeight: null, topHeight: 12, style: { fill: '#0000ff', fillOpacity: 0.5 }, properties: { Z: 3 } },
        ],
      };
      const streetPoint = await offset(30, 30);
      const s = engine.projectToScreen(streetPoint.lon, streetPoint.lat, 440)!;
      const groundBefore = pixelAt(canvas(), s.x, s.y);
      const roof = (await building(4)) as { lon: number; lat: number; ground: number; height: number; id: string };
      const r = engine.projectToScreen(roof.lon, roof.lat, roof.ground + roof.height)!;
      const roofBefore = pixelAt(canvas(), r.x, r.y);
      engine.addOverlay(overlay);
      await frames(2);
      const groundAfter = pixelAt(canvas(), s.x, s.y);
      expect(groundAfter[1]).toBeGreaterThan(groundAfter[0] + 60); // green area on the street
      expect(colourDistance(groundAfter, groundBefore)).toBeGreaterThan(40);
      expect(colourDistance(pixelAt(canvas(), r.x, r.y), roofBefore)).toBeLessThan(8); // roof untouched
      const area = await engine.pick(s.x, s.y);
      expect(area).toMatchObject({ kind: 'overlay', layerId: 'plan', id: 'area', attributes: { name: 'WA 1', GRZ: 0.4 } });
      const boxCentre = await offset(0, -35);
      const bc = engine.projectToScreen(boxCentre.lon, boxCentre.lat, 440 + 6)!;
      expect(await engine.pick(bc.x, bc.y)).toMatchObject({ kind: 'overlay', id: 'box', attributes: { Z: 3 } });
      // building pixels win over the area below them
      expect((await engine.pick((await centreOf(2)).x, (await centreOf(2)).y))?.kind).toBe('building');
      engine.removeOverlay('plan');
      await frames(2);
      expect(colourDistance(pixelAt(canvas(), s.x, s.y), groundBefore)).toBeLessThan(8);
      expect(await engine.pick(s.x, s.y)).toBeNull();
    });

    it('reports draw calls and triangles, and draws nothing while idle', async () => {
      await start();
      await sleep(300);
      const stats = engine.getStats();
      expect(stats.drawCalls).toBeGreaterThan(0);
      expect(stats.triangles).toBeGreaterThanOrEqual(8 * 10);
      const before = engine.getStats().frame;
      const originalRaf = window.requestAnimationFrame;
      let rafCalls = 0;
      window.requestAnimationFrame = (cb) => {
        rafCalls++;
        return originalRaf.call(window, cb);
      };
      try {
        await sleep(1000);
      } finally {
        window.requestAnimationFrame = originalRaf;
      }
      expect(engine.getStats().frame).toBe(before);
      expect(rafCalls).toBe(0);
      engine.requestRender();
      engine.requestRender();
      await frames(3);
      expect(engine.getStats().frame).toBe(before + 1);
    });

    it('reports a missing tile (404) as an error and keeps rendering the rest', async () => {
      await start(town404Url);
      await waitFor(() => errors.find((e) => e.kind === 'tile'), 'tile error');
      const error = errors.find((e) => e.kind === 'tile')!;
      expect(error.url).toMatch(/missing\.glb$/);
      expect(error.status).toBe(404);
      expect(error.layerId).toBe('town');
      // the good tile may still be on its way when the bad one fails: wait until it picks
      const p = await centreOf(3);
      const id = (await building(3)).id;
      await waitFor(async () => (await engine.pick(p.x, p.y))?.id === id, 'the tile that exists, drawn and pickable');
      const before = engine.getStats().frame;
      engine.setStyle({ kind: 'plain', color: '#ff0000' });
      await frames(3);
      expect(engine.getStats().frame).toBeGreaterThan(before);
      expect(isReddish(pixelAt(canvas(), p.x, p.y))).toBe(true);
    });

    it('rejects a missing tileset with a tileset error', async () => {
      engine = create();
      errors = [];
      engine.events.on('error', (e) => errors.push(e));
      await engine.mount(container, { view: closeView });
      await expect(engine.addTileset('gone', '/tests/browser/fixtures/town/nope.json')).rejects.toThrow(/nope\.json/);
      expect(errors[0]).toMatchObject({ kind: 'tileset', layerId: 'gone' });
      expect(errors[0].url).toMatch(/nope\.json$/);
    });

    it('dispose removes the canvas, loses the WebGL context and stops drawing', async () => {
      await start();
      const c = canvas();
      const gl = c.getContext('webgl2')!;
      const lost = new Promise((resolve) => c.addEventListener('webglcontextlost', resolve, { once: true }));
      engine.dispose();
      await lost;
      expect(gl.isContextLost()).toBe(true);
      expect(container.querySelector('canvas')).toBeNull();
      engine.requestRender();
      await frames(2);
      engine.dispose(); // twice is fine
    });
  });
}
