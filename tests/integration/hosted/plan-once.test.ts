/**
 * The demo page's plan is fetched once and read once: the plan layer, the spatial panel (plan-src) and the
 * scenario (its base plan) all show it, from one request in the server's log, read in the page's one data
 * worker. The library build is hosted under a sub-path, as a municipal site would.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { recordEvents, startMeetingSite, waitForMeeting } from './offline-page.ts';
import type { StaticSite } from './static-site.ts';

describe('one plan file on the demo page', () => {
  let site: StaticSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startMeetingSite(join(inject('twinbyPackage').dir, 'dist-lib'));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('is fetched once and read once for the plan layer, the spatial panel and the scenario', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const p = await context.newPage();
      const workers: string[] = [];
      p.on('worker', (w) => workers.push(w.url()));
      await recordEvents(p);
      await p.goto(`${site.origin}/some/path/analysis/index.html`);
      await waitForMeeting(p);
      // the spatial panel is ready when its footprints and its plan are in the worker
      await p.evaluate(() => customElements.whenDefined('twinby-spatial').then(() => (document.querySelector('twinby-spatial') as any).ready));
      const zones = await p.evaluate(() => [...(document.querySelector('twinby-spatial') as any).shadowRoot.querySelectorAll('option')].filter((o: Element) => /^(Baufenster|Baugebiet) /.test(o.textContent!)).length);
      expect(zones).toBeGreaterThan(0);
      const errors = (await p.evaluate(() => (window as any).events)).filter((e: { type: string }) => e.type === 'twinby-error');
      expect(errors).toEqual([]);
      const planRequests = site.log.filter((r) => r.path === '/some/path/plan/am-muehlbach.xplan.gml');
      expect(planRequests).toHaveLength(1);
      // one data worker serves all three (the sun's shadow worker and conversions aside)
      expect(workers.filter((u) => /\/data\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
      expect(workers.some((u) => /\/(gml|spatial|scenario)\.worker-/.test(u))).toBe(false);
    } finally {
      await context.close();
    }
  });
});
