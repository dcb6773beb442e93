/**
 * Extruded plan volumes "on the ground" follow the terrain on the Cesium engine: a 40 × 40 m volume 10 m high on the
 * top of a 40 m hill stands at the lowest terrain under its outline (one flat base per feature, as on three), for a
 * terrain grid and for a streamed quantized-mesh terrain (heights sampled asynchronously, the volume rebuilt).
 * Without that its top lay 10 m over the flat floor, buried in the hill.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { CesiumEngine } from '../../../src/engines/cesium/index.js';
import type { HeightGrid, OverlayData } from '../../../src/core/index.js';
import { fromWgs84, toWgs84 } from '../../../src/core/geo/index.js';
import { hillHeight } from '../fixtures/terrain/hill.js';
import { engineLoaders } from '../../../src/element/engine-loaders.js';
import { loadTown, offset, townUrl, waitFor } from '../helpers.js';
import { heightSeen, lookDown } from '../look-down.js';

beforeAll(() => engineLoaders.cesium(), 180_000);

/** The fixture hill as a 5 m grid in EPSG:25832 (the heights hill.ts gives the quantized-mesh fixture). */
async function hillGrid(): Promise<HeightGrid> {
  const { origin } = await loadTown();
  const top = await offset(500, 0);
  const [cx, cy] = fromWgs84(25832)(top.lon, top.lat);
  const ll = toWgs84(25832);
  const n = 121;
  const heights = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const [lon, lat] = ll(cx - 300 + i * 5, cy + 300 - j * 5);
      heights[j * n + i] = hillHeight(origin, lon, lat);
    }
  }
  return { source: 'hill', epsg: 25832, columns: n, rows: n, originX: cx - 300, originY: cy + 300, stepX: 5, stepY: 5, heights, min: origin.height, max: origin.height + 40, heightNote: 'synthetic' };
}

describe('extruded overlays on terrain (Cesium engine)', () => {
  let engine: CesiumEngine;
  let container: HTMLDivElement;

  afterEach(() => {
    engine?.dispose();
    container?.remove();
  });

  it('stand at the lowest terrain under their outline, for a grid and a streamed terrain', { timeout: 300_000 }, async () => {
    const { origin } = await loadTown();
    const top = await offset(500, 0);
    container = document.createElement('div');
    container.style.cssText = 'width:480px;height:360px;';
    document.body.appendChild(container);
    engine = new CesiumEngine();
    await engine.mount(container, { reducedMotion: true, view: await lookDown(500, 0, 700) });
    await engine.addTileset('town', townUrl);

    const corners = await Promise.all([[-20, -20], [20, -20], [20, 20], [-20, 20], [-20, -20]].map(([e, n]) => offset(500 + e, n)));
    const ring = Float64Array.from(corners.flatMap((c) => [c.lon, c.lat]));
    const overlay: OverlayData = { id: 'plan', features: [{ kind: 'extruded-polygon', id: 'bf', rings: [ring], baseHeight: null, topHeight: 10, style: { fill: '#3366cc', fillOpacity: 1 }, properties: {} }] };
    engine.addOverlay(overlay);
    // the lowest terrain under the outline is at its corners
    const lowest = Math.min(...corners.map((c) => hillHeight(origin, c.lon, c.lat)));
    expect(lowest).toBeGreaterThan(origin.height + 30);

    const roofSeen = async (what: string) => {
      const seen: Array<number | null> = [];
      await waitFor(async () => {
        const h = await heightSeen(engine, top.lon, top.lat, lowest + 10);
        seen.push(h);
        return h !== null && Math.abs(h - (lowest + 10)) < 0.5;
      }, `${what}: the volume's top at ${(lowest + 10).toFixed(1)} m`, 90_000).catch((error: Error) => {
        throw new Error(`${error.message} (last heights: ${seen.slice(-5).join(', ')})`);
      });
    };

    await engine.addTerrain({ id: 'grid', grid: await hillGrid(), toLonLat: toWgs84(25832) });
    await roofSeen('grid terrain');

    engine.removeTerrain('grid');
    await engine.addStreamedTerrain(await streamedHill());
    await roofSeen('quantized-mesh terrain');
  });
});

async function streamedHill() {
  const url = new URL(await commands.writeQuantizedTerrain('hill'), location.href).href;
  return { id: 'qm', url, format: 'quantized-mesh' as const };
}
