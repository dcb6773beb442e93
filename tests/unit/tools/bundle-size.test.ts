// The bundle gate of `npm test`, shown to fail when Cesium leaks into the three path.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget, threePathBudget } from '../../../tools/size/check-budget.ts';
import { measureBundle, type ChunkSize } from '../../../tools/size/measure-bundle.ts';

const root = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => resolve(root, 'tests/fixtures/size', name);

describe('bundle gate', () => {
  it('refuses a static Cesium import in the three path', async () => {
    const chunks = await measureBundle(fixture('three-with-cesium.ts'), root);
    const result = checkBudget(chunks, threePathBudget);
    expect(result.violations.join('\n')).toMatch(/forbidden modules, e\.g\. .*@cesium[\\/]engine/);
  }, 120_000);

  it('accepts Cesium behind a dynamic import and measures it as lazy', async () => {
    const chunks = await measureBundle(fixture('three-with-lazy-cesium.ts'), root);
    const result = checkBudget(chunks, threePathBudget);
    expect(result.violations).toEqual([]);
    const lazy = chunks.filter((c) => !c.initial);
    expect(lazy.some((c) => c.modules.some((m) => threePathBudget.forbidden.test(m)))).toBe(true);
    expect(result.initialGzip).toBeGreaterThan(50 * 1024); // three itself is in there
  }, 120_000);

  it('refuses an initial chunk over the gzip budget', () => {
    const chunk = (gzip: number, initial: boolean): ChunkSize => ({ fileName: `c${gzip}.js`, raw: gzip * 4, gzip, initial, modules: [] });
    expect(checkBudget([chunk(200 * 1024, true), chunk(60 * 1024, true)], threePathBudget).violations[0]).toMatch(/over the budget/);
    expect(checkBudget([chunk(200 * 1024, true), chunk(900 * 1024, false)], threePathBudget).violations).toEqual([]);
  });
});
