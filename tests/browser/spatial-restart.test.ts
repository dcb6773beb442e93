// A data worker that dies is replaced on the next call, and the spatial session loads again what it had
// loaded by URL (the footprint sidecar) and the plan: the next query and plan check answer as before.
import { describe, expect, it } from 'vitest';
import { SpatialClient, createSpatialWorker } from '../../src/worker-clients/spatial-client';
import { buildFootprintSet, encodeFootprints } from '../../workers/lib/footprints';

/** 10×10 squares of 8 m at 10 m spacing, heights 3 to 30 m. */
function grid() {
  const list = [];
  for (let r = 0; r < 10; r++) {
    for (let c = 0; c < 10; c++) {
      const [x, y] = [c * 10, r * 10];
      list.push({ id: `g${r}-${c}`, polygons: [[[[x, y], [x + 8, y], [x + 8, y + 8], [x, y + 8]] as [number, number][]]], height: 3 + ((r + c) % 10) * 3 });
    }
  }
  return buildFootprintSet(list, 25832);
}

describe('SpatialClient after its worker died', () => {
  it('reloads the footprints and the plan into the fresh worker by itself', async () => {
    const workers: Worker[] = [];
    const source = () => {
      const w = createSpatialWorker();
      workers.push(w);
      return w;
    };
    // a long watchdog while the worker starts on a busy machine; short only to notice the killed one
    const watchdog = { timeoutMs: 600_000 };
    const client = new SpatialClient(source, watchdog);
    const url = URL.createObjectURL(new Blob([encodeFootprints(grid())]));
    try {
      const info = await client.loadFootprintsUrl({ url });
      expect(info.count).toBe(100);
      const zone = { id: 'wa', kind: 'baugebiet' as const, polygons: [[Float64Array.of(0, 0, 50, 0, 50, 50, 0, 50)]], heights: [{ max: 12 }] };
      await client.loadPlan({ plan: { epsg: 25832, zones: [zone] } });
      const before = await client.byBbox({ bbox: [0, 0, 18, 18] });
      const checked = await client.checkCompliance();

      workers[0].terminate();
      watchdog.timeoutMs = 1_500;
      const lost = await client.byBbox({ bbox: [0, 0, 18, 18] }).then(() => null, (e: Error) => e);
      expect(lost?.name).toBe('WorkerError');
      watchdog.timeoutMs = 600_000;

      const after = await client.byBbox({ bbox: [0, 0, 18, 18] });
      expect(workers.length).toBe(2);
      expect(Array.from(after.indices)).toEqual(Array.from(before.indices));
      const again = await client.checkCompliance();
      expect(again.violationCount).toBe(checked.violationCount);
      expect(again.violationCount).toBeGreaterThan(0);
    } finally {
      client.dispose();
      URL.revokeObjectURL(url);
    }
  }, 120_000);

  it('names the sidecar URL when the worker cannot fetch it', async () => {
    const client = new SpatialClient();
    try {
      const url = URL.createObjectURL(new Blob([new Uint8Array(8)]));
      URL.revokeObjectURL(url);
      const error = await client.loadFootprintsUrl({ url }).then(() => null, (e: Error) => e);
      expect(error?.message).toContain(`${url}: not reachable`);
    } finally {
      client.dispose();
    }
  }, 120_000);
});
