/**
 * The shadow worker's implementation (workers/shadow.worker.ts exposes it): tilesets are fetched and read
 * here and kept by URL, the analysis runs in time slices so cancel() gets through, and the result's typed
 * arrays leave in the transfer list.
 */
import { releaseProxy, transfer } from 'comlink';
import { en17037 } from '../../../src/core/sun';
import { runAsync } from '../spatial/task';
import { compareSunHoursTask, withoutHidden } from './compare-sun-hours';
import type { ShadowProgress, ShadowScenario, SunHoursResult } from './shadow-types';
import { sunSamples } from './sun-samples';
import { defaultFetchBytes, frameOfTileset, loadTilesetTriangles, mergeTriangles, type FetchBytes, type LocalFrame, type SceneTriangles } from './tileset-triangles';
import type { ShadowWorkerApi } from '../../types/shadow';
export type { ShadowWorkerApi } from '../../types/shadow';

export function createShadowWorkerApi(fetchBytes: FetchBytes = defaultFetchBytes): ShadowWorkerApi {
  const running = new Map<number, AbortController>();
  // per frame and URL: a tileset's triangles in that frame
  const cache = new Map<string, Promise<SceneTriangles>>();

  const load = (url: string, frame: LocalFrame, signal: AbortSignal): Promise<SceneTriangles> => {
    const key = `${frame.lon},${frame.lat},${frame.height} ${url}`;
    let p = cache.get(key);
    if (!p) {
      p = loadTilesetTriangles(url, frame, { fetchBytes, signal });
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return p;
  };

  const scenario = async (s: ShadowScenario, frame: LocalFrame, signal: AbortSignal): Promise<SceneTriangles> => {
    const parts = await Promise.all(s.tilesets.map((url) => load(url, frame, signal)));
    return withoutHidden(parts.length === 1 ? parts[0] : mergeTriangles(parts), s.hidden);
  };

  return {
    async sunHours(params, onProgress) {
      const started = performance.now();
      const controller = new AbortController();
      if (params.cancelId !== undefined) running.set(params.cancelId, controller);
      const report = (p: ShadowProgress) => void Promise.resolve(onProgress?.(p)).catch(() => {});
      let lastReport = -Infinity;
      try {
        report({ phase: 'loading', fraction: 0 });
        checkScenario(params.base, 'base');
        if (params.variant) checkScenario(params.variant, 'variant');
        const frame = params.frame ?? (await frameOfTileset(params.base.tilesets[0], fetchBytes));
        const [base, variant] = await Promise.all([
          scenario(params.base, frame, controller.signal),
          params.variant ? scenario(params.variant, frame, controller.signal) : Promise.resolve(undefined),
        ]);
        if (controller.signal.aborted) throw Object.assign(new Error('The analysis was cancelled'), { name: 'AbortError' });
        const from = params.from ?? `${new Date().getFullYear()}-03-21`;
        const to = params.to ?? from;
        const sun = sunSamples({ from, to }, { lat: frame.lat, lon: frame.lon, elevation: frame.height }, params.stepMinutes ?? 10, params.timeZone);
        const result = await runAsync(
          compareSunHoursTask({
            base,
            variant,
            sun,
            frame,
            from,
            to,
            cellSize: params.cellSize ?? 2,
            area: params.area,
            buildings: params.buildings,
            radius: params.radius ?? 150,
            facadeSpacing: params.facadeSpacing ?? 2,
            minAltitude: params.minAltitude ?? en17037.defaultMinAltitude,
          }),
          {
            signal: controller.signal,
            // at most ten reports a second: each one is a message and a panel update on the main thread
            onProgress: (fraction) => {
              const now = performance.now();
              if (now - lastReport < 100) return;
              lastReport = now;
              report({ phase: 'computing', fraction });
            },
          },
        );
        const out: SunHoursResult = { ...result, elapsedMs: performance.now() - started };
        const g = out.grid;
        const buffers = new Set<ArrayBuffer>([g.base.buffer as ArrayBuffer, out.facade.positions.buffer as ArrayBuffer, out.facade.baseHours.buffer as ArrayBuffer, out.facade.variantHours.buffer as ArrayBuffer, out.facade.building.buffer as ArrayBuffer]);
        if (g.variant) buffers.add(g.variant.buffer as ArrayBuffer);
        if (g.lost) buffers.add(g.lost.buffer as ArrayBuffer);
        return transfer(out, [...buffers]);
      } finally {
        if (params.cancelId !== undefined) running.delete(params.cancelId);
        if (onProgress && releaseProxy in onProgress) (onProgress as unknown as { [releaseProxy](): void })[releaseProxy]();
      }
    },
    cancel(cancelId) {
      running.get(cancelId)?.abort();
    },
    forget(url) {
      if (url === undefined) cache.clear();
      else for (const key of [...cache.keys()]) if (key.endsWith(` ${url}`)) cache.delete(key);
    },
  };
}

function checkScenario(s: ShadowScenario | undefined, name: string): void {
  if (!s || !Array.isArray(s.tilesets) || s.tilesets.length === 0 || s.tilesets.some((u) => typeof u !== 'string')) {
    throw new TypeError(`sunHours: the ${name} scenario needs at least one tileset URL`);
  }
  if (s.hidden !== undefined && !Array.isArray(s.hidden)) throw new TypeError(`sunHours: ${name}.hidden must be an array of building ids`);
}
