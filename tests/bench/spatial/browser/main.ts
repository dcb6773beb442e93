/**
 * Browser half of bench:spatial: loads the footprints into the real spatial worker, then runs queries
 * while a PerformanceObserver records long tasks (> 50 ms) on the main thread and a 5 ms heartbeat
 * records the largest gap between timer callbacks (a task-length bound that also sees tasks < 50 ms).
 */
import { SpatialClient } from '../../../../src/worker-clients/spatial-client';
import type { PlanInput } from '../../../../workers/lib/spatial';

interface PlanJson {
  epsg: number;
  zones: (Omit<PlanInput['zones'][number], 'polygons'> & { polygons: number[][][] })[];
}
interface QueryJson {
  boxes: [number, number, number, number][];
  areas: number[][][][];
  points: [number, number][];
}

declare global {
  interface Window {
    __benchResult?: unknown;
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];

async function main() {
  const client = new SpatialClient();
  const [bytes, planJson, queries] = await Promise.all([
    fetch('/__bench/footprints.bin').then((r) => r.arrayBuffer()),
    fetch('/__bench/plan.json').then((r) => r.json() as Promise<PlanJson>),
    fetch('/__bench/queries.json').then((r) => r.json() as Promise<QueryJson>),
  ]);
  const loadStart = performance.now();
  const info = await client.loadFootprints(bytes, { source: 'footprints.bin' });
  const plan: PlanInput = { epsg: planJson.epsg, zones: planJson.zones.map((z) => ({ ...z, polygons: z.polygons.map((p) => p.map((r) => Float64Array.from(r))) })) };
  await client.loadPlan({ plan });
  const loadMs = performance.now() - loadStart;

  const longTasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, duration: e.duration })));
  const phases: [string, number][] = [];
  const phase = (name: string) => phases.push([name, performance.now()]);
  observer.observe({ type: 'longtask' });
  let maxGap = 0;
  let last = performance.now();
  let beating = true;
  const beat = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (beating) setTimeout(beat, 5);
  };
  setTimeout(beat, 5);

  const timed = async (run: () => Promise<unknown>, times: number[]) => {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  };
  const bbox: number[] = [];
  const polygon: number[] = [];
  const nearest: number[] = [];
  phase('bbox');
  for (const b of queries.boxes) await timed(() => client.byBbox({ bbox: b }), bbox);
  phase('polygon');
  for (const a of queries.areas) await timed(() => client.byPolygon({ area: { polygons: a.map((p) => p.map((r) => Float64Array.from(r))) } }), polygon);
  phase('nearest');
  for (const [x, y] of queries.points) await timed(() => client.nearest({ x, y, k: 10 }), nearest);
  phase('select all');
  const all = await client.byBbox({ bbox: info.bbox! });
  phase('aggregate');
  const aggregateStart = performance.now();
  await client.aggregate({ selectionId: all.selectionId });
  const aggregateMs = performance.now() - aggregateStart;
  phase('compliance');
  const complianceStart = performance.now();
  const compliance = await client.checkCompliance();
  const complianceMs = performance.now() - complianceStart;
  phase('rows');
  const rows = await client.rows({ selectionId: all.selectionId, sortBy: 'height', descending: true, limit: 100 });
  await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
  beating = false;
  observer.disconnect();
  client.dispose();
  window.__benchResult = {
    count: info.count,
    workerBuildMs: info.buildMs,
    loadMs,
    roundTrip: {
      bboxP50: percentile(bbox, 0.5),
      bboxP99: percentile(bbox, 0.99),
      polygonP50: percentile(polygon, 0.5),
      polygonP99: percentile(polygon, 0.99),
      nearestP50: percentile(nearest, 0.5),
      nearestP99: percentile(nearest, 0.99),
    },
    allSelected: all.indices.length,
    aggregateMs,
    complianceMs,
    findings: compliance.findings.length,
    rows: rows.rows.length,
    longTasks: longTasks.map((t) => `${Math.round(t.duration)} ms in ${[...phases].reverse().find(([, at]) => at <= t.start)?.[0] ?? 'setup'}`),
    longestTaskMs: longTasks.length ? Math.max(...longTasks.map((t) => t.duration)) : 0,
    maxTimerGapMs: maxGap,
  };
  document.getElementById('status')!.textContent = 'fertig';
}

main().catch((error: unknown) => {
  window.__benchResult = { error: String((error as Error)?.stack ?? error) };
});
