/**
 * The spatial, shadow and scenario workers fail like any other: a URL that 404s, a worker that throws while
 * loading, one that never answers. Each call rejects with a WorkerError within bounded time (no hang), and
 * the next call works on a fresh worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SpatialClient, createSpatialWorker } from '../../src/worker-clients/spatial-client';
import { ShadowClient, createShadowWorker } from '../../src/worker-clients/shadow-client';
import { ScenarioClient, createScenarioWorker } from '../../src/worker-clients/scenario-client';
import { BAD_WORKERS, badThenGood } from './bad-workers.js';

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
});

/** Each client with one call that works on a fresh, empty worker. */
const CLIENTS = {
  SpatialClient: (source: () => Worker, options: { timeoutMs: number }) => {
    const client = new SpatialClient(badThenGood(source, createSpatialWorker), options);
    return { client, call: () => client.releaseSelection(1) };
  },
  ShadowClient: (source: () => Worker, options: { timeoutMs: number }) => {
    const client = new ShadowClient(badThenGood(source, createShadowWorker), options);
    return { client, call: () => client.forget() };
  },
  ScenarioClient: (source: () => Worker, options: { timeoutMs: number }) => {
    const client = new ScenarioClient(badThenGood(source, createScenarioWorker), options);
    return { client, call: () => client.outlines({ bbox: [0, 0, 1, 1] }) };
  },
} as const;

describe('analysis worker clients survive failing workers', () => {
  for (const [name, make] of Object.entries(CLIENTS)) {
    for (const [label, bad] of Object.entries(BAD_WORKERS)) {
      it(`${name}: a worker that ${label} rejects the call with a WorkerError, and the next call works`, async () => {
        // a short watchdog for the bad worker only: the real one may take long to start on a busy machine
        const watchdog = { timeoutMs: 1_500 };
        const { client, call } = make(bad, watchdog);
        disposers.push(() => client.dispose());
        const error = await call().then(
          () => null,
          (e: Error) => e,
        );
        expect(error?.name).toBe('WorkerError');
        expect(error?.message).toMatch(new RegExp(`${name}: (the worker failed to load or crashed|no answer from the worker)`));
        watchdog.timeoutMs = 600_000;
        await call(); // a fresh worker answers
      });
    }
  }
});
