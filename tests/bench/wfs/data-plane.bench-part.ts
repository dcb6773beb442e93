/**
 * The WFS layer's trip through the worker boundary, before and after the data worker: messages and bytes
 * that cross (structured-clone size of each payload, transferred buffers included) and features/s end to
 * end against MapServer, both paths in worker_threads on the same service.
 * - before: the main thread fetches each page, the GML worker parses it and returns the features; after
 *   every page all features of the extent go back to the worker to build the overlay, which returns and
 *   is triangulated on the main thread (what the engine did with every update).
 * - after: the main thread sends the extent; the data worker fetches, parses, keeps the cells and builds
 *   the overlay; only the overlay (and loading counts) come back.
 */
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { DataWorkerApi } from '../../../workers/data-protocol';
import type { GmlWorkerApi, WfsSessionEvent } from '../../../workers/protocol';
import type { Feature } from '../../../src/core/formats/feature';
import { WfsSource } from '../../../src/core/sources/wfs-source';
import { withTriangles } from '../../../workers/lib/data/overlay-triangles';

export interface Crossing {
  messages: number;
  bytes: number;
  features: number;
  seconds: number;
}

const size = (v: unknown) => serialize(v).length;

/** The old path, as wave 1's <twinby-wfs> ran it (WfsSource on the main thread, GML worker for parse and build). */
async function before(url: string, typeName: string, extent: [number, number, number, number], pageSize: number): Promise<Crossing> {
  const worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
  const api: Remote<GmlWorkerApi> = wrap<GmlWorkerApi>(nodeEndpoint(worker));
  const c: Crossing = { messages: 0, bytes: 0, features: 0, seconds: 0 };
  // the clock starts once the worker has loaded its code (tsx compiles it on first import)
  await api.parseFeatures({ body: '{"type":"FeatureCollection","features":[]}', source: 'warm-up' });
  const t0 = performance.now();
  const source = new WfsSource({
    url,
    typeNames: [typeName],
    pageSize,
    cellSize: 1e6,
    parse: async (req) => {
      c.messages += 2;
      c.bytes += req.body.byteLength;
      const fc = await api.parseFeatures(transfer({ body: req.body, source: req.source, srsName: req.srsName, typeName: req.typeName }, [req.body]));
      c.bytes += size(fc);
      return fc;
    },
  });
  const builds: Promise<void>[] = [];
  source.events.on('features', ({ features }: { features: Feature[] }) => {
    builds.push(
      (async () => {
        c.messages += 2;
        c.bytes += size(features);
        const plan = await api.buildPlan({ features, id: 'wfs' });
        c.bytes += size(plan);
        // the engine then triangulated every update on the main thread (earcut), as the worker does now
        withTriangles(plan.overlay);
        c.features = features.length;
      })(),
    );
  });
  await source.setExtent(extent);
  await Promise.all(builds);
  c.seconds = (performance.now() - t0) / 1000;
  source.dispose();
  api[releaseProxy]();
  await worker.terminate();
  return c;
}

/** The data worker: one extent in, overlays out. */
async function after(url: string, typeName: string, extent: [number, number, number, number], pageSize: number): Promise<Crossing> {
  const worker = new Worker(new URL('./data-node-worker.mjs', import.meta.url));
  const root = wrap<DataWorkerApi>(nodeEndpoint(worker));
  const c: Crossing = { messages: 0, bytes: 0, features: 0, seconds: 0 };
  let done: () => void = () => {};
  const complete = new Promise<void>((resolve) => (done = resolve));
  const listener = (e: WfsSessionEvent) => {
    c.messages++;
    c.bytes += size(e);
    if (e.type === 'plan') {
      c.features = e.features;
      if (e.complete) done();
    }
  };
  await root.stats(); // as above: the worker's code is loaded before the clock starts
  const t0 = performance.now();
  const session = await root.wfs({ url, typeNames: [typeName], pageSize, cellSize: 1e6, id: 'wfs' }, proxy(listener));
  c.messages += 2; // the extent in, its answer out
  c.bytes += size(extent);
  await session.setExtent(extent);
  await complete;
  c.seconds = (performance.now() - t0) / 1000;
  await session.dispose();
  root[releaseProxy]();
  await worker.terminate();
  return c;
}

export async function dataPlaneTrip(url: string, typeName: string, extent: [number, number, number, number], pageSize: number): Promise<{ before: Crossing; after: Crossing }> {
  return { before: await before(url, typeName, extent, pageSize), after: await after(url, typeName, extent, pageSize) };
}
