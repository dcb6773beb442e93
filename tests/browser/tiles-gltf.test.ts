/**
 * glTF contents with the extensions towns' tools write (fixtures: tests/browser/fixtures/kinds/gltf-ext-set.ts):
 * Draco and meshopt compression (decoders loaded on first use from the build's own files), feature ids in
 * a texture (picked by texel) and KHR_materials_unlit. Each draws and is picked with its property-table row.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/index.js';
import { dracoBoxes, meshoptBoxes, textureBox, unlitBox, unlitColour } from './fixtures/kinds/gltf-ext-values.js';
import { mountFixture, pickAt, red, removeViewers, screen, waitForColour } from './kinds-helpers.js';
import { canvasOf, colourDistance, frames, pixelAt, waitFor } from './helpers.js';

afterEach(removeViewers);

it('draws, picks and styles Draco- and meshopt-compressed glTF, fetching the decoders from its own origin', async () => {
  const { viewer, errors } = await mountFixture('gltf');
  for (const b of [...dracoBoxes, ...meshoptBoxes]) {
    const attrs = await pickAt(viewer, b.east, b.north, b.height - 0.5, b.id);
    expect(attrs.name).toBe(b.name);
    expect(attrs.height).toBeCloseTo(b.height, 4);
  }
  const decoders = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /draco|meshopt/i.test(n));
  expect(decoders.some((n) => /draco_decoder.*\.wasm/.test(n)), decoders.join(" ")).toBe(true);
  expect(decoders.every((n) => n.startsWith(location.origin) || n.startsWith('blob:') || n.startsWith('data:'))).toBe(true);
  viewer.activeEngine!.setStyle({ kind: 'categories', property: 'name', colors: { 'Draco Ost': '#ff0000', 'Meshopt West': '#ff0000' } });
  await waitForColour(viewer, dracoBoxes[1].east, 0, dracoBoxes[1].height, red);
  await waitForColour(viewer, meshoptBoxes[0].east, 0, meshoptBoxes[0].height, red);
  expect(errors).toEqual([]);
});

it('picks, styles and hides the two features of one mesh by their feature-ID texture texels', async () => {
  const { viewer } = await mountFixture('gltf');
  const roof = textureBox.height - 0.5;
  const [westX, eastX] = [textureBox.east - textureBox.size / 4, textureBox.east + textureBox.size / 4];
  const west = await pickAt(viewer, westX, textureBox.north, roof, 'TEX_WEST');
  expect(west.name).toBe('Haus West');
  const east = await pickAt(viewer, eastX, textureBox.north, roof, 'TEX_EAST');
  expect(east.name).toBe('Haus Ost');
  // one mesh, two colours: only the east half turns red
  viewer.activeEngine!.setStyle({ kind: 'categories', property: 'name', colors: { 'Haus Ost': '#ff0000' } });
  await waitForColour(viewer, eastX, textureBox.north, textureBox.height, red);
  await waitForColour(viewer, westX, textureBox.north, textureBox.height, red, true);
  viewer.activeEngine!.setHidden(['TEX_EAST']);
  await waitForColour(viewer, eastX, textureBox.north, textureBox.height, red, true);
  const at = screen(viewer, eastX, textureBox.north, roof);
  expect((await viewer.activeEngine!.pick(at.x, at.y))?.id).not.toBe('TEX_EAST');
  await pickAt(viewer, westX, textureBox.north, roof, 'TEX_WEST');
});

it('draws a KHR_materials_unlit box in its flat colour on every face, and picks it', async () => {
  const { viewer } = await mountFixture('gltf');
  await pickAt(viewer, unlitBox.east, unlitBox.north, unlitBox.height - 0.5, 'UNLIT_1');
  const canvas = canvasOf(viewer);
  // the same sRGB colour on the sunlit roof and the south wall: no shading
  const srgb = unlitColour.slice(0, 3).map((c) => Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)));
  const roof = screen(viewer, unlitBox.east, unlitBox.north, unlitBox.height);
  const wall = screen(viewer, unlitBox.east, unlitBox.north - unlitBox.size / 2, unlitBox.height / 2);
  await waitFor(async () => {
    viewer.activeEngine!.requestRender();
    await frames(2);
    const [a, b] = [pixelAt(canvas, roof.x, roof.y), pixelAt(canvas, wall.x, wall.y)];
    return colourDistance(a, [...srgb, 255] as never) < 12 && colourDistance(b, [...srgb, 255] as never) < 12;
  }, 'the unlit colour on roof and wall');
});
