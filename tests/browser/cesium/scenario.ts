/**
 * <twinby-scenario> on the Cesium engine: variant A shows its planned block (its own tileset, its own style) and
 * removes the building it replaces; with the sun on, the planned block casts a shadow and the replaced building none,
 * read from the ground's brightness north of each (sun in the south at noon), seen from straight above.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineLoaders } from '../../../src/element/engine-loaders.js';
import { fromLocal } from '../../../src/core/index.js';
import { canvasOf, frames, loadTown, offset, pixelAt, waitFor } from '../helpers.js';
import { isOrange, settle, testScenario, viewers, viewerWithScenario } from '../scenario-fixture.js';
import type { TwinbyViewer } from '../../../src/index.js';

beforeAll(() => engineLoaders.cesium(), 180_000);
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

/** The ground's brightness (r + g + b) at metres east/north of the town origin. */
async function ground(viewer: TwinbyViewer, east: number, north: number): Promise<number> {
  const { origin } = await loadTown();
  const p = await offset(east, north);
  const at = viewer.activeEngine!.projectToScreen(p.lon, p.lat, origin.height)!;
  const [r, g, b] = pixelAt(canvasOf(viewer), at.x, at.y);
  return r + g + b;
}

describe('<twinby-scenario> on the Cesium engine', () => {
  it('a variant shows its planned block and hides the replaced building; the block casts a shadow, the hidden building none', { timeout: 240_000 }, async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), {}, 'cesium');
    const engine = viewer.activeEngine!;
    expect(engine.name).toBe('cesium');
    const { origin } = await loadTown();
    const above = await offset(-10, -5);
    await viewer.flyTo({ lon: above.lon, lat: above.lat, height: origin.height + 250, heading: 0, pitch: -89.9 }, { duration: 0 });
    engine.setSun!({ date: fromLocal({ year: 2025, month: 3, day: 21, hour: 12, minute: 15 }), enabled: true });
    await settle(viewer);
    // 5 m north of building 3 (12 m high: its noon shadow reaches ~14 m) and of the planned block's place
    const probe = async () => ({ behind3: await ground(viewer, -20, -5), behindBlock: await ground(viewer, 0, -5), open: await ground(viewer, 0, -30) });
    const probeSettled = async () => {
      engine.requestRender();
      await frames(3);
      return probe();
    };
    const bestand = await probeSettled();
    layer.variant = 'a';
    await waitFor(() => engine.getFeatureAttributes('A-1'), 'the planned block loaded', 60_000);
    const blockTop = await offset(0, -15);
    await waitFor(async () => {
      engine.requestRender();
      await frames(2);
      const top = engine.projectToScreen(blockTop.lon, blockTop.lat, origin.height + 28)!;
      return isOrange(pixelAt(canvasOf(viewer), top.x, top.y));
    }, 'the orange planned block', 60_000);
    await settle(viewer);
    const variant = await probeSettled();
    const seen = JSON.stringify({ bestand, variant });
    // the block's shadow falls north of it; the replaced building's is gone
    expect(bestand.behindBlock - variant.behindBlock, seen).toBeGreaterThan(60);
    expect(variant.behind3 - bestand.behind3, seen).toBeGreaterThan(60);
    const roof3 = await offset(-20, -15);
    const s3 = engine.projectToScreen(roof3.lon, roof3.lat, origin.height + 11)!;
    expect(await engine.pick(s3.x, s3.y)).toBeNull();
  });
});
