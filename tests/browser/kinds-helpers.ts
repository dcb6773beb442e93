/** Helpers for the tests of every kind of 3D Tiles content (fixtures in tests/browser/fixtures/kinds). */
import { commands } from 'vitest/browser';
import { expect } from 'vitest';
import type { TwinbyViewer } from '../../src/index.js';
import type { ErrorDetail } from '../../src/core/index.js';
import { formatView } from '../../src/core/index.js';
import { canvasOf, colourDistance, frames, pixelAt, waitFor, type Rgba } from './helpers.js';
import { origin } from './fixtures/kinds/geo.js';

const rad = Math.PI / 180;
/** Metres east / north of the fixture origin as lon / lat (fine for 200 m). */
export const lonAt = (east: number) => origin.lon + east / (6390000 * Math.cos(origin.lat * rad) * rad);
export const latAt = (north: number) => origin.lat + north / (6370000 * rad);

export interface Mounted {
  viewer: TwinbyViewer;
  errors: ErrorDetail[];
}

const viewers: TwinbyViewer[] = [];
export function removeViewers(): void {
  for (const v of viewers.splice(0)) v.remove();
}

/** Writes the named fixture and shows it from the south (`back` m away, `up` m above the origin), looking north. */
export async function mountFixture(name: string, back = 150, up = 90, pitch = -30, engine: 'three' | 'cesium' = 'three'): Promise<Mounted> {
  const url = await commands.writeTileFixture(name);
  // the tests read which files were requested: the default buffer (250 entries) fills with the dev server's modules
  performance.setResourceTimingBufferSize(100_000);
  performance.clearResourceTimings();
  const el = document.createElement('twinby-viewer');
  el.setAttribute('view', formatView({ lon: origin.lon, lat: latAt(-back), height: origin.height + up, heading: 0, pitch }));
  el.setAttribute('src', url);
  el.setAttribute('engine', engine);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  viewers.push(el);
  const errors: ErrorDetail[] = [];
  el.addEventListener('twinby-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
  const ready = new Promise((resolve) => el.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.appendChild(el);
  await ready;
  await frames(3);
  return { viewer: el, errors };
}

/** Where a point east / north / up of the origin is on screen. */
export function screen(viewer: TwinbyViewer, east: number, north: number, up: number): { x: number; y: number } {
  const at = viewer.activeEngine!.projectToScreen(lonAt(east), latAt(north), origin.height + up);
  expect(at).not.toBeNull();
  return at!;
}

/** The building pick at a point (its id, or a test of its id), waiting until its tile has loaded. */
export async function pickAt(viewer: TwinbyViewer, east: number, north: number, up: number, expected: string | RegExp) {
  const at = screen(viewer, east, north, up);
  const pick = await waitFor(async () => {
    viewer.activeEngine!.requestRender();
    await frames(1);
    const p = await viewer.activeEngine!.pick(at.x, at.y);
    return p && (typeof expected === 'string' ? p.id === expected : expected.test(p.id)) ? p : null;
  }, `a pick of ${String(expected)}`);
  expect(pick.kind).toBe('building');
  return pick.attributes;
}

/** Waits until the pixel at a point is (or, with `not`, is no longer) the colour. */
export async function waitForColour(viewer: TwinbyViewer, east: number, north: number, up: number, colour: Rgba, not = false): Promise<void> {
  const canvas = canvasOf(viewer);
  const at = screen(viewer, east, north, up);
  await waitFor(async () => {
    viewer.activeEngine!.requestRender();
    await frames(2);
    const near = colourDistance(pixelAt(canvas, at.x, at.y), colour) < 90;
    return not ? !near : near;
  }, `${not ? 'no longer ' : ''}${colour.join(',')} at ${east}/${north}/${up}`);
}

export const red: Rgba = [255, 0, 0, 255];
