/** The Node half of bench:spatial: index build, query latencies and compliance time on synthetic towns. */
import { FootprintIndex } from '../../../workers/lib/spatial/footprint-index';
import { PlanIndex } from '../../../workers/lib/spatial/plan/plan-index';
import { checkCompliance } from '../../../workers/lib/spatial/plan/compliance';
import { selectByBbox, selectByPolygon, selectNearest } from '../../../workers/lib/spatial/queries';
import { runSync } from '../../../workers/lib/spatial/task';
import { createRandom, createSyntheticPlan, createSyntheticTown, ORIGIN, townSide } from './synthetic-town';

export interface NodeFigures {
  n: number;
  buildMs: number;
  /** CPU time of the build (user + system): what the build costs when the machine is shared. */
  buildCpuMs: number;
  bbox: Latency;
  polygon: Latency;
  nearest: Latency;
  complianceMs: number;
  findings: number;
  violators: number;
}

export interface Latency {
  p50: number;
  p99: number;
  /** Mean number of footprints per answer. */
  hits: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function measure(count: number, query: (k: number) => number): Latency {
  for (let k = 0; k < Math.min(50, count); k++) query(k); // warm up the JIT
  const times: number[] = [];
  let hits = 0;
  for (let k = 0; k < count; k++) {
    const t = performance.now();
    hits += query(k);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), hits: hits / count };
}

/** A concave star with a hole, radius 50–150 m: the kind of area a planner draws. */
export function randomArea(rnd: () => number, side: number): Float64Array[][] {
  const r = 50 + rnd() * 100;
  const cx = ORIGIN[0] + r + rnd() * (side - 2 * r);
  const cy = ORIGIN[1] + r + rnd() * (side - 2 * r);
  const k = 12;
  const outer = new Float64Array(k * 2);
  for (let i = 0; i < k; i++) {
    const radius = r * (i % 2 === 0 ? 1 : 0.55 + rnd() * 0.3);
    outer[i * 2] = cx + radius * Math.cos((2 * Math.PI * i) / k);
    outer[i * 2 + 1] = cy + radius * Math.sin((2 * Math.PI * i) / k);
  }
  const h = r * 0.2;
  return [[outer, Float64Array.of(cx - h, cy - h, cx - h, cy + h, cx + h, cy + h, cx + h, cy - h)]];
}

export function runNodeBench(n: number): NodeFigures {
  const set = createSyntheticTown(n);
  const side = townSide(n);
  const builds: number[] = [];
  const cpu: number[] = [];
  let index!: FootprintIndex;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    index = new FootprintIndex(set);
    builds.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  builds.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const rnd = createRandom(42);
  const boxes = Array.from({ length: 2000 }, () => {
    const x = ORIGIN[0] + rnd() * (side - 100);
    const y = ORIGIN[1] + rnd() * (side - 100);
    return [x, y, x + 100, y + 100] as [number, number, number, number];
  });
  const areas = Array.from({ length: 300 }, () => randomArea(rnd, side));
  const points = Array.from({ length: 2000 }, () => [ORIGIN[0] + rnd() * side, ORIGIN[1] + rnd() * side]);
  const bbox = measure(boxes.length, (k) => runSync(selectByBbox(index, { bbox: boxes[k] })).indices.length);
  const polygon = measure(areas.length, (k) => runSync(selectByPolygon(index, { polygons: areas[k], mode: 'intersects' })).indices.length);
  const nearest = measure(points.length, (k) => runSync(selectNearest(index, { x: points[k][0], y: points[k][1], k: 10 })).indices.length);
  const plan = new PlanIndex(createSyntheticPlan(n, 100));
  // Median of three: the first run also pays for compiling the compliance code.
  const runs: number[] = [];
  let result = runSync(checkCompliance(index, plan));
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    result = runSync(checkCompliance(index, plan));
    runs.push(performance.now() - t);
  }
  const complianceMs = runs.sort((a, b) => a - b)[1];
  return { n, buildMs: builds[1], buildCpuMs: cpu[1], bbox, polygon, nearest, complianceMs, findings: result.findings.length, violators: result.violators.length };
}
