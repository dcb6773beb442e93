/**
 * "The same widget, copied under a sub-path of another site, shows a town's existing b3dm tileset and picks its
 * buildings": the library build at /some/path/twinby/, a 3D Tiles 1.0 b3dm tileset as another tool wrote it
 * (tests/browser/fixtures/tiles10: ids in the batch table's gml_id), and a page with one script tag.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';
import { collectErrors, pickBuilding } from './page-pick.ts';

const origin = { lon: 12.152, lat: 48.537, height: 440 };
const rad = Math.PI / 180;
const east = (m: number) => origin.lon + m / (6390000 * Math.cos(origin.lat * rad) * rad);
const south = (m: number) => origin.lat - m / (6370000 * rad);

let site: StaticSite;
let browser: Browser;
beforeAll(async () => {
  const view = [origin.lon, south(150), origin.height + 90, 0, -30].join(',');
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeinde</title>
<script type="module" src="../twinby/twinby.js"></script></head><body><h1>Unsere Gemeinde in 3D</h1>
<twinby-viewer id="v" src="../b3dm/tileset.json" view="${view}" style="--twinby-height: 400px; width: 640px"></twinby-viewer></body></html>`;
  site = await startStaticSite(
    { '/some/path/twinby/': join(inject('twinbyPackage').dir, 'dist-lib'), '/some/path/b3dm/': resolve(import.meta.dirname, '../../browser/fixtures/tiles10') },
    (path) => (path === '/some/path/page/index.html' ? { status: 200, body: html, type: 'text/html' } : undefined),
  );
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

it('shows an existing b3dm tileset and picks its buildings with their batch-table properties', async () => {
  const page = await browser.newPage();
  const errors = await collectErrors(page);
  await page.goto(`${site.origin}/some/path/page/index.html`);
  for (const [m, id, name, height] of [
    [0, 'DEBY_B3DM_2', 'Speicher', 20],
    [30, 'DEBY_B3DM_3', 'Turm', 30],
  ] as const) {
    // the page picks where the building's roof shows, as a click there would
    const attributes = await pickBuilding(page, [east(m), origin.lat, origin.height + height - 0.5], id);
    expect(attributes, `a pick of ${id}; errors: ${errors.join('; ')}`).not.toBeNull();
    expect(attributes!.name).toBe(name);
    expect(attributes!.measuredHeight).toBe(height);
  }
  expect(errors).toEqual([]);
  expect(site.log.filter((r) => r.status !== 200)).toEqual([]);
  expect(site.log.every((r) => r.path.startsWith('/some/path/'))).toBe(true);
  await page.close();
}, 180_000);
