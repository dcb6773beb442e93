/**
 * One plan file, one fetch, one parse: the plan layer, the spatial panel and the scenario's compliance
 * check open their own sessions in the data worker, and all three start from the same parsed plan.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlan } from '../../../../tools/make-demo-plan/plan-layout';
import { writeXPlanGml } from '../../../../tools/make-demo-plan/xplangml-writer';
import { buildFootprintSet } from '../../../../workers/lib/footprints/footprint-builder';
import { encodeFootprints } from '../../../../workers/lib/footprints/footprint-codec';
import { createDataWorkerApi } from '../../../../workers/lib/data/worker-api';

const planText = writeXPlanGml(demoPlan());
const requests: string[] = [];
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url!);
    if (req.url!.startsWith('/plan')) res.writeHead(200, { 'content-type': 'application/gml+xml' }).end(planText);
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const footprints = () => encodeFootprints(buildFootprintSet([{ id: 'B1', polygons: [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]], height: 9, groundHeight: 400, storeys: 3 }], 25832)).slice().buffer;

describe('the data worker reads a plan once for every layer', () => {
  it('plan layer, spatial panel and scenario share one fetch and one parse', async () => {
    const data = createDataWorkerApi();
    const url = `${base}/plan-a.gml`;
    const before = data.stats().planReads;
    const gml = data.gml();
    const spatial = data.spatial();
    const scenario = data.scenario();
    await spatial.loadFootprintSet({ set: buildFootprintSet([], 25832) });
    // all three at once, as on the demo page, and one later
    const [overlay, zones, base2] = await Promise.all([gml.parsePlanUrl({ url, id: 'plan' }), spatial.loadPlanUrl({ url, epsg: 25832 }), scenario.loadBase({ footprints: footprints(), planUrl: url })]);
    const again = await gml.parsePlanUrl({ url, id: 'plan-2' });
    expect(requests.filter((r) => r === '/plan-a.gml')).toHaveLength(1);
    expect(data.stats().planReads - before).toBe(1);
    expect(overlay.overlay.features.length).toBeGreaterThan(0);
    expect(again.overlay.features.length).toBe(overlay.overlay.features.length);
    expect(zones.zones.length).toBeGreaterThan(0);
    expect(base2.zones).toBe(zones.zones.length);
    // render-ready: every polygon arrives triangulated
    for (const f of overlay.overlay.features) if (f.kind !== 'ground-line') expect(f.triangles!.length % 3).toBe(0);
    expect(overlay.overlay.features.some((f) => f.kind !== 'ground-line' && f.triangles!.length >= 3)).toBe(true);
  });

  it('a failed fetch is not kept: it names the URL and status, and the next call asks again', async () => {
    const data = createDataWorkerApi();
    const url = `${base}/missing.gml`;
    await expect(data.gml().parsePlanUrl({ url, id: 'p' })).rejects.toThrow(`${url}: HTTP 404 Not Found`);
    await expect(data.spatial().loadPlanUrl({ url, epsg: 25832 })).rejects.toThrow(`${url}: HTTP 404`);
    expect(requests.filter((r) => r === '/missing.gml')).toHaveLength(2);
  });

  it('sessions keep their own state: two spatial sessions hold different datasets', async () => {
    const data = createDataWorkerApi();
    const a = data.spatial();
    const b = data.spatial();
    const one = buildFootprintSet([{ id: 'A', polygons: [[[[0, 0], [5, 0], [5, 5], [0, 0]]]], height: 5, groundHeight: 0, storeys: 1 }], 25832);
    expect((await a.loadFootprintSet({ set: one })).count).toBe(1);
    expect((await b.loadFootprintSet({ set: buildFootprintSet([], 25832) })).count).toBe(0);
    expect((await a.byId({ ids: ['A'] })).indices).toEqual(Uint32Array.of(0));
    expect((await b.byId({ ids: ['A'] })).missing).toEqual(['A']);
  });
});

describe('overlays handed over by transfer', () => {
  it('a second read of a cached plan still has its coordinates (the first transfer took copies)', async () => {
    const { port1, port2 } = new MessageChannel();
    const data = createDataWorkerApi();
    const url = `${base}/plan-b.gml`;
    const first = await data.gml().parsePlanUrl({ url, id: 'a' });
    // transferring what comlink would transfer detaches exactly those buffers
    const { overlayBuffers } = await import('../../../../workers/lib/data/overlay-buffers');
    port1.postMessage(null, overlayBuffers(first.overlay));
    port1.close();
    port2.close();
    const second = await data.gml().parsePlanUrl({ url, id: 'b' });
    const sizes = (o: typeof first.overlay) => o.features.map((f) => (f.kind === 'ground-line' ? f.coords.length : f.rings[0].length));
    expect(sizes(second.overlay).every((n) => n > 0)).toBe(true);
  });
});
