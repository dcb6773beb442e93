/**
 * The cases of terrain-qm.test.ts (three) and cesium/terrain-qm.ts (Cesium, run from cesium.test.ts, which loads it once).
 * <twinby-terrain src=".../layer.json">: a quantized-mesh terrain (a 40 m hill 500 m east of the town fixture, written
 * by tools/make-terrain's encoder) on both engines. Cesium streams it with its own provider; three gets its tiles read
 * into a height grid in the terrain worker. pickPosition over the hill returns the fixture's heights; requests stay on
 * the page's host; a missing layer.json or missing tiles are a twinby-error naming them, and the viewer goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import type { ErrorDetail } from '../../src/core/index.js';
import type { EngineName } from '../../src/engines/engine.js';
import type { TerrainLoadDetail } from '../../src/element/terrain/index.js';
import { formatView } from '../../src/core/index.js';
import { hillHeight } from './fixtures/terrain/hill.js';
import { allRequestsLocal, loadTown, offset, townUrl, waitFor } from './helpers.js';
import { heightSeen } from './look-down.js';

let viewer: TwinbyViewer | null = null;

/** A viewer on the town fixture, looking straight down at the hill, with a <twinby-terrain> for src. */
async function scene(engine: EngineName, src: string): Promise<{ viewer: TwinbyViewer; errors: ErrorDetail[]; loaded: Promise<TerrainLoadDetail> }> {
  const { origin } = await loadTown();
  const top = await offset(500, 0);
  const v = (viewer = document.createElement('twinby-viewer'));
  v.setAttribute('engine', engine);
  v.setAttribute('src', townUrl);
  v.setAttribute('view', formatView({ lon: top.lon, lat: top.lat, height: origin.height + 700, heading: 0, pitch: -89.9 }));
  v.style.cssText = 'width:480px;height:360px;';
  const errors: ErrorDetail[] = [];
  v.addEventListener('twinby-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
  const terrain = document.createElement('twinby-terrain');
  terrain.id = 'qm';
  terrain.setAttribute('src', src);
  const loaded = new Promise<TerrainLoadDetail>((resolve) => terrain.addEventListener('twinby-terrain-load', (e) => resolve((e as CustomEvent<TerrainLoadDetail>).detail), { once: true }));
  v.append(terrain);
  const ready = new Promise((resolve) => v.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.append(v);
  await ready;
  return { viewer: v, errors, loaded };
}

/** Waits until pickPosition at a point (east/north of the origin) finds the fixture's ground there within 1 m. */
async function groundMatches(v: TwinbyViewer, east: number, north: number): Promise<number> {
  const { origin } = await loadTown();
  const p = await offset(east, north);
  const expected = hillHeight(origin, p.lon, p.lat);
  const engine = v.activeEngine!;
  const seen: Array<number | null> = [];
  await waitFor(async () => {
    const h = await heightSeen(engine, p.lon, p.lat, expected);
    seen.push(h);
    return h !== null && Math.abs(h - expected) < 1;
  }, `${engine.name}: the ground ${east} m east, ${north} m north at ${expected.toFixed(1)} m`, 90_000).catch((error: Error) => {
    throw new Error(`${error.message} (last heights: ${seen.slice(-5).join(', ')})`);
  });
  return expected;
}


/**
 * The view looks at the hill, 500 m east of the town: the town's root tile is in view, none of its tiles is. Cesium then
 * requests nothing and never raises allTilesLoaded; the Cesium viewer waited for it, and twinby-ready never came.
 */
export function describeQuantizedTerrain(engine: EngineName): void {
  describe(`quantized-mesh terrain on ${engine}`, () => {
    afterEach(() => {
      viewer?.remove();
      viewer = null;
    });

    it('shows the fixture’s heights under pickPosition, all requests on the page’s host', { timeout: 300_000 }, async () => {
      const url = await commands.writeQuantizedTerrain('hill');
      performance.clearResourceTimings();
      const { viewer: v, errors, loaded } = await scene(engine, url);
      const detail = await loaded;
      expect(detail.format).toBe('quantized-mesh');
      if (engine === 'three') expect(detail.columns).toBeGreaterThan(100);
      const { origin } = await loadTown();
      // the top, a slope, and the foot of the hill
      expect(await groundMatches(v, 500, 0)).toBeGreaterThan(origin.height + 39);
      expect(await groundMatches(v, 450, 40)).toBeGreaterThan(origin.height + 10);
      await groundMatches(v, 500, -250);
      expect(errors).toEqual([]);
      allRequestsLocal();
      if (engine === 'cesium') expect(performance.getEntriesByType('resource').some((e) => e.name.endsWith('.terrain?v=1.0.0'))).toBe(true);
    });

    it('names a missing layer.json and missing tiles in twinby-error; the viewer goes on', { timeout: 300_000 }, async () => {
      const missing = await scene(engine, '/tests/browser/fixtures/.tmp-terrain/fehlt/layer.json');
      const error = await waitFor(() => missing.errors.find((e) => e.kind === 'terrain'), 'an error for the missing layer.json', 60_000);
      expect(error.layerId).toBe('qm');
      expect(error.message).toMatch(/fehlt\/layer\.json/);
      missing.viewer.remove();

      // the two finest levels are listed but have no tiles: they are named, coarser tiles are shown in their place
      const url = await commands.writeQuantizedTerrain('broken');
      const { viewer: v, errors, loaded } = await scene(engine, url);
      await loaded;
      const tile = await waitFor(() => errors.find((e) => e.kind === 'terrain'), 'an error for the missing tiles', 90_000);
      expect(tile.message).toMatch(/broken\/(layer\.json: tile )?1[56]\/\d+\/\d+/);
      const { origin } = await loadTown();
      const p = await offset(500, 0);
      const at = v.activeEngine!.projectToScreen(p.lon, p.lat, origin.height + 40)!;
      // the hill is still there, from the coarser level
      await waitFor(async () => ((await v.activeEngine!.pickPosition(at.x, at.y))?.height ?? 0) > origin.height + 15, 'the hill from coarser tiles', 60_000);
      const frame = v.activeEngine!.getStats().frame;
      v.activeEngine!.requestRender();
      await waitFor(() => v.activeEngine!.getStats().frame > frame, 'another frame');
    });
  });
}
