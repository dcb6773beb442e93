/**
 * The demo page's plan is fetched once and read once: the plan layer, the spatial panel (plan-src) and the
 * scenario (its base plan) all show it, from one request in the server's log, read in the page's one data
 * worker. The library build is hosted under a sub-path, as a municipal site would.
 */
import { describe, expect, it } from 'vitest';
import { recordEvents, waitForMeeting } from './offline-page.ts';
import { useMeetingSite } from './meeting-site.ts';

describe('one plan file on the demo page', () => {
  const held = useMeetingSite();

  it('is fetched once and read once for the plan layer, the spatial panel and the scenario', async () => {
    const context = await held.browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const p = await context.newPage();
      const workers: string[] = [];
      p.on('worker', (w) => workers.push(w.url()));
      await recordEvents(p);
      await p.goto(`${held.site.origin}/some/path/analysis/index.html`);
      await waitForMeeting(p);
      // the spatial panel is ready when its footprints and its plan are in the worker
      await p.evaluate(() => customElements.whenDefined('twinby-spatial').then(() => (document.querySelector('twinby-spatial') as any).ready));
      const zones = await p.evaluate(() => [...(document.querySelector('twinby-spatial') as any).shadowRoot.querySelectorAll('option')].filter((o: Element) => /^(Baufenster|Baugebiet) /.test(o.textContent!)).length);
      expect(zones).toBeGreaterThan(0);
      const errors = (await p.evaluate(() => (window as any).events)).filter((e: { type: string }) => e.type === 'twinby-error');
      expect(errors).toEqual([]);
      const planRequests = held.site.log.filter((r) => r.path === '/some/path/plan/am-muehlbach.xplan.gml');
      expect(planRequests).toHaveLength(1);
      // one data worker serves all three (the sun's shadow worker and conversions aside)
      expect(workers.filter((u) => /\/data\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
      expect(workers.some((u) => /\/(gml|spatial|scenario)\.worker-/.test(u))).toBe(false);
    } finally {
      await context.close();
    }
  });
});
