/** For hosted-page tests: collect twinby-error messages, and pick a building where its point shows on screen. */
import type { Page } from 'playwright-core';

/** Starts collecting the page's twinby-error messages; call before page.goto. */
export async function collectErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  await page.exposeFunction('__twinbyError', (m: string) => errors.push(m));
  await page.addInitScript(() => document.addEventListener('twinby-error', (e) => (window as unknown as { __twinbyError(m: string): void }).__twinbyError(String((e as CustomEvent).detail?.message)), true));
  return errors;
}

/**
 * Picks at the screen point of lon/lat/height in the viewer #v until building `id` answers (tiles arrive in their
 * own time; bounded by `limitMs`); its attributes, or null.
 */
export async function pickBuilding(page: Page, at: [number, number, number], id: string, limitMs = 90_000): Promise<Record<string, unknown> | null> {
  let attributes: Record<string, unknown> | null = null;
  for (const started = Date.now(); !attributes && Date.now() - started < limitMs; await new Promise((r) => setTimeout(r, 250))) {
    attributes = await page.evaluate(
      async ([lon, lat, h, want]) => {
        type Engine = { projectToScreen(a: number, b: number, c: number): { x: number; y: number } | null; pick(x: number, y: number): Promise<{ id: string; attributes: Record<string, unknown> } | null>; requestRender(): void };
        const engine = (document.getElementById('v') as unknown as { activeEngine?: Engine }).activeEngine;
        if (!engine) return null;
        engine.requestRender();
        const point = engine.projectToScreen(lon as number, lat as number, h as number);
        const pick = point ? await engine.pick(point.x, point.y) : null;
        return pick?.id === want ? pick.attributes : null;
      },
      [...at, id] as const,
    );
  }
  return attributes;
}
