/**
 * `npm run bench:offline`: "Für die Sitzung vorbereiten" on the demo tour. Builds the library, serves it under
 * /some/path/ with the demo town, plan and scenario (tests/integration/hosted/offline-page.ts), opens the page
 * in headless Chromium, saves a three-stop tour and prepares it. Prints per run: files and bytes cached, the
 * Cache Storage the origin then uses, and the time to prepare (listing, sizes, download, flying the tour);
 * the median of the runs. A fresh browser context each run, so nothing is cached before. Asserts nothing.
 *
 *   npm run bench:offline [-- --runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { buildTour, recordEvents, startMeetingSite, waitForMeeting } from '../../integration/hosted/offline-page.ts';

const root = resolve(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const out = mkdtempSync(join(tmpdir(), 'twinby-bench-offline-'));
try {
  await build({ configFile: resolve(root, 'vite.config.ts'), root, mode: 'lib', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const site = await startMeetingSite(out);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const rows: Array<{ files: number; bytes: number; stored: number; ms: number }> = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await recordEvents(page);
    await page.goto(`${site.origin}/some/path/page/index.html`);
    await waitForMeeting(page);
    await buildTour(page);
    const row = await page.evaluate(async () => {
      const council = document.querySelector('twinby-council') as any;
      const t0 = performance.now();
      const r = await council.prepareOffline();
      const ms = performance.now() - t0;
      const stored = (await navigator.storage.estimate()).usage ?? 0;
      if (!r) throw new Error(council.shadowRoot.querySelector('.status').textContent);
      return { files: r.files as number, bytes: r.bytes as number, stored, ms };
    });
    rows.push(row);
    console.log(`run ${run + 1}: ${row.files} files, ${(row.bytes / 1e6).toFixed(2)} MB cached (${(row.stored / 1e6).toFixed(2)} MB in Cache Storage), prepared in ${(row.ms / 1000).toFixed(1)} s`);
    await context.close();
  }
  console.log(
    `\nbench:offline, demo tour of 3 stops, median of ${runs}: ${median(rows.map((r) => r.files))} files, ${(median(rows.map((r) => r.bytes)) / 1e6).toFixed(2)} MB cached, ` +
      `prepared in ${(median(rows.map((r) => r.ms)) / 1000).toFixed(1)} s (time includes flying the tour; software rendering)`,
  );
  await browser.close();
  await site.stop();
} finally {
  rmSync(out, { recursive: true, force: true });
}
