/** The base map tests' set-up (both engines): a viewer over the town with a <twinby-basemap>, its tile requests, its pixels. */
import { expect } from 'vitest';
import type { TwinbyBasemap } from '../../src/element/basemap/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import type { EngineName } from '../../src/engines/engine.js';
import { formatView } from '../../src/core/index.js';
import { rasterColour } from './basemap-raster.js';
import { canvasOf, colourDistance, frames, loadTown, offset, pixelAt, townUrl, waitFor } from './helpers.js';

/** A viewer looking straight down on the town from 3 km, with the given base map child; pushed to `viewers` for removal. */
export async function basemapViewer(basemap: TwinbyBasemap, viewers: TwinbyViewer[], engine: EngineName = 'three'): Promise<TwinbyViewer> {
  const centre = await offset(0, 0);
  const el = document.createElement('twinby-viewer');
  el.setAttribute('engine', engine);
  el.setAttribute('view', formatView({ lon: centre.lon, lat: centre.lat, height: 3000, heading: 0, pitch: -89.9 }));
  el.setAttribute('src', townUrl);
  el.preserveDrawingBuffer = true;
  el.style.cssText = 'width:480px;height:360px;';
  el.appendChild(basemap);
  viewers.push(el);
  const ready = new Promise((resolve) => el.addEventListener('twinby-ready', resolve, { once: true }));
  document.body.appendChild(el);
  await ready;
  expect(el.activeEngine!.name).toBe(engine);
  return el;
}

/** Tile requests (capabilities aside) whose URL starts with prefix. */
export function tileRequests(prefix: string): number {
  return performance.getEntriesByType('resource').filter((e) => e.name.startsWith(prefix) && !e.name.includes('Capabilities')).length;
}

/** Waits until the ground `east` metres east of the town origin shows the raster's colour there. */
export async function groundShowsRaster(viewer: TwinbyViewer, east: number, what = 'the base map'): Promise<void> {
  const { origin } = await loadTown();
  const canvas = canvasOf(viewer);
  const p = await offset(east, 0);
  const colour = await rasterColour(east);
  await waitFor(async () => {
    viewer.activeEngine!.requestRender();
    await frames(2);
    const at = viewer.activeEngine!.projectToScreen(p.lon, p.lat, origin.height)!;
    return colourDistance(pixelAt(canvas, at.x, at.y), colour) < 40;
  }, `${what}: the ground ${east} m east of the town shows ${colour.join(',')}`, 60_000);
}
