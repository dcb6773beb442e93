/**
 * `npm run bench:spatial`: index build, p50/p99 query latency (bbox 100 m × 100 m, concave polygon with a
 * hole, nearest 10) and compliance time for a 100-zone plan, on seeded synthetic towns of 10k, 100k and
 * 1M footprints in Node; then, in Chromium, the longest main-thread task while the real worker answers
 * queries. Goals: 1M build ≤ 1 s, bbox p50 ≤ 0.1 ms, no main-thread task > 50 ms. Prints; asserts nothing.
 * Options: --sizes 10000,100000 · --browser-n 1000000 · --no-browser
 */
import { runBrowserBench } from './browser-bench';
import { runNodeBench } from './node-bench';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
const browserN = Number(option('--browser-n') ?? sizes[sizes.length - 1]);
const ms = (v: number) => v.toFixed(v < 1 ? 3 : 1);

console.log(`Spatial index and queries (Node, one thread; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
console.log('footprints | build ms (cpu ms) | bbox p50/p99 ms (hits) | polygon p50/p99 ms (hits) | nearest-10 p50/p99 ms | compliance 100 zones ms (findings)');
for (const n of sizes) {
  const f = runNodeBench(n);
  console.log(
    `${n.toLocaleString('en')} | ${ms(f.buildMs)} (${ms(f.buildCpuMs)}) | ${ms(f.bbox.p50)}/${ms(f.bbox.p99)} (${f.bbox.hits.toFixed(0)}) | ` +
      `${ms(f.polygon.p50)}/${ms(f.polygon.p99)} (${f.polygon.hits.toFixed(0)}) | ${ms(f.nearest.p50)}/${ms(f.nearest.p99)} | ${ms(f.complianceMs)} (${f.findings})`,
  );
}

if (!args.includes('--no-browser')) {
  console.log(`\nChromium, real spatial worker, ${browserN.toLocaleString('en')} footprints (round trips include messaging)`);
  const r = await runBrowserBench(browserN);
  console.log(JSON.stringify(r, null, 2));
}
