/**
 * Shadows on the Cesium engine (@cesium/engine 26.3.0, by its place in the release line CesiumJS 1.145), read from pixels: a hidden building casts
 * none (CesiumGS/cesium#6261 and #13768 were about clipped geometry still casting shadows; per-feature `show`
 * must hold in the shadow pass too), the others and a planned building in another tileset keep theirs, and
 * without the sun there is none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CesiumEngine } from '../../../src/engines/cesium/index.js';
import { fromLocal } from '../../../src/core/index.js';
import { waitFor } from '../helpers.js';
import { groundBrightness } from '../ground-brightness.js';
import { lookDown } from '../look-down.js';

const shadowUrl = '/tests/browser/fixtures/shadow/tileset.json';
const plannedUrl = '/tests/browser/fixtures/shadow/planned.json';

describe('sun shadows (Cesium engine)', () => {
  let engine: CesiumEngine;
  let container: HTMLDivElement;

  afterEach(() => {
    engine?.dispose();
    container?.remove();
  });

  const snapshot = () => groundBrightness(engine, container.querySelector('canvas')!);

  it('a hidden building casts no shadow; a planned building in another tileset does; no shadow without the sun', async () => {
    container = document.createElement('div');
    container.style.cssText = 'width:500px;height:500px;';
    document.body.appendChild(container);
    engine = new CesiumEngine();
    await engine.mount(container, { preserveDrawingBuffer: true, reducedMotion: true, view: await lookDown(0, 10, 200, -90) });
    const ready = engine.events.next('ready');
    await engine.addTileset('shadow', shadowUrl);
    await ready;
    const date = fromLocal({ year: 2025, month: 3, day: 21, hour: 12, minute: 15 });
    const sun = engine.setSun({ date, enabled: true });
    expect(sun.elevation).toBeGreaterThan(30);
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
    const back = await probe();
    expect(back.open - back.hide).toBeGreaterThan(60);

    // A split whose left side hides a cube the right side shows: one shadow map a frame would carry the right side's
    // shadow of it into the left (Cesium lacks 'split-shadows'), so cast shadows are left out while the sides differ.
    engine.setSplit({ mode: 'swipe', position: 0.8, left: { tilesets: [], hidden: ['SHADOW_HIDE'] }, right: { tilesets: [], hidden: [] } });
    const split = await waitFor(async () => {
      const p = await probe();
      return Math.abs(p.cube - p.open) < 15 ? p : null;
    }, 'no cast shadow while the sides differ');
    expect(Math.abs(split.hide - split.open)).toBeLessThan(15);
    engine.setSplit(null);
    await waitFor(async () => {
      const p = await probe();
      return p.open - p.hide > 60 && p.open - p.cube > 60 ? p : null;
    }, 'shadows back after the split');

    engine.setSun({ date, enabled: false });
    const off = await probe();
    expect(Math.abs(off.cube - off.open)).toBeLessThan(15);
  });
});
