/**
 * Split views on the Cesium engine: each side with its own tilesets and its own hidden buildings, read from pixels either
 * side of the swipe divider and from the two halves side by side; picking knows the side; the scenario panel offers
 * the comparison.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineLoaders } from '../../../src/element/engine-loaders.js';
import { canvasOf, colourDistance, frames, loadTown, offset, pixelAt, waitFor } from '../helpers.js';
import { isOrange, pixelOfBuilding, roofPoint, settle, testScenario, viewers, viewerWithScenario } from '../scenario-fixture.js';
import type { TwinbyScenario, TwinbyViewer } from '../../../src/index.js';

beforeAll(() => engineLoaders.cesium(), 180_000);
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

/** Drags the swipe divider to a client x. */
async function dragDivider(viewer: TwinbyViewer, layer: TwinbyScenario, clientX: number): Promise<void> {
  const handle = layer.shadowRoot!.querySelector<HTMLElement>('[part="scenario-divider"]')!;
  const rect = canvasOf(viewer).getBoundingClientRect();
  const y = rect.top + rect.height / 2;
  const at = (type: string, x: number) => handle.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y, pointerId: 9, isPrimary: true }));
  at('pointerdown', rect.left + rect.width * layer.splitPosition);
  at('pointermove', clientX);
  at('pointerup', clientX);
  await settle(viewer);
}

describe('split views on the Cesium engine', () => {
  it('swipe: a building the right side hides shows left of the divider only; the right variant\'s block shows on its side only', { timeout: 240_000 }, async () => {
    const { viewer, layer } = await viewerWithScenario(await testScenario(), {}, 'cesium');
    const engine = viewer.activeEngine!;
    expect(engine.name).toBe('cesium');
    // the comparison controls are offered on Cesium
    const compare = layer.shadowRoot!.querySelector<HTMLSelectElement>('select.compare')!;
    expect(compare.closest('.row')!.hasAttribute('hidden')).toBe(false);
    const bestand3 = await pixelOfBuilding(viewer, 3);
    const { origin } = await loadTown();
    const top = await offset(0, -15);
    const block = () => engine.projectToScreen(top.lon, top.lat, origin.height + 20)!;
    expect(isOrange(pixelAt(canvasOf(viewer), block().x, block().y))).toBe(false);

    // Bestand left, variant A (building 3 replaced by the block) right
    layer.setAttribute('compare-with', 'a');
    layer.setAttribute('compare', 'swipe');
    await settle(viewer);
    const p3 = await roofPoint(viewer, 3);
    await dragDivider(viewer, layer, p3.x + 40); // building 3 left of the divider: Bestand draws it
    expect(colourDistance(await pixelOfBuilding(viewer, 3), bestand3)).toBeLessThan(3);
    expect((await engine.pick(p3.x, p3.y))?.id).toBe('DEBY_LOD2_TEST_0003');
    await dragDivider(viewer, layer, p3.x - 40); // right of it: A has removed it
    const a3 = await pixelOfBuilding(viewer, 3);
    expect(colourDistance(a3, bestand3)).toBeGreaterThan(20);
    expect((await engine.pick(p3.x, p3.y))?.id).not.toBe('DEBY_LOD2_TEST_0003');

    const b = block();
    await dragDivider(viewer, layer, b.x - 40); // the block right of the divider: A draws it
    expect(isOrange(pixelAt(canvasOf(viewer), b.x, b.y))).toBe(true);
    expect((await engine.pick(b.x, b.y))?.id).toBe('A-1');
    await dragDivider(viewer, layer, b.x + 40); // left of it: Bestand has none
    expect(isOrange(pixelAt(canvasOf(viewer), b.x, b.y))).toBe(false);
    expect((await engine.pick(b.x, b.y))?.id).not.toBe('A-1');

    // one state again: Bestand everywhere
    layer.setAttribute('compare', 'single');
    await settle(viewer);
    expect(colourDistance(await pixelOfBuilding(viewer, 3), bestand3)).toBeLessThan(3);
  });

  it('side by side: both halves show the same view, each its own variant and hidden buildings', { timeout: 240_000 }, async () => {
    const { viewer } = await viewerWithScenario(await testScenario(), { variant: 'a', 'compare-with': 'bestand', compare: 'side-by-side' }, 'cesium');
    const engine = viewer.activeEngine!;
    const rect = canvasOf(viewer).getBoundingClientRect();
    // a point projected for the half camera, drawn at half the x in the left half and again in the right
    const half = (p: { x: number; y: number }) => ({ x: rect.left + (p.x - rect.left) / 2, y: p.y });
    // building 5 is in both: once the right side's second instance of the town has loaded, the same pixels in both halves
    await waitFor(async () => {
      engine.requestRender();
      await frames(2);
      const p5 = half(await roofPoint(viewer, 5));
      return colourDistance(pixelAt(canvasOf(viewer), p5.x, p5.y), pixelAt(canvasOf(viewer), p5.x + rect.width / 2, p5.y)) < 8;
    }, 'building 5 alike in both halves', 60_000);
    await settle(viewer);
    const [left, right] = engine.getViews();
    expect(engine.getViews()).toHaveLength(2);
    for (const k of ['lon', 'lat', 'height', 'heading', 'pitch'] as const) expect(right[k]).toBeCloseTo(left[k], 9);
    const { origin } = await loadTown();
    const top = await offset(0, -15);
    const b = half(engine.projectToScreen(top.lon, top.lat, origin.height + 20)!);
    expect(isOrange(pixelAt(canvasOf(viewer), b.x, b.y))).toBe(true);
    expect(isOrange(pixelAt(canvasOf(viewer), b.x + rect.width / 2, b.y))).toBe(false);
    expect((await engine.pick(b.x, b.y))?.id).toBe('A-1');
    expect((await engine.pick(b.x + rect.width / 2, b.y))?.id).not.toBe('A-1');
    // building 3: removed by A in the left half, standing in Bestand's right half
    const p3 = half(await roofPoint(viewer, 3));
    const left3 = pixelAt(canvasOf(viewer), p3.x, p3.y);
    const right3 = pixelAt(canvasOf(viewer), p3.x + rect.width / 2, p3.y);
    expect(colourDistance(left3, right3)).toBeGreaterThan(20);
    expect((await engine.pick(p3.x + rect.width / 2, p3.y))?.id).toBe('DEBY_LOD2_TEST_0003');
    expect((await engine.pick(p3.x, p3.y))?.id).not.toBe('DEBY_LOD2_TEST_0003');
  });
});
