/** The sun tests' probe (both engines): one copy of the canvas, then the ground's brightness at points around the town. */
import type { Engine } from '../../src/engines/engine.js';
import { frames, loadTown, offset } from './helpers.js';

/**
 * After a few frames, copies the canvas once and returns the brightness (r + g + b) of the pixel where the ground lies
 * `east`/`north` metres from the town origin, at the origin's height (the canvas needs preserveDrawingBuffer).
 */
export async function groundBrightness(engine: Pick<Engine, 'projectToScreen'>, canvas: HTMLCanvasElement): Promise<(east: number, north: number) => Promise<number>> {
  await frames(3);
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(canvas, 0, 0);
  const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
  const rect = canvas.getBoundingClientRect();
  const { origin } = await loadTown();
  return async (east, north) => {
    const p = await offset(east, north);
    const s = engine.projectToScreen(p.lon, p.lat, origin.height)!;
    const x = Math.floor(((s.x - rect.left) / rect.width) * copy.width);
    const y = Math.floor(((s.y - rect.top) / rect.height) * copy.height);
    const o = (y * copy.width + x) * 4;
    return data[o] + data[o + 1] + data[o + 2];
  };
}
