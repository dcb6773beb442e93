/**
 * Picks on the Cesium engine carry what the three engine's carry: the feature's EXT_structural_metadata attributes and
 * the 3D Tiles 1.1 metadata sections of its tileset, group, tile and content (fixture: tests/browser/fixtures/kinds/
 * metadata-set.ts, a tile with several contents). The same building is picked on both engines and compared.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import '../../../src/index.js';
import { engineLoaders } from '../../../src/element/engine-loaders.js';
import type { BuildingPick } from '../../../src/engines/engine.js';
import { multiBuildings, multiTrees } from '../fixtures/kinds/metadata-set.js';
import { mountFixture, removeViewers, screen } from '../kinds-helpers.js';
import { frames, waitFor } from '../helpers.js';

beforeAll(() => engineLoaders.cesium(), 180_000);
afterEach(removeViewers);

/** The pick of a building once its tile has loaded, on one engine. */
async function pickOn(engine: 'three' | 'cesium', east: number, north: number, up: number, id: string): Promise<BuildingPick> {
  const { viewer } = await mountFixture('metadata', 150, 90, -30, engine);
  expect(viewer.activeEngine!.name).toBe(engine);
  const pick = await waitFor(async () => {
    viewer.activeEngine!.requestRender();
    await frames(1);
    const at = screen(viewer, east, north, up);
    const p = await viewer.activeEngine!.pick(at.x, at.y);
    return p?.kind === 'building' && p.id === id ? p : null;
  }, `a pick of ${id} on ${engine}`, 60_000);
  removeViewers();
  return pick;
}

it('the Cesium pick has the same attributes and metadata sections as the three pick', { timeout: 240_000 }, async () => {
  for (const [target, up] of [[multiBuildings[0], multiBuildings[0].height - 0.5], [multiTrees[1], 7.5]] as const) {
    const three = await pickOn('three', target.east, target.north, up, target.id);
    const cesium = await pickOn('cesium', target.east, target.north, up, target.id);
    expect(three.metadata?.length).toBeGreaterThanOrEqual(3);
    expect(cesium.attributes).toEqual(three.attributes);
    expect(cesium.metadata).toEqual(three.metadata);
  }
});
