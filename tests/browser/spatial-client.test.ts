// SpatialClient with the real module worker (as the app loads it): AbortSignal cancels a running query
// in the worker, the worker stays usable, and dispose() rejects calls still running.
import { describe, expect, it } from 'vitest';
import { SpatialClient } from '../../src/worker-clients/spatial-client';
import { buildFootprintSet, encodeFootprints } from '../../workers/lib/footprints';

/** n×n squares of 8 m at 10 m spacing. */
function createGrid(n: number) {
  const list = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const [x, y] = [c * 10, r * 10];
      list.push({ id: `g${r}-${c}`, polygons: [[[[x, y], [x + 8, y], [x + 8, y + 8], [x, y + 8]] as [number, number][]]], height: 3 + ((r + c) % 10) * 3 });
    }
  }
  return buildFootprintSet(list, 25832);
}

const circle = (cx: number, cy: number, r: number, n = 400) => Float64Array.from({ length: n * 2 }, (_, k) => (k % 2 === 0 ? cx + r * Math.cos((Math.PI * k) / n) : cy + r * Math.sin((Math.PI * (k - 1)) / n)));

describe('SpatialClient in the browser', () => {
  it('loads by transfer, answers, cancels through an AbortSignal and rejects on dispose', async () => {
    const client = new SpatialClient();
    try {
      const bytes = encodeFootprints(createGrid(300));
      const info = await client.loadFootprints(bytes);
      expect(bytes.buffer.byteLength).toBe(0);
      expect(info.count).toBe(90_000);

      const small = await client.byBbox({ bbox: [0, 0, 18, 18] });
      expect(Array.from(small.indices)).toEqual([0, 1, 300, 301]);

      const area = { polygons: [[circle(1500, 1500, 1450)]] };
      const full = await client.byPolygon({ area, mode: 'contains' });
      expect(full.indices.length).toBeGreaterThan(50_000);

      // Aborted at its first progress report, so mid-query whatever the machine's speed.
      const controller = new AbortController();
      let answeredSince = false;
      let progressAfterAnswer = 0;
      const running = client.byPolygon(
        { area, mode: 'contains' },
        {
          signal: controller.signal,
          onProgress: () => {
            if (!controller.signal.aborted) controller.abort(new DOMException('weg damit', 'AbortError'));
            else if (answeredSince) progressAfterAnswer++;
          },
        },
      );
      await expect(running).rejects.toMatchObject({ name: 'AbortError', message: 'weg damit' });
      // The worker really stopped: its messages arrive in order, so a query still running would report
      // progress between the answers to later calls. Counted, not timed.
      expect((await client.byBbox({ bbox: [0, 0, 8, 8] })).indices.length).toBe(1);
      answeredSince = true;
      for (let i = 0; i < 3; i++) await client.byBbox({ bbox: [0, 0, 8, 8] });
      expect(progressAfterAnswer).toBe(0);

      const pending = client.byPolygon({ area, mode: 'contains' });
      client.dispose();
      await expect(pending).rejects.toThrow(/disposed/);
      await expect(client.byBbox({ bbox: [0, 0, 1, 1] })).rejects.toThrow(/disposed/);
    } finally {
      client.dispose();
    }
  }, 60_000);
});
