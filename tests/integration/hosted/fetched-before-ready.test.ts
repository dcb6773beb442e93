/**
 * The size gate as a browser meets it: the library build on a page with only <twinby-viewer> and a tileset.
 * Every script the page has fetched when twinby-ready fires is counted (gzip, level 6, as a server would send
 * it); the sum stays under 250 KB, and no plan, WFS, spatial or scenario code is among it. The static gate
 * (tools/size) counts the entry's imports; this one counts what actually arrives.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';

const BUDGET = 250 * 1024;
const root = resolve(import.meta.dirname, '../../..');
const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeinde</title>
<script type="module" src="../twinby/twinby.js"></script></head><body>
<twinby-viewer src="../tiles/tileset.json" style="--twinby-height: 400px"></twinby-viewer></body></html>`;

let site: StaticSite;
let browser: Browser;
let lib = '';
beforeAll(async () => {
  lib = join(inject('twinbyPackage').dir, 'dist-lib');
  site = await startStaticSite({ '/site/twinby/': lib, '/site/tiles/': resolve(root, 'tests/browser/fixtures/town') }, (path) =>
    path === '/site/page/index.html' ? { status: 200, body: page, type: 'text/html' } : undefined,
  );
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

it('a page with only a viewer fetches under 250 KB gzip of script before twinby-ready, and no plan, spatial or scenario code', async () => {
  const p = await browser.newPage();
  await p.addInitScript(() => {
    document.addEventListener(
      'twinby-ready',
      () => {
        const w = window as unknown as { __scripts: string[] };
        w.__scripts = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.m?js(\?|$)/.test(n));
      },
      { capture: true, once: true },
    );
  });
  await p.goto(`${site.origin}/site/page/index.html`);
  const scripts = (await p.waitForFunction(() => (window as unknown as { __scripts?: string[] }).__scripts, undefined, { timeout: 120_000, polling: 100 }).then((h) => h.jsonValue())) as string[];
  await p.close();
  const files = scripts.map((url) => new URL(url).pathname.replace('/site/twinby/', ''));
  const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(lib, f)), { level: 6 }).length }));
  const total = sizes.reduce((s, f) => s + f.gzip, 0);
  console.log(`scripts fetched before twinby-ready: ${files.length}, ${(total / 1024).toFixed(1)} KB gzip\n${sizes.map((s) => `  ${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join('\n')}`);
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => /(plan|wfs|spatial|scenario|gml|council|sun)[-.]/i.test(f)), 'layer code a page without those layers fetched').toEqual([]);
  expect(total).toBeLessThan(BUDGET);
}, 180_000);
