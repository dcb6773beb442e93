/**
 * 3D Tiles 1.0 as other tools write them: a b3dm whose glTF has _BATCHID and whose batch table keeps the ids
 * in "gml_id" (tests/browser/fixtures/make-tiles10.ts). Its buildings draw, are picked with their batch-table
 * properties, and are coloured by them.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { formatView } from '../../src/core/index.js';
import { canvasOf, colourDistance, frames, pixelAt, waitFor, type Rgba } from './helpers.js';

const url = '/tests/browser/fixtures/tiles10/tileset.json';
const origin = { lon: 12.152, lat: 48.537, height: 440 };
const rad = Math.PI / 180;
const east = (m: number) => origin.lon + m / (6390000 * Math.cos(origin.lat * rad) * rad);
const south = (m: number) => origin.lat - m / (6370000 * rad);

const viewers: TwinbyViewer[] = [];
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

async function mounted(): Promise<TwinbyViewer> {
  const el = document.createElement('twinby-viewer');
  // from the south, 150 m away and 90 m up, looking north at the three boxes
  el.setAttribute('view', formatView({ lon: origin.lon, lat: south(150), height: origin.height + 90, heading: 0, pitch: -30 }));
  el.setAttribute('src', url);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  viewers.push(el);
  const ready = new Promise((resolve) => el.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.appendChild(el);
  await ready;
  await frames(3);
  return el;
}

it('picks a b3dm building with its batch-table properties, its id from gml_id', async () => {
  const viewer = await mounted();
  const engine = viewer.activeEngine!;
  // the roof centre of the middle box (20 m high) and of the east one (30 m)
  for (const [m, id, name, height] of [
    [0, 'DEBY_B3DM_2', 'Speicher', 20],
    [30, 'DEBY_B3DM_3', 'Turm', 30],
  ] as const) {
    const at = engine.projectToScreen(east(m), origin.lat, origin.height + height - 0.5)!;
    const pick = await waitFor(() => engine.pick(at.x, at.y), `a pick at ${name}`);
    expect(pick.kind).toBe('building');
    expect(pick.id).toBe(id);
    if (pick.kind === 'building') {
      expect(pick.attributes.name).toBe(name);
      expect(pick.attributes.measuredHeight).toBe(height);
    }
  }
});

it('colours b3dm buildings by a batch-table property and hides one by its id', async () => {
  const viewer = await mounted();
  const canvas = canvasOf(viewer);
  const engine = viewer.activeEngine!;
  const roof = engine.projectToScreen(east(-30), origin.lat, origin.height + 9.5)!;
  const red: Rgba = [255, 0, 0, 255];
  engine.setStyle({ kind: 'categories', property: 'name', colors: { 'Alte Mühle': '#ff0000' } });
  await waitFor(async () => {
    engine.requestRender();
    await frames(2);
    const p = pixelAt(canvas, roof.x, roof.y);
    return p[0] > 150 && p[1] < 90 && p[2] < 90;
  }, 'the west box red');
  engine.setHidden(['DEBY_B3DM_1']);
  await waitFor(async () => {
    engine.requestRender();
    await frames(2);
    return colourDistance(pixelAt(canvas, roof.x, roof.y), red) > 150;
  }, 'the west box hidden');
  expect(await engine.pick(roof.x, roof.y)).toBeNull();
});
