import type { ChunkSize } from './measure-bundle.ts';

export interface BudgetOptions {
  /** Largest allowed gzip size of the initial JS, bytes. */
  maxInitialGzip: number;
  /** Module ids that must never be in the initial JS. */
  forbidden: RegExp;
}

export interface BudgetResult {
  initialGzip: number;
  initialRaw: number;
  violations: string[];
}

/** Cesium (npm cesium, @cesium/*, or our Cesium engine) must stay behind a dynamic import. */
export const cesiumModules = /[\\/]node_modules[\\/](cesium|@cesium[\\/][^\\/]+)[\\/]|[\\/]src[\\/]engines[\\/]cesium[\\/]/;

/** The default engine's entry module: its chunk loads with every viewer, so it counts as initial. */
export const threeEngine = /[\\/]src[\\/]engines[\\/]three[\\/]index\.ts$/;

export const threePathBudget: BudgetOptions = { maxInitialGzip: 250 * 1024, forbidden: cesiumModules };

export function checkBudget(chunks: ChunkSize[], options: BudgetOptions): BudgetResult {
  const initial = chunks.filter((c) => c.initial);
  const initialGzip = initial.reduce((s, c) => s + c.gzip, 0);
  const initialRaw = initial.reduce((s, c) => s + c.raw, 0);
  const violations: string[] = [];
  if (initialGzip > options.maxInitialGzip) {
    violations.push(`initial JS is ${kb(initialGzip)} gzip, over the budget of ${kb(options.maxInitialGzip)}`);
  }
  for (const c of initial) {
    const bad = c.modules.filter((m) => options.forbidden.test(m));
    if (bad.length) violations.push(`${c.fileName} (initial) contains ${bad.length} forbidden modules, e.g. ${bad[0]}`);
  }
  return { initialGzip, initialRaw, violations };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
