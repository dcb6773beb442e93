/**
 * Terrain on the Cesium engine from the same TerrainModel the three engine gets (a height grid in EPSG:25832, as the
 * terrain worker makes it): a synthetic 40 m hill 500 m east of the town. pickPosition over its top returns the grid's
 * height, the ground off the grid stays flat at the town's floor, and removing the model flattens the hill again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CesiumEngine } from '../../../src/engines/cesium/index.js';
import { sampleHeight, type HeightGrid } from '../../../src/core/index.js';
import { fromWgs84, toWgs84 } from '../../../src/core/geo/index.js';
import { loadTown, offset, townUrl, waitFor } from '../helpers.js';
import { heightSeen, lookDown } from '../look-down.js';

const HILL = 40;
const SIGMA = 60;

/** A 600 × 600 m grid at 5 m around (cx, cy) in EPSG:25832, a Gaussian hill on a floor at `base`. */
function hillGrid(cx: number, cy: number, base: number): HeightGrid {
  const step = 5;
  const n = 121;
  const heights = new Float32Array(n * n);
  const originX = cx - 300;
  const originY = cy + 300;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const dx = originX + i * step - cx;
      const dy = originY - j * step - cy;
      heights[j * n + i] = base + HILL * Math.exp(-(dx * dx + dy * dy) / (2 * SIGMA * SIGMA));
    }
  }
  return { source: 'hill.tif', epsg: 25832, columns: n, rows: n, originX, originY, stepX: step, stepY: step, heights, min: base, max: base + HILL, heightNote: 'synthetic' };
}

describe('terrain (Cesium engine)', () => {
  let engine: CesiumEngine;
  let container: HTMLDivElement;

  afterEach(() => {
    engine?.dispose();
    container?.remove();
  });

  it('pickPosition over a hill returns the grid height; off the grid the ground stays flat; removing it flattens the hill', { timeout: 300_000 }, async () => {
    const { origin } = await loadTown();
    const top = await offset(500, 0);
    const [cx, cy] = fromWgs84(25832)(top.lon, top.lat);
    container = document.createElement('div');
    container.style.cssText = 'width:480px;height:360px;';
    document.body.appendChild(container);
    engine = new CesiumEngine();
    // the town in view first: ready waits for its floor (the flat ground's height)
    await engine.mount(container, { reducedMotion: true, view: await lookDown(0, 0, 700) });
    expect(engine.capabilities.has('terrain')).toBe(true);
    const ready = engine.events.next('ready');
    await engine.addTileset('town', townUrl);
    await ready;
    const grid = hillGrid(cx, cy, origin.height);
    await engine.addTerrain({ id: 'hill', grid, toLonLat: toWgs84(25832) });
    await engine.flyTo(await lookDown(500, 0, 700), { duration: 0 });

    /** The height pickPosition finds at a point (seen from above at its given height). */
    const heightAt = async (east: number, north: number, h: number): Promise<number | null> => {
      const p = await offset(east, north);
      return heightSeen(engine, p.lon, p.lat, h);
    };
    const want = (east: number, north: number) => {
      const [x, y] = fromWgs84(25832)(...Object.values(offsetCache.get(`${east},${north}`)!) as [number, number]);
      return sampleHeight(grid, x, y);
    };
    const offsetCache = new Map<string, { lon: number; lat: number }>();
    for (const [e, n] of [[500, 0], [470, 30], [500, -250]]) offsetCache.set(`${e},${n}`, await offset(e, n));

    for (const [e, n] of [[500, 0], [470, 30]]) {
      const expected = want(e, n);
      expect(expected).toBeGreaterThan(origin.height + 25);
      const seen: Array<number | null> = [];
      await waitFor(async () => {
        const h = await heightAt(e, n, expected);
        seen.push(h);
        return h !== null && Math.abs(h - expected) < 1.5;
      }, `pickPosition ${e} m east, ${n} m north on the hill at ${expected.toFixed(1)} m`, 60_000).catch((error: Error) => {
        throw new Error(`${error.message} (last heights: ${seen.slice(-5).join(', ')})`);
      });
    }
    // off the grid (and at its edge) the ground is the town's floor
    for (const [e, n] of [[500, -250], [200, 0]]) {
      await waitFor(async () => {
        const h = await heightAt(e, n, origin.height);
        return h !== null && Math.abs(h - origin.height) < 1;
      }, `flat ground ${e} m east, ${n} m north`, 60_000);
    }

    engine.removeTerrain('hill');
    await waitFor(async () => {
      const h = await heightAt(500, 0, origin.height);
      return h !== null && Math.abs(h - origin.height) < 1;
    }, 'the hill gone after removeTerrain', 60_000);
  });
});
