/**
 * Sun shadows in the three engine, read from pixels: a 10 m cube's shadow is 10 / tan(elevation) long and
 * points away from the sun (within 1 %); a hidden building's shadow goes; a planned building in another
 * tileset casts one; overlays cast none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ThreeEngine } from '../../src/engines/three/index.js';
import { fromLocal, spa } from '../../src/core/index.js';
import { offset, loadTown, sleep, waitFor } from './helpers.js';
import { groundBrightness } from './ground-brightness.js';

const shadowUrl = '/tests/browser/fixtures/shadow/tileset.json';
const plannedUrl = '/tests/browser/fixtures/shadow/planned.json';

describe('sun shadows (three engine)', () => {
  let engine: ThreeEngine;
  let container: HTMLDivElement;

  async function start(view: { east: number; north: number; height: number }, size = 600): Promise<void> {
    const { origin } = await loadTown();
    const at = await offset(view.east, view.north);
    container = document.createElement('div');
    container.style.cssText = `width:${size}px;height:${size}px;`;
    document.body.appendChild(container);
    engine = new ThreeEngine();
    await engine.mount(container, {
      preserveDrawingBuffer: true,
      reducedMotion: true,
      view: { lon: at.lon, lat: at.lat, height: origin.height + view.height, heading: 0, pitch: -90 },
    });
    const ready = engine.events.next('ready');
    await engine.addTileset('shadow', shadowUrl);
    await ready;
  }

  afterEach(() => {
    engine?.dispose();
    container?.remove();
  });

  const snapshot = () => groundBrightness(engine, engine.renderer.domElement);

  /** Where the cube's shadow ends along the direction away from the sun, from the centre, in metres. */
  async function shadowEnd(azimuth: number, expected: number): Promise<number> {
    const bright = await snapshot();
    const a = ((azimuth + 180) * Math.PI) / 180;
    const ux = Math.sin(a), uy = Math.cos(a);
    const lit = await bright(ux * expected * 1.6, uy * expected * 1.6);
    const dark = await bright(ux * expected * 0.75, uy * expected * 0.75);
    expect(lit - dark).toBeGreaterThan(60); // a visible shadow
    const threshold = (lit + dark) / 2;
    let end = 0;
    for (let r = expected * 0.75; r < expected * 1.5; r += 0.01) {
      if ((await bright(ux * r, uy * r)) < threshold) end = r;
    }
    return end;
  }

  for (const [label, hour, minute] of [['21 March 12:15', 12, 15], ['21 March 15:00', 15, 0]] as const) {
    it(`a 10 m cube casts a shadow 10 / tan(elevation) long away from the sun, within 1 % (${label})`, async () => {
      // look straight down from 45 m above the middle of the expected shadow
      const date = fromLocal({ year: 2025, month: 3, day: 21, hour, minute });
      const { origin } = await loadTown();
      const sun = spa({ date, lat: origin.lat, lon: origin.lon, elevation: origin.height });
      const length = 10 / Math.tan((sun.elevation * Math.PI) / 180);
      const a = ((sun.azimuth + 180) * Math.PI) / 180;
      const ux = Math.sin(a), uy = Math.cos(a);
      // from the centre, the top square's edge is 5 / max(|ux|, |uy|) away along u; the shadow tip L beyond it
      const expected = length + 5 / Math.max(Math.abs(ux), Math.abs(uy));
      await start({ east: ux * expected * 0.9, north: uy * expected * 0.9, height: 45 });
      const set = engine.setSun({ date, enabled: true });
      expect(set.azimuth).toBeCloseTo(sun.azimuth, 1);
      const end = await shadowEnd(set.azimuth, expected);
      expect(Math.abs(end - expected) / expected).toBeLessThan(0.01);
    });
  }

  it('a hidden building casts no shadow; a planned building in another tileset does; no shadow without the sun', async () => {
    const date = fromLocal({ year: 2025, month: 3, day: 21, hour: 12, minute: 15 });
    await start({ east: 0, north: 10, height: 200 }, 500);
    engine.setSun({ date, enabled: true });
    const plannedReady = engine.events.next('tiles-loaded');
    await engine.addTileset('planned', plannedUrl);
    await plannedReady;
    // north of each cube (sun in the south at noon): 12 m north of the centres
    const probe = async () => {
      const bright = await snapshot();
      return { hide: await bright(-60, 12), cube: await bright(0, 12), planned: await bright(60, 12), open: await bright(30, 12) };
    };
    const before = await waitFor(async () => {
      const p = await probe();
      return p.open - p.planned > 60 ? p : null;
    }, 'the planned cube to cast its shadow');
    expect(before.open - before.hide).toBeGreaterThan(60);
    expect(before.open - before.cube).toBeGreaterThan(60);

    engine.setHidden(['SHADOW_HIDE']);
    const hidden = await probe();
    expect(Math.abs(hidden.hide - hidden.open)).toBeLessThan(15); // its shadow is gone
    expect(hidden.open - hidden.cube).toBeGreaterThan(60); // the others keep theirs
    expect(hidden.open - hidden.planned).toBeGreaterThan(60);

    engine.setHidden([]);
    expect((await probe()).open - (await probe()).hide).toBeGreaterThan(60);

    // a split whose left side hides the cube the right side shows: each side draws its own shadows ('split-shadows')
    engine.setSplit({ mode: 'swipe', position: 0.8, left: { tilesets: [], hidden: ['SHADOW_HIDE'] }, right: { tilesets: [], hidden: [] } });
    const split = await waitFor(async () => {
      const p = await probe();
      return Math.abs(p.hide - p.open) < 15 ? p : null;
    }, 'no shadow of the cube the left side hides');
    expect(split.open - split.cube).toBeGreaterThan(60);
    engine.setSplit(null);

    engine.setSun({ date, enabled: false });
    const off = await probe();
    expect(Math.abs(off.cube - off.open)).toBeLessThan(15);
  });

  it('a building outside the view still casts its shadow into it', async () => {
    const date = fromLocal({ year: 2025, month: 3, day: 21, hour: 15, minute: 0 });
    const { origin } = await loadTown();
    const sun = spa({ date, lat: origin.lat, lon: origin.lon, elevation: origin.height });
    const a = ((sun.azimuth + 180) * Math.PI) / 180;
    const r = 10 / Math.tan((sun.elevation * Math.PI) / 180); // mid-shadow, ~19 m from the centre
    const at = { east: Math.sin(a) * r, north: Math.cos(a) * r };
    // 12 m above the ground, the view is ~10 m across: the cube is well outside it
    await start({ ...at, height: 12 }, 300);
    engine.setSun({ date, enabled: true });
    const cubeOnScreen = engine.projectToScreen(origin.lon, origin.lat, origin.height + 10);
    const rect = engine.renderer.domElement.getBoundingClientRect();
    expect(cubeOnScreen === null || cubeOnScreen.x < rect.left || cubeOnScreen.x > rect.right || cubeOnScreen.y < rect.top || cubeOnScreen.y > rect.bottom).toBe(true);
    const shaded = await (await snapshot())(at.east, at.north);
    engine.setHidden(['SHADOW_CUBE']);
    const open = await (await snapshot())(at.east, at.north);
    expect(open - shaded).toBeGreaterThan(60);
  });

  it('overlays cast no shadow', async () => {
    const date = fromLocal({ year: 2025, month: 3, day: 21, hour: 12, minute: 15 });
    await start({ east: 30, north: 15, height: 130 }, 400);
    engine.setSun({ date, enabled: true });
    const { origin } = await loadTown();
    const ring = await Promise.all([[20, -5], [40, -5], [40, 5], [20, 5], [20, -5]].map(([e, n]) => offset(e, n)));
    engine.addOverlay({
      id: 'volume',
      features: [
        {
          kind: 'extruded-polygon',
          id: 'v',
          rings: [new Float64Array(ring.flatMap((p) => [p.lon, p.lat]))],
          baseHeight: origin.height,
          topHeight: origin.height + 20,
          style: { fill: '#3366ff', fillOpacity: 0.3 },
          properties: {},
        },
      ],
    });
    const bright = await snapshot();
    // 12 m north of the volume's north side would be deep in a 20 m volume's shadow
    expect(Math.abs((await bright(30, 17)) - (await bright(30, 40)))).toBeLessThan(15);
    // and the sun adds no render loop: an idle viewer draws nothing
    const before = engine.getStats().frame;
    await sleep(800);
    expect(engine.getStats().frame).toBe(before);
  });
});
