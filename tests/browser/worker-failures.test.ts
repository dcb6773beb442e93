/**
 * Workers that fail: a URL that 404s, a worker that throws while loading, one that never answers. Each call
 * rejects within bounded time (no hang), the viewer raises twinby-error, and the next call works on a fresh worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyCityGML, TwinbyViewer } from '../../src/index.js';
import { CityGMLClient, createCityGMLWorker } from '../../src/worker-clients/citygml-client';
import { GmlClient, createGmlWorker } from '../../src/worker-clients/gml-client';
import advFixture from '../fixtures/citygml/adv-lod2-citygml1.gml?raw';
import { waitFor } from './helpers.js';
import { BAD_WORKERS, badThenGood, workerFromCode } from './bad-workers.js';

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
});

const file = () => new File([advFixture], 'adv.gml', { type: 'application/gml+xml' });

describe('worker clients survive failing workers', () => {
  for (const [label, bad] of Object.entries(BAD_WORKERS)) {
    it(`CityGMLClient: a worker that ${label} rejects the call with a WorkerError, and the next call works`, async () => {
      // a short watchdog for the bad worker only: the real one may take long to start on a busy machine
      const watchdog = { timeoutMs: 1_500 };
      const client = new CityGMLClient(badThenGood(bad, createCityGMLWorker), watchdog);
      disposers.push(() => client.dispose());
      const error = await client.convert(file()).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.name).toBe('WorkerError');
      expect(error?.message).toMatch(/CityGMLClient: (the worker failed to load or crashed|no answer from the worker)/);
      watchdog.timeoutMs = 600_000;
      const next = await client.convert(file());
      expect(next.summary.buildings).toBe(2);
    });

    it(`GmlClient: a worker that ${label} rejects the call with a WorkerError, and the next call works`, async () => {
      const watchdog = { timeoutMs: 1_500 };
      const client = new GmlClient(badThenGood(bad, createGmlWorker), watchdog);
      disposers.push(() => client.dispose());
      const body = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[11,48]}}]}';
      const error = await client.parseFeatures({ body, source: 'a.json' }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.name).toBe('WorkerError');
      watchdog.timeoutMs = 600_000;
      const next = await client.parseFeatures({ body, source: 'b.json' });
      expect(next.features).toHaveLength(1);
    });
  }

  it('an abort while the worker is stuck in a long synchronous step ends that worker; the next call gets a fresh one', async () => {
    let stuck: Worker | undefined;
    let terminated = false;
    const looping = () => {
      stuck = workerFromCode('self.onmessage = () => { for (;;) {} };');
      const terminate = stuck.terminate.bind(stuck);
      stuck.terminate = () => {
        terminated = true;
        terminate();
      };
      return stuck;
    };
    const client = new CityGMLClient(badThenGood(looping, createCityGMLWorker));
    disposers.push(() => client.dispose());
    const abort = new AbortController();
    const call = client.convert(file(), { signal: abort.signal });
    abort.abort(new DOMException('cancelled by the test', 'AbortError'));
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => terminated, 'the stuck worker to be terminated', 60_000);
    const next = await client.convert(file());
    expect(next.summary.buildings).toBe(2);
  });

  it('in the viewer: a crashed conversion worker becomes a twinby-error, and the next file converts', async () => {
    const viewer = document.createElement('twinby-viewer') as TwinbyViewer;
    viewer.style.cssText = 'width:320px;height:240px;';
    const layer = document.createElement('twinby-citygml') as TwinbyCityGML;
    viewer.appendChild(layer);
    const ready = new Promise((r) => viewer.addEventListener('twinby-ready', r, { once: true }));
    document.body.appendChild(viewer);
    disposers.push(() => viewer.remove());
    await ready;
    // the element makes its client on first use; this one starts with a worker that 404s
    (layer as unknown as { client: CityGMLClient }).client = new CityGMLClient(badThenGood(BAD_WORKERS['404s'], createCityGMLWorker));
    const errors: CustomEvent[] = [];
    viewer.addEventListener('twinby-error', (e) => errors.push(e as CustomEvent));
    await expect(layer.load(file())).rejects.toMatchObject({ name: 'WorkerError' });
    expect(errors).toHaveLength(1);
    expect(errors[0].detail.message).toMatch(/worker failed to load/);
    const summary = await layer.load(file());
    expect(summary.buildings).toBe(2);
  });
});
