import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SpatialWorkerApi } from '../../../../workers/protocol';
import { buildFootprintSet, encodeFootprints } from '../../../../workers/lib/footprints';
import { rect } from '../lib/spatial/spatial-fixtures';

/** A grid of n×n 8 m squares at 10 m spacing, heights 3…30 m, ids "g<row>-<col>". */
function createGrid(n: number) {
  const list = [];
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) list.push({ id: `g${r}-${c}`, polygons: [[rect(c * 10, r * 10, c * 10 + 8, r * 10 + 8)]], height: 3 + ((r * n + c) % 10) * 3, storeys: (r + c) % 5 });
  return buildFootprintSet(list, 25832);
}

let worker: Worker | null = null;
let api: Remote<SpatialWorkerApi> | null = null;

function start(): Remote<SpatialWorker> {
  worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
  api = wrap<SpatialWorkerApi>(nodeEndpoint(worker));
  return api;
}
type SpatialWorker = SpatialWorkerApi;

afterEach(async () => {
  api?.[releaseProxy]();
  await worker?.terminate();
  worker = null;
  api = null;
});

describe('spatial worker through comlink (worker_threads)', () => {
  it('loads the sidecar by transfer, answers queries by handle and transfers results back', async () => {
    const remote = start();
    const bytes = encodeFootprints(createGrid(20));
    const info = await remote.loadFootprints(transfer({ bytes: bytes.buffer, source: 'grid/footprints.bin' }, [bytes.buffer]));
    expect(bytes.buffer.byteLength).toBe(0); // moved, not copied
    expect(info).toMatchObject({ count: 400, epsg: 25832, bbox: [0, 0, 198, 198] });

    // A triangle over the lower-left corner: centroids (c*10+4, r*10+4) with x + y < 50.
    const tri = { polygons: [[Float64Array.of(0, 0, 50, 0, 0, 50)]] };
    const sel = await remote.byPolygon({ area: tri, mode: 'centroid' });
    const expected: number[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 20; c++) if (c * 10 + 4 + r * 10 + 4 < 50) expected.push(r * 20 + c);
    expect(Array.from(sel.indices)).toEqual(expected);
    expect(sel.indices).toBeInstanceOf(Uint32Array);

    const stats = await remote.aggregate({ selectionId: sel.selectionId });
    expect(stats.count).toBe(expected.length);
    expect(stats.footprintArea).toBeCloseTo(expected.length * 64, 6);
    const rows = await remote.rows({ selectionId: sel.selectionId, sortBy: 'height', descending: true, limit: 3 });
    expect(rows.total).toBe(expected.length);
    expect(rows.rows[0].height).toBe(15); // r=0, c=4: 3 + 4 × 3
    const csv = await remote.exportSelection({ selectionId: sel.selectionId, format: 'csv' });
    expect(csv.text.split('\r\n')[1]).toMatch(/^g0-0;;;nein;3;0;64;0;;4;4;$/);
  });

  it('cancels a running query from another message and stays usable', async () => {
    const remote = start();
    await remote.loadFootprintSet({ set: createGrid(300) }); // 90,000 footprints
    const circle = Float64Array.from({ length: 400 }, (_, k) => (k % 2 === 0 ? 1500 + 1450 * Math.cos(Math.PI * k / 200) : 1500 + 1450 * Math.sin(Math.PI * (k - 1) / 200)));
    const progress: number[] = [];
    const running = remote.byPolygon({ area: { polygons: [[circle]] }, mode: 'contains', cancelId: 7 }, proxy((f: number) => void progress.push(f)));
    await new Promise((r) => setTimeout(r, 30));
    await remote.cancel(7);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const after = await remote.byBbox({ bbox: [0, 0, 18, 18] });
    expect(after.indices.length).toBe(4);
    // The same query left alone takes longer than the 30 ms after which it was cancelled.
    const full = await remote.byPolygon({ area: { polygons: [[circle]] }, mode: 'contains' }, proxy((f: number) => void progress.push(f)));
    expect(full.elapsedMs).toBeGreaterThan(30);
    expect(full.indices.length).toBeGreaterThan(50000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('checks a plan and pages findings, keeping violation texts for the rows', async () => {
    const remote = start();
    await remote.loadFootprintSet({ set: createGrid(10) });
    // One zone over the first two rows (200 m², 20 buildings of 64 m² → GRZ 0.64), max height 20 m.
    const zone = { id: 'wa', kind: 'baugebiet' as const, label: 'WA', polygons: [[Float64Array.of(0, 0, 100, 0, 100, 20, 0, 20)]], grz: 0.5, heights: [{ max: 20 }] };
    await remote.loadPlan({ plan: { epsg: 25832, zones: [zone] } });
    const summary = await remote.checkCompliance({ findingsLimit: 5, findingsStatus: ['violation'] });
    // Heights 3 + (i % 10) × 3: 21, 24, 27, 30 m in each row break the limit → 8 buildings, plus the GRZ.
    expect(summary.zones[0]).toMatchObject({ buildings: 20, violations: 9 });
    expect(summary.zones[0].grz).toBeCloseTo(0.64, 9);
    expect(summary.violationCount).toBe(9);
    expect(summary.findingCount).toBe(21);
    expect(summary.findings).toHaveLength(5);
    expect(summary.findings.every((f) => f.status === 'violation')).toBe(true);
    expect(Array.from(summary.violators)).toEqual([6, 7, 8, 9, 16, 17, 18, 19]);
    const page = await remote.complianceFindings({ buildings: [19] });
    expect(page).toMatchObject({ total: 1, findings: [{ buildingId: 'g1-9', text: 'Höhe 30,0 m > 20,0 m zulässig' }] });
    const rows = await remote.rows({ indices: Uint32Array.of(19, 0) });
    expect(rows.rows.map((r) => r.violations)).toEqual([[], ['WA: Höhe 30,0 m > 20,0 m zulässig']]);
  });

  it('reports errors with a readable message and keeps running', async () => {
    const remote = start();
    await expect(remote.byBbox({ bbox: [0, 0, 1, 1] })).rejects.toThrow(/No footprints loaded/);
    await expect(remote.loadFootprints({ bytes: new Uint8Array(40), source: 'x/footprints.bin' })).rejects.toThrow(/x\/footprints\.bin: byte 0: not a TwinBy footprint file/);
    await remote.loadFootprintSet({ set: createGrid(2) });
    expect((await remote.byBbox({ bbox: [0, 0, 1, 1] })).indices.length).toBe(1);
  });
});
