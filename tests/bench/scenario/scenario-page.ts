// The page side of bench:scenario: switches variants of the demo scenario and times each switch to the first frame that shows it.
import '../../../src/index.js';
import type { TwinbyScenario, TwinbyViewer } from '../../../src/index.js';

export interface ScenarioBenchPage {
  ready: boolean;
  error: string | null;
  /** Switches to a variant; resolves with ms from the switch to the first frame drawn with its planned buildings (or without the old ones). */
  switchTo(variant: string): Promise<number>;
  /** ms from requestRender to the render event of a frame that changes nothing: what any frame costs here. */
  plainFrame(): Promise<number>;
}

const viewer = document.getElementById('viewer') as TwinbyViewer;
const scenario = document.getElementById('scenario') as TwinbyScenario;
const page: ScenarioBenchPage = { ready: false, error: null, switchTo: async () => NaN, plainFrame: async () => NaN };
(window as unknown as { bench: ScenarioBenchPage }).bench = page;
viewer.addEventListener('twinby-error', (e) => (page.error ??= e.detail.message));
viewer.addEventListener('twinby-scenario-load', () => {
  void viewer.whenEngine().then(async (engine) => {
    await scenario.ready;
    // fly to the planned building and let every base tile load before measuring
    const s = scenario.scenario!;
    const first = s.variants[0].buildings[0];
    if (first.kind === 'block') {
      const { toWgs84 } = await import('../../../src/core/geo/index.js');
      const [lon, lat] = toWgs84(25832)(first.footprint[0][0], first.footprint[0][1] - 180);
      await engine.flyTo({ lon, lat, height: 560, heading: 0, pitch: -35 }, { duration: 0 });
    }
    await new Promise<void>((resolve) => (engine.events.once('ready', () => resolve()), engine.requestRender(), setTimeout(resolve, 5000)));
    page.switchTo = (variant) =>
      new Promise((resolve) => {
        const start = performance.now();
        const v = s.variants.find((x) => x.id === variant);
        const id = v?.buildings[0]?.id;
        const off = engine.events.on('render', () => {
          // the frame shows the variant once its planned building is in the loaded tiles (Bestand: at once)
          if (id && !engine.getFeatureAttributes(id)) return;
          off();
          resolve(performance.now() - start);
        });
        scenario.variant = variant;
        engine.requestRender();
      });
    page.plainFrame = () =>
      new Promise((resolve) => {
        const start = performance.now();
        engine.events.once('render', () => resolve(performance.now() - start));
        engine.requestRender();
      });
    page.ready = true;
  });
});
