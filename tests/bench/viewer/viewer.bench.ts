/**
 * `npm run bench:viewer`: the demo town in headless Chromium (SwiftShader), TwinBy's production build
 * against a minimal offline CesiumJS page, and TwinBy with engine="cesium", on the same tileset, view and window (800×600, DPR 1).
 * Prints time to the first frame with buildings, time until every tile for the view has loaded, draw
 * calls and triangles of one frame (counted on the WebGL context, the same way for both), JS heap after
 * a GC, and bytes fetched; the median of the runs, side by side with the ratio. Asserts nothing.
 *
 *   npm run bench:viewer [-- --runs 3]
 * Frame rates from software rendering mean nothing for real hardware; counts and bytes do.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { treeshake } from '../../../vite.config.ts';
import { cesiumAssetsPlugin } from '../../../tools/package/cesium-assets-plugin.ts';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';

const root = resolve(import.meta.dirname, '../../..');
const out = resolve(root, 'out/bench-viewer');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

const mounts: Array<[string, string]> = [
  ['/tiles/', resolve(root, 'public/tiles')],
  ['/node_modules/@cesium/engine/', resolve(root, 'node_modules/@cesium/engine')],
  ['/', out],
];
const types: Record<string, string> = {
  '.html': 'text/html',
  '.xml': 'text/xml',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.glb': 'model/gltf-binary',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ktx2': 'image/ktx2',
};

let bytesServed = 0;

function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const file = mount ? normalize(join(mount[1], path.slice(mount[0].length))) : '';
    if (!mount || !file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const size = statSync(file).size;
    bytesServed += size;
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/**
 * Counts draw calls and triangles on every WebGL context of the page. Plain JS in a string: a function
 * would be serialised with the bundler's helpers in it.
 */
const countDraws = `(() => {
  const counter = { calls: 0, triangles: 0 };
  window.__gl = counter;
  const prims = (mode, count) => (mode === 4 ? count / 3 : mode === 5 || mode === 6 ? Math.max(0, count - 2) : 0);
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const wrap = (name, countArg, instArg) => {
      const original = proto[name];
      if (!original) return;
      proto[name] = function (...a) {
        counter.calls++;
        counter.triangles += prims(a[0], a[countArg]) * (instArg === undefined ? 1 : a[instArg]);
        return original.apply(this, a);
      };
    };
    wrap('drawArrays', 2);
    wrap('drawElements', 1);
    wrap('drawArraysInstanced', 2, 3);
    wrap('drawElementsInstanced', 1, 4);
    wrap('drawRangeElements', 3);
  }
})();`;

interface Measure {
  firstBuilding: number;
  allLoaded: number;
  drawCalls: number;
  triangles: number;
  heapMB: number;
  fetchedMB: number;
  tiles: number;
  materials: number;
  view: string;
}

async function measure(browser: Browser, url: string): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
  await context.addInitScript({ content: countDraws });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('pageerror', (e) => logs.push(String(e)));
  bytesServed = 0;
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { bench?: { allTilesLoaded: number | null; error: string | null } }).bench;
        return b && (b.allTilesLoaded !== null || b.error !== null);
      },
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    const state = await page.evaluate(() => {
      const b = (window as unknown as { bench: { error: string | null } }).bench;
      return { error: b.error };
    });
    if (state.error) throw new Error(`${url}: ${state.error}`);
    const fetched = bytesServed;
    // one frame, counted on the context
    const frame = await page.evaluate(async () => {
      const w = window as unknown as { __gl: { calls: number; triangles: number }; bench: { frame(): Promise<void> } };
      await w.bench.frame();
      const before = { ...w.__gl };
      await w.bench.frame();
      return { calls: w.__gl.calls - before.calls, triangles: w.__gl.triangles - before.triangles };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const b = await page.evaluate(() => {
      const p = (window as unknown as { bench: { firstBuildingFrame: number; allTilesLoaded: number; tiles: number; materials: number; view: string } }).bench;
      return { first: p.firstBuildingFrame, all: p.allTilesLoaded, tiles: p.tiles, materials: p.materials, view: p.view };
    });
    const shot = new URL(url);
    await page.screenshot({ path: join(out, `${shot.pathname.split('/').pop()}${shot.searchParams.has('basemap') ? '-basemap' : ''}${shot.searchParams.has('terrain') ? '-terrain' : ''}.png`) });
    return {
      firstBuilding: b.first,
      allLoaded: b.all,
      drawCalls: frame.calls,
      triangles: Math.round(frame.triangles),
      heapMB: heap.usedSize / 2 ** 20,
      fetchedMB: fetched / 2 ** 20,
      tiles: b.tiles,
      materials: b.materials,
      view: b.view,
    };
  } finally {
    if (logs.length) console.error(logs.join('\n'));
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(resolve(root, 'public/tiles/tileset.json')) || !existsSync(resolve(root, 'public/tiles/basemap/WMTSCapabilities.xml')) || !existsSync(resolve(root, 'public/tiles/terrain/isarbach-dgm.tif'))) {
    console.log('building the demo town into public/tiles/ …');
    spawnSync('npx', ['tsx', 'tools/build-demo.ts'], { cwd: root, stdio: 'inherit' });
  }
  console.log('building the two pages (production) …');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // the Cesium engine's workers and assets (cesium-static/ beside its chunk)
    plugins: [cesiumAssetsPlugin()],
    build: {
      outDir: out,
      emptyOutDir: true,
      chunkSizeWarningLimit: 100_000,
      rollupOptions: { input: { twinby: resolve(root, 'tests/bench/viewer/twinby.html'), twinbyCesium: resolve(root, 'tests/bench/viewer/twinby-cesium.html'), cesium: resolve(root, 'tests/bench/viewer/cesium.html') }, treeshake },
    },
    worker: { format: 'es' },
  });
  const { server, origin } = await serve();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const twinby: Measure[] = [];
    const cesium: Measure[] = [];
    const twinbyCesium: Measure[] = [];
    const withBasemap: Measure[] = [];
    const withTerrain: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      const t = await measure(browser, `${origin}/tests/bench/viewer/twinby.html`);
      twinby.push(t);
      cesium.push(await measure(browser, `${origin}/tests/bench/viewer/cesium.html?view=${encodeURIComponent(t.view)}`));
      twinbyCesium.push(await measure(browser, `${origin}/tests/bench/viewer/twinby-cesium.html?view=${encodeURIComponent(t.view)}`));
      withBasemap.push(await measure(browser, `${origin}/tests/bench/viewer/twinby.html?basemap=1`));
      withTerrain.push(await measure(browser, `${origin}/tests/bench/viewer/twinby.html?basemap=1&terrain=1`));
      console.log(
        `run ${i + 1}/${runs}: TwinBy ${t.firstBuilding.toFixed(0)} ms (with base map ${withBasemap[i].firstBuilding.toFixed(0)} ms, and terrain ${withTerrain[i].firstBuilding.toFixed(0)} ms), CesiumJS ${cesium[i].firstBuilding.toFixed(0)} ms, TwinBy on Cesium ${twinbyCesium[i].firstBuilding.toFixed(0)} ms to the first buildings`,
      );
    }
    const rows: Array<[string, (m: Measure) => number, number]> = [
      ['time to first building frame (ms)', (m) => m.firstBuilding, 0],
      ['time until all tiles loaded (ms)', (m) => m.allLoaded, 0],
      ['draw calls per frame', (m) => m.drawCalls, 0],
      ['triangles per frame', (m) => m.triangles, 0],
      ['JS heap after GC (MB)', (m) => m.heapMB, 1],
      ['bytes fetched (MB)', (m) => m.fetchedMB, 2],
    ];
    console.log(`\nbench:viewer — demo tileset, view ${twinby[0].view}, 800×600, median of ${runs} runs (SwiftShader)`);
    console.log(`${'figure'.padEnd(36)}${'TwinBy'.padStart(12)}${'CesiumJS'.padStart(12)}${'ratio'.padStart(9)}${'TwinBy/Cesium'.padStart(15)}`);
    for (const [label, pick, digits] of rows) {
      const a = median(twinby.map(pick));
      const b = median(cesium.map(pick));
      const c = median(twinbyCesium.map(pick));
      console.log(`${label.padEnd(36)}${a.toFixed(digits).padStart(12)}${b.toFixed(digits).padStart(12)}${(b ? (a / b).toFixed(2) : '–').padStart(9)}${c.toFixed(digits).padStart(15)}`);
    }
    const b = withBasemap.map((m) => m.firstBuilding);
    console.log(`${'first building frame, base map on (ms)'.padEnd(36)}${median(b).toFixed(0).padStart(12)}  (TwinBy with the demo's synthetic WMTS base map)`);
    const bt = withTerrain.map((m) => m.firstBuilding);
    console.log(`${'… base map and terrain on (ms)'.padEnd(36)}${median(bt).toFixed(0).padStart(12)}  (and the demo's 961² DGM GeoTIFF, read in the terrain worker)`);
    const t = twinby[0];
    const ratio = median(twinby.map((m) => m.firstBuilding)) / median(cesium.map((m) => m.firstBuilding));
    console.log(`\ngoal: first buildings ≤ 1/3 of CesiumJS's time → ratio ${ratio.toFixed(2)} (${ratio <= 1 / 3 ? 'met' : 'not met'})`);
    console.log(`goal: draw calls ≤ tiles × materials (+1 ground plane) → ${t.drawCalls} ≤ ${t.tiles} × ${t.materials / Math.max(1, t.tiles)} + 1 (${t.drawCalls <= t.materials + 1 ? 'met' : 'not met'})`);
    console.log(`screenshots: ${out}/twinby.html.png, ${out}/cesium.html.png`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
