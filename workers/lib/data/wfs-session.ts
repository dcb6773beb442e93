/**
 * A WFS layer's source, living in the data worker (MapLibre's "worker source"): it fetches the pages,
 * parses them here, keeps the grid cells and builds the Bebauungsplan overlay. The main thread sends
 * extents and receives only the overlay, its coordinate arrays transferred: one trip per page.
 */
import { transfer } from 'comlink';
import { WfsSource, type WfsErrorDetail, type WfsSourceOptions } from '../../../src/core/sources/wfs-source';
import type { FetchLike } from '../../../src/core/sources/wfs-request';
import type { LonLatBbox } from '../../../src/core/sources/view-extent';
import type { Feature } from '../../../src/core/formats/feature';
import { planOverlay } from '../../../src/core/formats/xplanung/plan-overlay';
import { overlayBuffers } from './overlay-buffers';
import { withTriangles } from './overlay-triangles';
import type { PlanBuildResult, ProxiedFetch, WfsSessionEvent, WfsSessionOptions, WfsSession } from '../../gml-protocol';

/** Pages arriving close together are built once. */
const BUILD_DEBOUNCE_MS = 120;

/** A page's fetch done by the main thread (a page-supplied fetch with its own headers), the body transferred here. */
function viaMainThread(fetchBytes: ProxiedFetch): FetchLike {
  return async (url, init) => {
    const answer = await fetchBytes(url);
    if (init?.signal?.aborted) throw init.signal.reason;
    if ('error' in answer) throw new TypeError(answer.error);
    return new Response(answer.body, { status: answer.status, statusText: answer.statusText });
  };
}

export function openWfsSession(options: WfsSessionOptions, listener: (event: WfsSessionEvent) => void, fetchBytes?: ProxiedFetch): WfsSession {
  const sourceOptions: WfsSourceOptions = { ...options, fetch: fetchBytes ? viaMainThread(fetchBytes) : undefined };
  const source = new WfsSource(sourceOptions);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const send = (event: WfsSessionEvent, buffers: ArrayBuffer[] = []): void => {
    // a message that cannot be sent must not vanish: the layer hears why
    Promise.resolve(listener(transfer(event, buffers))).catch((err: Error) => event.type !== 'error' && send({ type: 'error', detail: { message: `WFS layer: ${err.message}` } }));
  };

  async function build(features: Feature[], complete: boolean, mine: number): Promise<void> {
    try {
      const plan: PlanBuildResult = await planOverlay(features, { id: options.id, storeyHeight: options.storeyHeight });
      withTriangles(plan.overlay);
      if (mine === generation) send({ type: 'plan', plan, complete, features: features.length }, overlayBuffers(plan.overlay));
    } catch (err) {
      if (mine === generation) send({ type: 'error', detail: { message: (err as Error).message } });
    }
  }

  const off = [
    source.events.on('loading', ({ pending }) => send({ type: 'loading', pending })),
    source.events.on('features', ({ features, complete }) => {
      clearTimeout(timer);
      const mine = ++generation;
      timer = setTimeout(() => void build(features, complete, mine), complete ? 0 : BUILD_DEBOUNCE_MS);
    }),
    source.events.on('error', (detail: WfsErrorDetail) => send({ type: 'error', detail })),
    source.events.on('warning', ({ message }) => send({ type: 'warning', message })),
  ];

  return {
    setExtent: (extent: LonLatBbox) => source.setExtent(extent),
    capabilities: () => source.capabilities(),
    hits: (typeName: string, extent?: LonLatBbox) => source.hits(typeName, extent),
    async pending() {
      return source.pending();
    },
    dispose() {
      clearTimeout(timer);
      generation++;
      for (const f of off) f();
      source.dispose();
    },
  };
}
