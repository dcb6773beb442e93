import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { GmlWorkerApi } from '../../../../workers/protocol';

const fixtures = resolve(__dirname, '../../../fixtures/wfs');
let worker: Worker | null = null;
let api: Remote<GmlWorkerApi> | null = null;

function start(): Remote<GmlWorkerApi> {
  worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
  api = wrap<GmlWorkerApi>(nodeEndpoint(worker));
  return api;
}

afterEach(async () => {
  api?.[releaseProxy]();
  await worker?.terminate();
  worker = null;
  api = null;
});

const bytesOf = (name: string) => {
  const b = readFileSync(resolve(fixtures, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('GML worker through comlink (worker_threads)', () => {
  it('parses a body taken by transfer and hands typed arrays back', async () => {
    const remote = start();
    const body = bytesOf('xplan-nested-5.4.gml');
    const fc = await remote.parseFeatures(transfer({ body, source: 'xplan-nested-5.4.gml' }, [body]));
    expect(body.byteLength).toBe(0); // moved, not copied
    expect(fc.features.length).toBe(9);
    expect(fc.sourceEpsg).toBe(25832);
    const g = fc.features[1].geometry as { type: string; rings: Float64Array[] };
    expect(g.type).toBe('Polygon');
    expect(g.rings[0]).toBeInstanceOf(Float64Array);
  });

  it('builds a plan overlay from a file in one call, and from features', async () => {
    const remote = start();
    const plan = await remote.parsePlan({ body: readFileSync(resolve(fixtures, 'xplan-nested-5.4.gml'), 'utf8'), source: 'p.gml', id: 'plan' });
    expect(plan.featureCount).toBe(9);
    expect(plan.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 2, extruded: 3 });
    expect(plan.legend.title).toBe('Bebauungsplan Am Mühlbach (Nr. 12)');
    const volume = plan.overlay.features.find((f) => f.id === 'ugf-fh')!;
    expect(volume).toMatchObject({ kind: 'extruded-polygon', topHeight: 11.5 });
    expect((volume as { rings: Float64Array[] }).rings[0]).toBeInstanceOf(Float64Array);
    const fc = await remote.parseFeatures({ body: readFileSync(resolve(fixtures, 'xplan-nested-5.4.gml'), 'utf8'), source: 'p.gml' });
    const again = await remote.buildPlan({ features: fc.features, id: 'plan', storeyHeight: 3 });
    expect(again.overlay.features.find((f) => f.id === 'ugf-inherit')).toMatchObject({ topHeight: 6 });
  });

  it('rejects with the readable message of an exception report or a located syntax error', async () => {
    const remote = start();
    await expect(remote.parseFeatures({ body: readFileSync(resolve(fixtures, 'exception-report.xml'), 'utf8'), source: 'e.xml' })).rejects.toThrow(/WFS error InvalidParameterValue \(bbox\)/);
    await expect(remote.parseFeatures({ body: '<a>\n<b></a>', source: 'bad.gml' })).rejects.toThrow(/^bad\.gml:2:\d+: malformed XML/);
  });
});
