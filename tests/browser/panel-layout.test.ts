/**
 * Panels of the demo page do not cover one another: the CityGML load message leaves the spatial panel's
 * buttons free (it used to sit over "Gebiet zeichnen"), and sits above the council panel that shares the
 * bottom centre (it covered its header), which comes after it in the page as in the demo.
 */
import { expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyCityGML, TwinbyViewer } from '../../src/index.js';
import { generateTown } from '../../tools/make-demo/generate-town';
import type { TwinbySpatial } from '../../src/element/spatial/index.js';
import { CityGMLClient } from '../../src/worker-clients/citygml-client';
import { waitFor } from './helpers.js';
import { defineSpatialElement } from '../../src/element/spatial/index.js';

defineSpatialElement();

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

it('the CityGML load message covers none of the spatial panel’s buttons, nor the council panel', async () => {
  let text = '';
  for await (const chunk of generateTown({ buildings: 5, seed: 3 })) text += chunk;
  const viewer = document.createElement('twinby-viewer') as TwinbyViewer;
  viewer.style.cssText = 'width: 800px; height: 500px;';
  viewer.setAttribute('src', '/tests/browser/fixtures/town/tileset.json');
  const spatial = document.createElement('twinby-spatial');
  // the spatial panel needs footprints: those of the same small town, converted here
  const client = new CityGMLClient();
  const converted = await client.convert(new Blob([text]), { file: 'stadt.gml' }).finally(() => client.dispose());
  const footprints = URL.createObjectURL(new Blob([converted.files.get('footprints.bin')! as BlobPart]));
  spatial.setAttribute('footprints', footprints);
  const layer = document.createElement('twinby-citygml') as TwinbyCityGML;
  const council = document.createElement('twinby-council');
  viewer.append(spatial, layer, council);
  const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.append(viewer);
  try {
    await ready;
    await (spatial as TwinbySpatial).ready;
    await layer.load(new File([text], 'stadt.gml', { type: 'application/gml+xml' }));
    const message = await waitFor(() => layer.shadowRoot?.querySelector('.panel') ?? null, 'the load message');
    const buttons = await waitFor(() => {
      const list = [...(spatial.shadowRoot?.querySelectorAll('button') ?? [])];
      return list.length ? list : null;
    }, 'the spatial panel');
    const box = message.getBoundingClientRect();
    expect(box.height).toBeGreaterThan(0);
    for (const b of buttons) expect(overlaps(box, b.getBoundingClientRect()), b.textContent ?? '').toBe(false);
    const councilPanel = await waitFor(() => council.shadowRoot?.querySelector('.panel') ?? null, 'the council panel');
    await waitFor(() => !overlaps(message.getBoundingClientRect(), councilPanel.getBoundingClientRect()), 'the message above the council panel');
    expect(message.getBoundingClientRect().bottom).toBeLessThanOrEqual(councilPanel.getBoundingClientRect().top);
  } finally {
    viewer.remove();
    URL.revokeObjectURL(footprints);
  }
});
