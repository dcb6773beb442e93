/**
 * The ground on the Cesium engine without a terrain model: the test town moved rigidly 24 km west and 190 m down (a
 * second tileset, its tiles unchanged, a root transform) stands on ground of its own at its base — pickPosition beside
 * it — while the first town keeps its ground at its own base.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Cartesian3, Matrix4, Transforms } from '@cesium/engine';
import { CesiumEngine } from '../../../src/engines/cesium/index.js';
import { loadTown, offset, townUrl, waitFor } from '../helpers.js';
import { heightSeen, lookDown } from '../look-down.js';

const DROP = 190;
let engine: CesiumEngine | null = null;
let container: HTMLDivElement | null = null;
const urls: string[] = [];

/** The town's tileset.json moved from its origin to `to` (lon/lat/height), as a blob: URL (content by absolute URL). */
async function movedTown(to: { lon: number; lat: number; height: number }): Promise<string> {
  const { origin } = await loadTown();
  const json = await (await fetch(townUrl)).json();
  const from = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(origin.lon, origin.lat, origin.height));
  const dest = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(to.lon, to.lat, to.height));
  json.root.transform = Matrix4.toArray(Matrix4.multiply(dest, Matrix4.inverseTransformation(from, new Matrix4()), new Matrix4()));
  const base = new URL(townUrl, location.href);
  // a region does not follow a transform: a sphere around the town does (the children's boxes sit in their own ENU
  // transforms, which the root's transform moves with them)
  json.root.boundingVolume = { sphere: [...Cartesian3.pack(Cartesian3.fromDegrees(origin.lon, origin.lat, origin.height), [] as number[]), 400] };
  const absolute = (tile: { content?: { uri: string }; children?: unknown[] }) => {
    if (tile.content) tile.content.uri = new URL(tile.content.uri, base).href;
    for (const c of (tile.children ?? []) as (typeof tile)[]) absolute(c);
  };
  absolute(json.root);
  const url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
  urls.push(url);
  return url;
}

/** The height pickPosition finds at a lon/lat, seen from straight above. */
async function groundAt(lon: number, lat: number, near: number): Promise<number | null> {
  await engine!.flyTo({ lon, lat, height: near + 300, heading: 0, pitch: -89.9 }, { duration: 0 });
  return heightSeen(engine!, lon, lat, near);
}

describe('ground per site (Cesium engine)', () => {
  afterEach(() => {
    engine?.dispose();
    container?.remove();
    for (const u of urls.splice(0)) URL.revokeObjectURL(u);
  });

  it('a town far from the first and far lower stands on ground of its own; the first keeps its ground', { timeout: 240_000 }, async () => {
    const { origin, buildings } = await loadTown();
    const homeBase = Math.min(...buildings.map((b) => b.ground));
    container = document.createElement('div');
    container.style.cssText = 'width:400px;height:300px;';
    document.body.appendChild(container);
    engine = new CesiumEngine();
    await engine.mount(container, { reducedMotion: true, view: await lookDown(0, -40, 300) });
    const ready = engine.events.next('ready');
    await engine.addTileset('home', townUrl);
    await ready;
    // beside the town (south of its southern row): the ground at its lowest base
    const beside = await offset(0, -40);
    const home = await waitFor(async () => {
      const h = await groundAt(beside.lon, beside.lat, origin.height);
      return h !== null && Math.abs(h - homeBase) < 0.5 ? h : null;
    }, 'the home ground at the town’s base', 60_000);

    const west = await offset(-24_000, 0);
    const to = { lon: west.lon, lat: west.lat, height: origin.height - DROP };
    // the same place beside the moved town
    const besideFar = { lon: to.lon + (beside.lon - origin.lon), lat: to.lat + (beside.lat - origin.lat) };
    await engine.flyTo({ ...besideFar, height: to.height + 300, heading: 0, pitch: -89.9 }, { duration: 0 });
    const loaded = engine.events.next('tiles-loaded');
    await engine.addTileset('far', await movedTown(to));
    await loaded;
    const farBase = homeBase - DROP;
    const seen: Array<number | null> = [];
    const far = await waitFor(async () => {
      const h = await groundAt(besideFar.lon, besideFar.lat, farBase);
      seen.push(h);
      return h !== null && Math.abs(h - farBase) < 0.5 ? h : null;
    }, `the far ground at the moved town’s base (${farBase.toFixed(2)} m)`, 60_000).catch((error: Error) => {
      throw new Error(`${error.message} (last heights: ${seen.slice(-5).join(', ')})`);
    });
    expect(far).toBeLessThan(home - 150);
    // the first town's ground stayed at its base (the globe reloads its tiles there after the flight back)
    await waitFor(async () => {
      const h = await groundAt(beside.lon, beside.lat, origin.height);
      return h !== null && Math.abs(h - homeBase) < 0.5;
    }, 'the home ground still at the town’s base', 60_000);
  });
});
