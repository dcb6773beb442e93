/**
 * `npm run bench:wfs`: (1) GML parse throughput in the GML worker (worker_threads, the body
 * transferred in and the coordinates transferred back, so messaging is included) on seeded
 * synthetic GML and, when ../shared is there, the xPlanBox plans; goal ≥ 20 MB/s. (2) Features per
 * second end to end against a local MapServer 8: capabilities, paged GetFeature, parse in the worker.
 * Prints figures; asserts nothing. Options: --features 5000 · --runs 5 · --no-mapserver
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { releaseProxy, transfer, wrap } from 'comlink';
// @ts-expect-error comlink ships this adapter without a matching declaration path for .mjs
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { GmlWorkerApi } from '../../../workers/protocol';
import { syntheticGml } from './synthetic-gml';
import { writeBenchService } from './mapserver-bench-data';
import { mapservAvailable, startMapServer } from '../../integration/mapserver/mapserver-harness';
import { WfsSource } from '../../../src/core/sources/wfs-source';
import { pages } from '../../../src/core/sources/wfs-pager';
import { chooseOutputFormat, findFeatureType } from '../../../src/core/formats/wfs/capabilities';
import { dataPlaneTrip } from './data-plane.bench-part';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '5'));
const featureCount = Number(option('--features', '5000'));

const worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
const api = wrap<GmlWorkerApi>(nodeEndpoint(worker));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * MB/s of parseFeatures for one body: median and best of `runs` after a warm-up, by wall clock and by
 * CPU time (the process's, in which only the worker works meanwhile): on a shared machine the CPU figure
 * is the one that says what the code does.
 */
async function parseRate(name: string, text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  const wall: number[] = [];
  const cpu: number[] = [];
  let features = 0;
  for (let r = 0; r <= runs; r++) {
    const body = bytes.slice().buffer;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const fc = await api.parseFeatures(transfer({ body, source: name }, [body]));
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    features = fc.features.length;
    if (r > 0) {
      wall.push(bytes.length / 1e6 / (ms / 1000));
      cpu.push(bytes.length / 1e6 / ((c.user + c.system) / 1e6));
    }
  }
  const mb = (v: number) => v.toFixed(1);
  console.log(`${name} | ${(bytes.length / 1e6).toFixed(2)} MB | ${features} | ${mb(median(wall))} / ${mb(Math.max(...wall))} | ${mb(median(cpu))} / ${mb(Math.max(...cpu))}`);
}

console.log(`GML parse in the worker (${runs} runs after a warm-up; includes transfer in and out; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
console.log('input | size | features | MB/s wall median / best | MB/s per CPU second median / best');
await parseRate('synthetic WFS GML 3.2, 3000 polygons', syntheticGml(3000, 1));
await parseRate('synthetic WFS GML 3.2, 10000 polygons', syntheticGml(10000, 2));
const xplanbox = resolve(import.meta.dirname, '../../..', '../shared/data/xplanung/xplanbox');
if (existsSync(xplanbox)) {
  const all = readdirSync(xplanbox).filter((f) => f.endsWith('.gml')).map((f) => readFileSync(resolve(xplanbox, f), 'utf8'));
  // one document: every plan's features under one root
  const members = all.map((t) => t.replace(/^\uFEFF?(<\?xml[^>]*>)?/, '').replace(/<!--[\s\S]*?-->/g, ''));
  const names = readdirSync(xplanbox).filter((f) => f.endsWith('.gml'));
  for (let i = 0; i < members.length; i++) await parseRate(`xPlanBox ${names[i]}`, members[i]);
}

if (!args.includes('--no-mapserver') && mapservAvailable()) {
  console.log(`\nEnd to end against MapServer 8 (CGI, one process per request), ${featureCount} polygons, parse in the worker`);
  console.log('version/format | page size | requests | features | seconds | features/s');
  const { dir, mapfile } = writeBenchService(featureCount);
  const server = await startMapServer(mapfile);
  try {
    const parse = (req: { body: ArrayBuffer; source: string; srsName?: string; typeName?: string }) => api.parseFeatures(transfer(req, [req.body]));
    for (const [version, format, pageSize] of [['2.0.0', 'geojson', 1000], ['2.0.0', 'gml', 1000], ['1.1.0', 'gml', 1000], ['2.0.0', 'gml', featureCount]] as const) {
      const source = new WfsSource({ url: server.url, typeNames: ['BP_BaugebietsTeilFlaeche'], version });
      const t0 = performance.now();
      const caps = await source.capabilities();
      const type = findFeatureType(caps, 'BP_BaugebietsTeilFlaeche')!;
      const q = { url: server.url, caps, typeName: type.name, srsName: type.defaultCrs!, outputFormat: chooseOutputFormat(caps, type, format), pageSize, maxFeatures: 1_000_000 };
      let n = 0;
      let requests = 1;
      for await (const page of pages(q, fetch, parse)) {
        n += page.features.length;
        requests++;
      }
      const s = (performance.now() - t0) / 1000;
      console.log(`${version} ${format} | ${pageSize} | ${requests} | ${n} | ${s.toFixed(2)} | ${Math.round(n / s)}`);
      source.dispose();
    }

    console.log(`\nOne WFS layer's trip across the worker boundary, ${featureCount} polygons in one cell, pages of 1000 (GeoJSON), both paths in worker_threads`);
    console.log('path | messages | MB crossing | features | seconds | features/s');
    const caps = await new WfsSource({ url: server.url, typeNames: ['BP_BaugebietsTeilFlaeche'] }).capabilities();
    const box = findFeatureType(caps, 'BP_BaugebietsTeilFlaeche')!.wgs84Bounds!;
    for (let r = 0; r < Math.min(runs, 3); r++) {
      const { before, after } = await dataPlaneTrip(server.url, 'BP_BaugebietsTeilFlaeche', box, 1000);
      for (const [name, c] of [['before: features to the main thread and back', before], ['after: the data worker', after]] as const) {
        console.log(`${name} | ${c.messages} | ${(c.bytes / 1e6).toFixed(2)} | ${c.features} | ${c.seconds.toFixed(2)} | ${Math.round(c.features / c.seconds)}`);
      }
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
} else if (!args.includes('--no-mapserver')) {
  console.log('\n/usr/bin/mapserv not found: end-to-end figures skipped (apt-get install cgi-mapserver)');
}

api[releaseProxy]();
await worker.terminate();
