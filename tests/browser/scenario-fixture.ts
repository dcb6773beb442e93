/**
 * The scenario browser tests' town: planned blocks placed by metres from the test town's origin, its
 * footprints as a blob: URL, a two-variant scenario, and a viewer with a <twinby-scenario> that has loaded it.
 */
import '../../src/index.js';
import { formatView } from '../../src/core/index.js';
import { fromWgs84, loadGeoid } from '../../src/core/geo/index.js';
import type { Scenario } from '../../src/core/scenario/index.js';
import type { TwinbyScenario, TwinbyViewer } from '../../src/index.js';
import { buildFootprintSet } from '../../workers/lib/footprints/footprint-builder.js';
import { encodeFootprints } from '../../workers/lib/footprints/footprint-codec.js';
import { building, canvasOf, closeView, frames, loadTown, offset, pixelAt, townUrl, waitFor, type Rgba } from './helpers.js';
import { defineScenarioElement } from '../../src/element/scenario/index.js';

defineScenarioElement();

/** Viewers a test made; the test file removes them after each test. */
export const viewers: TwinbyViewer[] = [];

export const toUtm = fromWgs84(25832);

/** A square block of `size` m at metres east/north of the town origin, `storeys` × 4 m, standing on the town's ground (440 m ellipsoidal). */
export async function blockAt(id: string, east: number, north: number, size: number, storeys: number) {
  const { origin } = await loadTown();
  const n = (await loadGeoid()).undulation(origin.lon, origin.lat);
  const corners = await Promise.all([[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([a, b]) => offset(east + (a * size) / 2, north + (b * size) / 2)));
  return {
    kind: 'block' as const,
    id,
    name: `Planung ${id}`,
    footprint: corners.map((c) => toUtm(c.lon, c.lat) as [number, number]),
    base: 440 - n,
    storeys,
    storeyHeight: 4,
  };
}

/** Footprints of the test town (for the "ids that do not exist" check), as a blob: URL. */
export async function townFootprints(): Promise<string> {
  const { buildings } = await loadTown();
  const set = buildFootprintSet(
    await Promise.all(buildings.map(async (b) => {
      const ring = await Promise.all([[-6, -6], [6, -6], [6, 6], [-6, 6], [-6, -6]].map(([a, c]) => offset(b.east + a, b.north + c)));
      return { id: b.id, polygons: [[ring.map((p) => toUtm(p.lon, p.lat) as [number, number])]], height: b.height, groundHeight: b.ground - 47, storeys: 3 };
    })),
    25832,
  );
  return URL.createObjectURL(new Blob([encodeFootprints(set)]));
}

export async function testScenario(): Promise<Scenario> {
  return {
    version: 1,
    name: 'Testszenario',
    base: { footprints: await townFootprints() },
    variants: [
      // A: a 28 m block between the columns, replacing building 3 (west, south row)
      { id: 'a', title: 'Variante A', replaces: ['DEBY_LOD2_TEST_0003'], buildings: [await blockAt('A-1', 0, -15, 10, 7)] },
      // B: replaces building 5 (east, south row)
      { id: 'b', title: 'Variante B', replaces: ['DEBY_LOD2_TEST_0005'], buildings: [] },
    ],
  };
}

export function once<K extends keyof HTMLElementEventMap>(el: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(type, resolve as EventListener, { once: true }));
}

export async function viewerWithScenario(scenario: Scenario | null, attrs: Record<string, string> = {}, engine: 'three' | 'cesium' = 'three'): Promise<{ viewer: TwinbyViewer; layer: TwinbyScenario }> {
  await customElements.whenDefined('twinby-scenario');
  const viewer = document.createElement('twinby-viewer');
  viewer.setAttribute('src', townUrl);
  viewer.setAttribute('engine', engine);
  viewer.setAttribute('view', formatView(closeView));
  viewer.preserveDrawingBuffer = true;
  viewer.style.cssText = 'width:480px;height:360px;';
  const layer = document.createElement('twinby-scenario');
  for (const [k, v] of Object.entries(attrs)) layer.setAttribute(k, v);
  viewer.appendChild(layer);
  viewers.push(viewer);
  const ready = once(viewer, 'twinby-ready');
  const loaded = once(viewer, 'twinby-scenario-load');
  document.body.appendChild(viewer);
  await ready;
  if (scenario) void layer.load(scenario);
  await loaded;
  // 480 px is a compact viewer, where the panel starts folded to its title
  layer.shadowRoot!.querySelector<HTMLButtonElement>('.toggle[aria-expanded="false"]')?.click();
  await settle(viewer);
  return { viewer, layer };
}

/** Waits until the engine has drawn after all loads. */
export async function settle(viewer: TwinbyViewer): Promise<void> {
  const engine = viewer.activeEngine!;
  await waitFor(() => !(viewer as unknown as { _loading: boolean })._loading, 'tiles loaded');
  engine.requestRender();
  await frames(3);
}

export async function roofPoint(viewer: TwinbyViewer, n: number) {
  const b = await building(n);
  return viewer.activeEngine!.projectToScreen(b.lon, b.lat, b.ground + b.height * 0.6)!;
}

export async function pixelOfBuilding(viewer: TwinbyViewer, n: number): Promise<Rgba> {
  const p = await roofPoint(viewer, n);
  return pixelAt(canvasOf(viewer), p.x, p.y);
}

export const isOrange = ([r, g, b]: Rgba) => r > 150 && r > g + 30 && g > b + 20;
