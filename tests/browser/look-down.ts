/** The engine tests' camera aim (both engines): a view straight down over the town, and the height picked under a point. */
import type { ViewState } from '../../src/core/index.js';
import type { Engine } from '../../src/engines/engine.js';
import { frames, loadTown, offset } from './helpers.js';

/** Looking down (north up) from `above` metres over the town origin's height, at a point east/north of the origin. */
export async function lookDown(east: number, north: number, above: number, pitch = -89.9): Promise<ViewState> {
  const { origin } = await loadTown();
  const p = await offset(east, north);
  return { lon: p.lon, lat: p.lat, height: origin.height + above, heading: 0, pitch };
}

/** The height pickPosition finds where a point at lon/lat/height lies on screen, after a render; null off screen. */
export async function heightSeen(engine: Pick<Engine, 'projectToScreen' | 'requestRender' | 'pickPosition'>, lon: number, lat: number, height: number): Promise<number | null> {
  const s = engine.projectToScreen(lon, lat, height);
  if (!s) return null;
  engine.requestRender();
  await frames(2);
  return (await engine.pickPosition(s.x, s.y))?.height ?? null;
}
