/**
 * Serves browser/index.html with vite (the real worker, as in the app) plus the synthetic data, opens
 * it in Debian's Chromium through playwright-core and returns the page's figures.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer, type Plugin } from 'vite';
import { encodeFootprints } from '../../../workers/lib/footprints/footprint-codec';
import { createRandom, createSyntheticPlan, createSyntheticTown, ORIGIN, townSide } from './synthetic-town';
import { randomArea } from './node-bench';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium';

const root = resolve(import.meta.dirname, '../../..');

export async function runBrowserBench(n: number): Promise<Record<string, unknown>> {
  const footprints = Buffer.from(encodeFootprints(createSyntheticTown(n)));
  const plan = createSyntheticPlan(n, 100);
  const side = townSide(n);
  const rnd = createRandom(7);
  const queries = {
    boxes: Array.from({ length: 200 }, () => {
      const x = ORIGIN[0] + rnd() * (side - 100);
      const y = ORIGIN[1] + rnd() * (side - 100);
      return [x, y, x + 100, y + 100];
    }),
    areas: Array.from({ length: 50 }, () => randomArea(rnd, side).map((p) => p.map((r) => Array.from(r)))),
    points: Array.from({ length: 200 }, () => [ORIGIN[0] + rnd() * side, ORIGIN[1] + rnd() * side]),
  };
  const planJson = JSON.stringify({ epsg: plan.epsg, zones: plan.zones.map((z) => ({ ...z, polygons: z.polygons.map((p) => p.map((r) => Array.from(r))) })) });
  const data: Plugin = {
    name: 'twinby-bench-data',
    configureServer(server) {
      server.middlewares.use('/__bench', (req, res) => {
        const body = req.url === '/footprints.bin' ? footprints : req.url === '/plan.json' ? planJson : req.url === '/queries.json' ? JSON.stringify(queries) : null;
        if (body === null) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('content-type', req.url!.endsWith('.bin') ? 'application/octet-stream' : 'application/json');
        res.end(body);
      });
    },
  };
  const server = await createServer({ configFile: false, root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 }, plugins: [data], worker: { format: 'es' } });
  await server.listen();
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${url}tests/bench/spatial/browser/index.html`);
    await page.waitForFunction(() => window.__benchResult !== undefined, undefined, { timeout: 600_000, polling: 500 });
    return (await page.evaluate(() => window.__benchResult)) as Record<string, unknown>;
  } finally {
    await browser.close();
    await server.close();
  }
}
