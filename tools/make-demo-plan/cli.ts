/**
 * npx tsx tools/make-demo-plan/cli.ts [--out public/plan/am-muehlbach.xplan.gml] [--origin 724000,5377500]
 * Writes the demo town's synthetic Bebauungsplan "Am Mühlbach" as XPlanGML 6.0 (a static file: no server needed).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { demoPlan } from './plan-layout';
import { writeXPlanGml } from './xplangml-writer';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = resolve(import.meta.dirname, '../..');
const out = resolve(option('out') ?? resolve(root, 'public/plan/am-muehlbach.xplan.gml'));
const originText = option('origin');
const origin = originText ? (originText.split(',').map(Number) as [number, number]) : undefined;
if (origin && (origin.length !== 2 || !origin.every(Number.isFinite))) {
  console.error('make-demo-plan: --origin must be "east,north"');
  process.exit(2);
}
const plan = demoPlan(origin);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, writeXPlanGml(plan));
const v = plan.violation;
console.log(
  `make-demo-plan: "${plan.name}" with ${plan.areas.length} Baugebietsteilflächen, ${plan.windows.length} Baufenster, ${plan.lines.length} Baugrenzen and Baulinien → ${out}` +
    ` (${v.buildingId} is ${v.height} m high in ${v.windowId}, limit ${v.limit} m)`,
);
