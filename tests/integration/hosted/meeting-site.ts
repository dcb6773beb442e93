/** The meeting site (offline-page.ts) and a Chromium, started once per test file and stopped after it. */
import { afterAll, beforeAll, inject } from 'vitest';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { startMeetingSite } from './offline-page.ts';
import type { StaticSite } from './static-site.ts';

export function useMeetingSite(): { site: StaticSite; browser: Browser } {
  const held = {} as { site: StaticSite; browser: Browser };
  beforeAll(async () => {
    held.site = await startMeetingSite(join(inject('twinbyPackage').dir, 'dist-lib'));
    held.browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 300_000);
  afterAll(async () => {
    await held.browser?.close();
    await held.site?.stop();
  });
  return held;
}
