/**
 * A plan file is fetched and read inside the worker that checks against it (spatial and scenario workers):
 * the same zones as reading it by hand, a broken file named in the error, and in the scenario worker a plan
 * that cannot be read leaves the footprints loaded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGmlFeatureCollection } from '../../../../src/core/formats/gml/gml-reader';
import { readXPlan } from '../../../../src/core/formats/xplanung/xplan-model';
import { demoPlan } from '../../../../tools/make-demo-plan/plan-layout';
import { writeXPlanGml } from '../../../../tools/make-demo-plan/xplangml-writer';
import { buildFootprintSet } from '../../../../workers/lib/footprints/footprint-builder';
import { encodeFootprints } from '../../../../workers/lib/footprints/footprint-codec';
import { createScenarioWorkerApi } from '../../../../workers/lib/scenario/worker-api';
import { createSpatialWorkerApi } from '../../../../workers/lib/spatial/worker-api';
import { planFromXPlan } from '../../../../workers/lib/spatial/plan/xplan-adapter';
import { planOutlines } from '../../../../workers/lib/spatial/plan/plan-file';

const planText = writeXPlanGml(demoPlan());
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/plan.gml') res.writeHead(200, { 'content-type': 'application/gml+xml' }).end(planText);
    else if (req.url === '/broken.gml') res.writeHead(200).end('<xplan:XPlanAuszug><gml:featureMember><unclosed');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const byHand = () => planFromXPlan(readXPlan(readGmlFeatureCollection(planText, { source: 'demo' }).features).objects, 25832);

describe('plans read in the worker', () => {
  it('the spatial worker reads a plan URL into the same zones as a plan read by hand', async () => {
    const fromUrl = createSpatialWorkerApi();
    const fromInput = createSpatialWorkerApi();
    const set = buildFootprintSet([], 25832);
    await fromUrl.loadFootprintSet({ set });
    await fromInput.loadFootprintSet({ set });
    const a = await fromUrl.loadPlanUrl({ url: `${base}/plan.gml` });
    const b = await fromInput.loadPlan({ plan: byHand() });
    expect(a.zones.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('names the file when the plan cannot be fetched or read', async () => {
    const api = createSpatialWorkerApi();
    await expect(api.loadPlanUrl({ url: `${base}/missing.gml`, epsg: 25832 })).rejects.toThrow(`${base}/missing.gml: HTTP 404`);
    await expect(api.loadPlanUrl({ url: `${base}/broken.gml`, epsg: 25832 })).rejects.toThrow(`${base}/broken.gml`);
  });

  it('the scenario worker reads the plan itself and returns its outlines; a broken plan keeps the footprints', async () => {
    const footprints = () => encodeFootprints(buildFootprintSet([{ id: 'B1', polygons: [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]], height: 9, groundHeight: 400, storeys: 3 }], 25832)).slice().buffer;
    const good = await createScenarioWorkerApi().loadBase({ footprints: footprints(), planUrl: `${base}/plan.gml` });
    const plan = byHand();
    expect(good.zones).toBe(plan.zones.length);
    expect(good.planOutlines.map((a) => [...a])).toEqual(planOutlines(plan).map((a) => [...a]));
    expect(good.planError).toBeUndefined();

    const bad = await createScenarioWorkerApi().loadBase({ footprints: footprints(), planUrl: `${base}/broken.gml` });
    expect(bad.buildings).toBe(1);
    expect(bad.zones).toBe(0);
    expect(bad.planError).toContain(`${base}/broken.gml`);
  });
});
