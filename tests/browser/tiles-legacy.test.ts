/**
 * 3D Tiles 1.0 beyond b3dm (fixtures: tests/browser/fixtures/kinds/legacy-set.ts): a cmpt holding a b3dm
 * and an i3dm, a pnts with BATCH_ID and a batch table, a pnts with per-point properties. Each draws,
 * is picked with its batch-table properties, is coloured by a property and hidden by id; broken
 * contents give twinby-error naming their URL while the good tile beside them is drawn and picked.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/index.js';
import { clusters, cmptBuildings, linePoints, trees } from './fixtures/kinds/legacy-set.js';
import { mountFixture, pickAt, red, removeViewers, screen, waitForColour } from './kinds-helpers.js';
import { waitFor } from './helpers.js';

afterEach(removeViewers);

it('picks, styles and hides the b3dm buildings and the i3dm instances of a cmpt', async () => {
  const { viewer } = await mountFixture('legacy');
  const school = cmptBuildings[1];
  const attrs = await pickAt(viewer, school.east, school.north, school.height - 0.5, 'DEBY_CMPT_2');
  expect(attrs.name).toBe('Schule');
  expect(attrs.storeys).toBe(6);
  // the tallest tree: 12 m (SCALE 2), picked as its own instance
  const beech = trees[2];
  const tree = await pickAt(viewer, beech.east, beech.north, 11.5, 'TREE_3');
  expect(tree.species).toBe('Buche');
  expect(tree.height).toBe(12);
  const oak = trees[1];
  await pickAt(viewer, oak.east, oak.north, 8.5, 'TREE_2');

  const engine = viewer.activeEngine!;
  engine.setStyle({ kind: 'categories', property: 'species', colors: { Eiche: '#ff0000' } });
  await waitForColour(viewer, oak.east, oak.north, 9, red);
  engine.setHidden(['TREE_2']);
  await waitForColour(viewer, oak.east, oak.north, 9, red, true);
  // the other instances stay
  await pickAt(viewer, beech.east, beech.north, 11.5, 'TREE_3');
});

it('picks, styles and hides point clusters by BATCH_ID, and single points by their own properties', async () => {
  const { viewer } = await mountFixture('legacy');
  const hydrant = clusters[1];
  const attrs = await pickAt(viewer, hydrant.east, hydrant.north, 2, 'CLUSTER_2');
  expect(attrs.kind).toBe('Hydrant');
  expect(attrs.weight).toBeCloseTo(2.5, 5);

  const p = linePoints[5];
  // no id column: the id is the tile's content and the point's row
  const point = await pickAt(viewer, p.east, p.north, p.up, /points\.pnts#5$/);
  expect(point.intensity).toBe(50);
  expect(point.label).toBe('P5');

  const engine = viewer.activeEngine!;
  engine.setStyle({ kind: 'categories', property: 'kind', colors: { Hydrant: '#ff0000' } });
  await waitForColour(viewer, hydrant.east, hydrant.north, 3.2, red);
  engine.setHidden(['CLUSTER_2']);
  await waitForColour(viewer, hydrant.east, hydrant.north, 3.2, red, true);
  const at = screen(viewer, hydrant.east, hydrant.north, 2);
  expect((await engine.pick(at.x, at.y))?.id).not.toBe('CLUSTER_2');
});

it('reports truncated i3dm and pnts and an unknown magic as twinby-error with their URLs, and keeps the good tile', async () => {
  const { viewer, errors } = await mountFixture('broken');
  const attrs = await pickAt(viewer, 0, 0, 11.5, 'DEBY_GOOD');
  expect(attrs.name).toBe('Gut');
  for (const [file, words] of [
    ['truncated.i3dm', /truncated i3dm/],
    ['truncated.pnts', /truncated pnts/],
    ['unknown.b3dm', /unknown tile content.*"xxxx"/],
  ] as const) {
    const error = await waitFor(() => errors.find((e) => e.url?.endsWith(file)), `an error for ${file}`);
    expect(error.message).toMatch(words);
  }
  // still rendering and answering
  await pickAt(viewer, 0, 0, 11.5, 'DEBY_GOOD');
});
