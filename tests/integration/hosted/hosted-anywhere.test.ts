/**
 * "Copy the whole folder to your web server": the library build served under /some/path/ of another
 * site, a page there with one script tag, a tileset and a plan. Its chunks and workers must load from
 * where twinby.js is, not from the site root. The build is the one `npm pack` puts in the package.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';

const root = resolve(import.meta.dirname, '../../..');
const town = resolve(root, 'tests/browser/fixtures/town');
const plans = resolve(root, 'tests/fixtures/wfs');

/** A worker entry file of the build (assets/data.worker-….js), not a chunk that merely has "worker" in its name. */
const workerFile = /\/assets\/[a-z]+\.worker-[\w-]+\.js$/;

const page = (script: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeinde</title>
<script type="module" src="${script}"></script></head><body><h1>Unsere Gemeinde</h1>
<twinby-viewer id="v" src="../tiles/tileset.json" style="--twinby-height: 400px">
  <twinby-plan src="../plan/xplan-nested-5.4.gml"></twinby-plan>
</twinby-viewer></body></html>`;

type Outcome = { events: { type: string; message?: string }[] };

async function openAndCollect(browser: Browser, url: string): Promise<{ page: Page; outcome: () => Promise<Outcome> }> {
  const p = await browser.newPage();
  await p.addInitScript(() => {
    const w = window as unknown as { __events: { type: string; message?: string }[] };
    w.__events = [];
    for (const type of ['twinby-ready', 'twinby-plan-load', 'twinby-error']) {
      document.addEventListener(type, (e) => w.__events.push({ type, message: (e as CustomEvent).detail?.message }), true);
    }
  });
  await p.goto(url);
  return { page: p, outcome: async () => ({ events: await p.evaluate(() => (window as unknown as Outcome & { __events: Outcome['events'] }).__events) }) };
}

describe('the library build hosted under a sub-path of another site', () => {
  let site: StaticSite;
  let browser: Browser;
  let brokenWorker = false;

  beforeAll(async () => {
    const lib = join(inject('twinbyPackage').dir, 'dist-lib');
    site = await startStaticSite(
      {
        '/some/path/twinby/': lib,
        '/some/path/tiles/': town,
        '/some/path/plan/': plans,
        '/other/path/twinby/': lib,
        '/other/path/tiles/': town,
        '/other/path/plan/': plans,
      },
      (path) => {
        if (path === '/some/path/page/index.html') return { status: 200, body: page('../twinby/twinby.js'), type: 'text/html' };
        if (path === '/other/path/page/index.html') return { status: 200, body: page('../twinby/twinby.js'), type: 'text/html' };
        // the second site's host lost the worker files
        if (brokenWorker && path.startsWith('/other/path/twinby/') && workerFile.test(path)) return { status: 404, body: 'gone' };
        return undefined;
      },
    );
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('loads its chunks and the plan worker from its own folder and shows the plan', async () => {
    const { page: p, outcome } = await openAndCollect(browser, `${site.origin}/some/path/page/index.html`);
    await p.waitForFunction(
      () => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'twinby-plan-load' || e.type === 'twinby-error'),
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const { events } = await outcome();
    expect(events.filter((e) => e.type === 'twinby-error')).toEqual([]);
    expect(events.map((e) => e.type)).toContain('twinby-plan-load');
    const workers = site.log.filter((r) => workerFile.test(r.path));
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((r) => r.path.startsWith('/some/path/twinby/') && r.status === 200)).toBe(true);
    expect(site.log.filter((r) => r.status === 404)).toEqual([]);
    await p.close();
  }, 120_000);

  it('a worker file the host does not serve gives twinby-error and the viewer goes on', async () => {
    brokenWorker = true;
    const { page: p, outcome } = await openAndCollect(browser, `${site.origin}/other/path/page/index.html`);
    await p
      .waitForFunction(
        () => {
          const types = (window as unknown as { __events: { type: string }[] }).__events.map((e) => e.type);
          return types.includes('twinby-error') && types.includes('twinby-ready');
        },
        undefined,
        { timeout: 60_000, polling: 100 },
      )
      .catch(async (err) => {
        throw new Error(`${err.message}; events so far: ${JSON.stringify((await outcome()).events)}`);
      });
    const { events } = await outcome();
    expect(events.map((e) => e.type)).toContain('twinby-ready');
    expect(events.find((e) => e.type === 'twinby-error')?.message).toMatch(/worker/i);
    expect(site.log.some((r) => r.path.startsWith('/other/path/twinby/') && workerFile.test(r.path) && r.status === 404)).toBe(true);
    await p.close();
  }, 120_000);
});
