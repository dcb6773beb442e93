/**
 * 3D Tiles 1.1 implicit tiling (fixtures: tests/browser/fixtures/kinds/implicit-set.ts): a quadtree whose
 * root subtree leaves one child subtree out, and an octree whose content bitstream fills four octants.
 * What is available draws and is picked; what is not available is never requested.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/index.js';
import { octBuildings, quadBuildings, quadCentre, quadMissing } from './fixtures/kinds/implicit-set.js';
import { mountFixture, pickAt, removeViewers, screen } from './kinds-helpers.js';
import { frames } from './helpers.js';

afterEach(removeViewers);

const requested = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));

it('draws and picks the available tiles of a quadtree with subtrees, and never fetches the unavailable one', async () => {
  const { viewer, errors } = await mountFixture('quadtree');
  for (const b of quadBuildings) {
    const attrs = await pickAt(viewer, quadCentre(b.x), quadCentre(b.y), b.height - 0.5, b.id);
    expect(attrs.level).toBe(1);
  }
  expect(requested('/quadtree/subtrees/1/0/1.subtree')).toBe(true);
  // the north-east subtree is unavailable: neither it nor its content is requested, nothing is there
  await frames(5);
  expect(requested('/quadtree/subtrees/1/1/1.subtree')).toBe(false);
  expect(requested('/quadtree/content/1/1/1.b3dm')).toBe(false);
  const ne = screen(viewer, quadCentre(quadMissing.x), quadCentre(quadMissing.y), quadMissing.height - 0.5);
  expect((await viewer.activeEngine!.pick(ne.x, ne.y))?.id).not.toBe(quadMissing.id);
  expect(errors).toEqual([]);
});

it('draws and picks the octants of an octree that its content bitstream marks, low and high', async () => {
  const { viewer, errors } = await mountFixture('octree');
  for (const b of octBuildings) await pickAt(viewer, quadCentre(b.x), quadCentre(b.y), b.height - 0.5, b.id);
  expect(requested('/octree/content/1/0/0/1.b3dm')).toBe(false);
  expect(errors).toEqual([]);
});
