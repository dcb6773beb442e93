// Generates the synthetic demo town and converts it into public/tiles/ (the embedded default),
// and writes its synthetic Bebauungsplan into public/plan/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { convertCityGML } from '../workers/lib/convert/convert-citygml.ts';
import { generateTown } from './make-demo/generate-town.ts';
import { demoPlan } from './make-demo-plan/plan-layout.ts';
import { writeDemoBasemap } from './make-basemap/make-basemap.ts';
import { writeDemoDgm } from './make-terrain/demo-dgm.ts';
import { writeDemoQuantizedMesh } from './make-terrain/demo-quantized-mesh.ts';
import { writeXPlanGml } from './make-demo-plan/xplangml-writer.ts';
import { demoScenario } from './make-demo-scenario/demo-scenario.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'public/tiles');
const planFile = resolve(root, 'public/plan/am-muehlbach.xplan.gml');
const scenarioFile = resolve(root, 'public/scenario/neubau-am-muehlbach.json');
const buildings = Number(process.env.TWINBY_DEMO_BUILDINGS ?? 400);
const seed = Number(process.env.TWINBY_DEMO_SEED ?? 1);

async function* encode(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield encoder.encode(chunk);
}

const started = performance.now();
await rm(out, { recursive: true, force: true });
const summary = await convertCityGML(encode(generateTown({ buildings, seed })), {
  async write(path, bytes) {
    const target = resolve(out, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  },
}, { file: 'demo-town.gml' });
await writeFile(resolve(out, 'README.md'), 'Generated demo tileset (`npm start` writes it here from `tools/make-demo`). Not committed.\n');
if (summary.error) {
  console.error(`Demo conversion failed: ${summary.error.message}`);
  process.exit(1);
}
const basemapTiles = await writeDemoBasemap(resolve(out, 'basemap'));
const dgm = await writeDemoDgm(resolve(out, 'terrain/isarbach-dgm.tif'));
const meshTiles = await writeDemoQuantizedMesh(resolve(out, 'terrain/quantized-mesh'));
await mkdir(dirname(planFile), { recursive: true });
await writeFile(planFile, writeXPlanGml(demoPlan()));
await mkdir(dirname(scenarioFile), { recursive: true });
await writeFile(scenarioFile, JSON.stringify(demoScenario(), null, 2) + '\n');
console.log(
  `Demo town: ${summary.buildings} buildings, ${summary.tiles} tiles, ${summary.triangles} triangles, base map ${basemapTiles} tiles, terrain ${dgm.columns} × ${dgm.rows} (quantized-mesh: ${meshTiles} tiles) in ${((performance.now() - started) / 1000).toFixed(1)} s → public/tiles/, Bebauungsplan → public/plan/, scenario → public/scenario/`,
);
