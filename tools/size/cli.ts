// Bundle-size gate of `npm test`: the three-engine widget's initial JS ≤ 250 KB gzip, and no Cesium in it.
import { resolve } from 'node:path';
import { checkBudget, kb, threeEngine, threePathBudget } from './check-budget.ts';
import { measureBundle } from './measure-bundle.ts';

const root = resolve(import.meta.dirname, '../..');
const chunks = await measureBundle(resolve(root, 'src/index.ts'), root, { eager: threeEngine });
chunks.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
console.log('chunk'.padEnd(48), 'raw'.padStart(12), 'gzip'.padStart(12), ' load');
for (const c of chunks) {
  console.log(c.fileName.padEnd(48), kb(c.raw).padStart(12), kb(c.gzip).padStart(12), c.initial ? ' initial' : ' lazy');
}
const result = checkBudget(chunks, threePathBudget);
console.log(`initial JS (element + core + three engine, loaded before the first picture): ${kb(result.initialRaw)} raw, ${kb(result.initialGzip)} gzip; budget ${kb(threePathBudget.maxInitialGzip)} gzip`);
for (const v of result.violations) console.error(`✗ ${v}`);
process.exit(result.violations.length ? 1 : 0);
