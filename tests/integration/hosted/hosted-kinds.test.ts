/**
 * The library build hosted under a sub-path shows tiles that need a decoder: Draco- and meshopt-compressed
 * glTF (tests/browser/fixtures/kinds/gltf-ext-set.ts). The decoders come with the build (no CDN, nothing
 * from the site root) and the compressed buildings are picked with their properties.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';
import { collectErrors, pickBuilding } from './page-pick.ts';
import { gltfExtensionsSet } from '../../browser/fixtures/kinds/gltf-ext-set.ts';
import { dracoBoxes, meshoptBoxes } from '../../browser/fixtures/kinds/gltf-ext-values.ts';
import { origin } from '../../browser/fixtures/kinds/geo.ts';

const rad = Math.PI / 180;
const lonAt = (east: number) => origin.lon + east / (6390000 * Math.cos(origin.lat * rad) * rad);
const latAt = (north: number) => origin.lat + north / (6370000 * rad);

describe('compressed tiles through the library build under a sub-path', () => {
  let site: StaticSite;
  let browser: Browser;
  let tiles: string;

  beforeAll(async () => {
    tiles = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'twinby-kinds-'));
    for (const [path, data] of Object.entries(await gltfExtensionsSet())) {
      mkdirSync(dirname(join(tiles, path)), { recursive: true });
      writeFileSync(join(tiles, path), data);
    }
    const view = [origin.lon, latAt(-150), origin.height + 90, 0, -30].join(',');
    const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeinde</title>
<script type="module" src="../twinby/twinby.js"></script></head><body>
<twinby-viewer id="v" src="../gltf/tileset.json" view="${view}" style="--twinby-height: 400px; width: 640px"></twinby-viewer></body></html>`;
    site = await startStaticSite(
      { '/some/path/twinby/': join(inject('twinbyPackage').dir, 'dist-lib'), '/some/path/gltf/': tiles },
      (path) => (path === '/some/path/page/index.html' ? { status: 200, body: html, type: 'text/html' } : undefined),
    );
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    rmSync(tiles, { recursive: true, force: true });
  });

  it('decodes Draco and meshopt tiles and picks their buildings', async () => {
    const page = await browser.newPage();
    const errors = await collectErrors(page);
    await page.goto(`${site.origin}/some/path/page/index.html`);
    for (const b of [dracoBoxes[0], meshoptBoxes[1]]) {
      const attributes = await pickBuilding(page, [lonAt(b.east), latAt(b.north), origin.height + b.height - 0.5], b.id, 60_000);
      expect(attributes, `a pick of ${b.id}; errors: ${errors.join('; ')}`).not.toBeNull();
      expect(attributes!.name).toBe(b.name);
    }
    expect(errors).toEqual([]);
    expect(site.log.filter((r) => r.status !== 200)).toEqual([]);
    expect(site.log.every((r) => r.path.startsWith('/some/path/'))).toBe(true);
    await page.close();
  }, 180_000);
});
