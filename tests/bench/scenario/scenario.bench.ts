/**
 * `npm run bench:scenario`: the demo scenario "Neubau am Mühlbach" in headless Chromium (SwiftShader,
 * production build). Switches Bestand → Variante A → Variante B → … and prints, per switch, the time
 * from setting the variant to the first frame showing it, and the network requests the switch caused
 * (base tiles separately; the planned tiles come from blob: URLs). Goal: < 100 ms, no base-tile
 * requests. Asserts nothing.
 *
 *   npm run bench:scenario [-- --switches 12]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { treeshake } from '../../../vite.config.ts';

const root = resolve(import.meta.dirname, '../../..');
const out = resolve(root, 'out/bench-scenario');
const args = process.argv.slice(2);
const switches = Number(args[args.indexOf('--switches') + 1]) || 12;
const mounts: Array<[string, string]> = [
  ['/tiles/', resolve(root, 'public/tiles')],
  ['/plan/', resolve(root, 'public/plan')],
  ['/scenario/', resolve(root, 'public/scenario')],
  ['/', out],
];
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.glb': 'model/gltf-binary', '.gml': 'application/gml+xml' };

function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const file = mount ? normalize(join(mount[1], path.slice(mount[0].length))) : '';
    if (!mount || !file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(resolve(root, 'public/scenario/neubau-am-muehlbach.json')) || !existsSync(resolve(root, 'public/tiles/tileset.json'))) {
    console.log('building the demo town, plan and scenario into public/ …');
    spawnSync('npx', ['tsx', 'tools/build-demo.ts'], { cwd: root, stdio: 'inherit' });
  }
  console.log('building the page (production) …');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 100_000, rollupOptions: { input: { scenario: resolve(root, 'tests/bench/scenario/scenario.html') }, treeshake } },
    worker: { format: 'es' },
  });
  const { server, origin } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.TWINBY_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}/tests/bench/scenario/scenario.html`);
    await page.waitForFunction(() => {
      const b = (window as unknown as { bench?: { ready: boolean; error: string | null } }).bench;
      return b && (b.ready || b.error !== null);
    }, undefined, { timeout: 180_000, polling: 100 });
    const error = await page.evaluate(() => (window as unknown as { bench: { error: string | null } }).bench.error);
    if (error) console.log(`note: the page reported an error: ${error}`);
    const order = ['a', 'b', 'bestand'];
    const rows: Array<{ variant: string; ms: number; requests: number; baseTiles: number }> = [];
    for (let i = 0; i < switches; i++) {
      const variant = order[i % order.length];
      const before = requests.length;
      const ms = await page.evaluate((v) => (window as unknown as { bench: { switchTo(v: string): Promise<number> } }).bench.switchTo(v), variant);
      await page.waitForTimeout(300); // late requests would count against this switch
      const made = requests.slice(before).filter((u) => !u.startsWith('blob:'));
      rows.push({ variant, ms, requests: made.length, baseTiles: made.filter((u) => u.includes('/tiles/')).length });
      console.log(`switch ${String(i + 1).padStart(2)} → ${variant.padEnd(8)} ${ms.toFixed(1).padStart(7)} ms to the first frame, ${made.length} network requests (${rows[i].baseTiles} base tiles)`);
    }
    const plain: number[] = [];
    for (let i = 0; i < 5; i++) plain.push(await page.evaluate(() => (window as unknown as { bench: { plainFrame(): Promise<number> } }).bench.plainFrame()));
    const toVariant = rows.filter((r) => r.variant !== 'bestand').map((r) => r.ms);
    console.log(`\nbench:scenario — demo scenario, 800×600, SwiftShader, ${switches} switches`);
    console.log(`median time from switch to first frame: ${median(rows.map((r) => r.ms)).toFixed(1)} ms (to a variant: ${median(toVariant).toFixed(1)} ms; goal < 100 ms)`);
    console.log(`for reference, a frame that changes nothing: ${median(plain).toFixed(1)} ms (SwiftShader draws the whole town in software)`);
    console.log(`network requests during switches: ${rows.reduce((s, r) => s + r.requests, 0)}, of them base tiles: ${rows.reduce((s, r) => s + r.baseTiles, 0)} (goal 0)`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
