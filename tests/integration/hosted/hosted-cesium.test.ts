/**
 * engine="cesium" from the library build under a sub-path of another site, offline: Cesium's workers and assets
 * load from the build's own cesium-static/ folder, no request leaves 127.0.0.1 (no ion, Bing or CDN), and a
 * building is picked with its attributes.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { collectErrors, pickBuilding } from './page-pick.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';

const root = resolve(import.meta.dirname, '../../..');
const town = resolve(root, 'tests/browser/fixtures/town');

const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeinde</title>
<script type="module" src="../twinby/twinby.js"></script></head><body>
<twinby-viewer id="v" engine="cesium" src="../tiles/tileset.json" style="--twinby-height: 400px"></twinby-viewer></body></html>`;

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const lib = join(inject('twinbyPackage').dir, 'dist-lib');
  site = await startStaticSite({ '/some/path/twinby/': lib, '/some/path/tiles/': town }, (path) =>
    path === '/some/path/page/index.html' ? { status: 200, body: html, type: 'text/html' } : undefined,
  );
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

it('engine="cesium" loads its chunk, workers and assets from the build folder, asks nothing of the internet and picks a building', async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.origin) && !/^(data|blob):/.test(url)) outside.push(url);
  });
  // a request that would leave the machine fails at once instead of waiting on a network the test has none of
  await page.route((url) => !url.href.startsWith(site.origin), (route) => route.abort());
  const errors = await collectErrors(page);
  await page.goto(`${site.origin}/some/path/page/index.html`);
  const { buildings } = JSON.parse(readFileSync(join(town, 'buildings.json'), 'utf8')) as { buildings: Array<{ id: string; lon: number; lat: number; ground: number; height: number }> };
  const b = buildings[2];
  const attributes = await pickBuilding(page, [b.lon, b.lat, b.ground + b.height / 2], b.id);
  expect(errors).toEqual([]);
  expect(attributes).toMatchObject({ id: b.id });
  expect(await page.evaluate(() => (document.getElementById('v') as unknown as { activeEngine?: { name: string } }).activeEngine?.name)).toBe('cesium');
  expect(outside).toEqual([]);
  const cesiumFiles = site.log.filter((r) => r.path.startsWith('/some/path/twinby/cesium-static/'));
  // the heightmap worker (the ground) and the terrain-heights table (draped overlays) came from the build folder
  expect(cesiumFiles.some((r) => r.path.includes('/Workers/') && r.status === 200)).toBe(true);
  expect(cesiumFiles.some((r) => r.path.endsWith('/Assets/approximateTerrainHeights.json') && r.status === 200)).toBe(true);
  expect(site.log.filter((r) => r.status >= 400)).toEqual([]);
  await page.close();
}, 180_000);
