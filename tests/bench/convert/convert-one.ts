// One TwinBy conversion in its own process, so its peak RSS is its own: `node --import tsx convert-one.ts <in> <out>`.
// Prints one JSON line: the summary's counts, seconds (conversion only, after loading and a warm-up) and maxRSS in bytes.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { directorySink } from '../../../tools/convert/fs-sink';

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) throw new Error('usage: convert-one.ts <input.gml> <out-dir>');
await rm(outDir, { recursive: true, force: true });
// Warm-up on a small fixture: lazy modules (geoid grid, GLB writer) load and the JIT settles before the clock starts.
const warmUp = new URL('../../fixtures/citygml/adv-lod2-citygml1.gml', import.meta.url);
await convertCityGML(createReadStream(warmUp), { write() {} }, { file: 'warm-up' });
const loadedAt = performance.now();
const summary = await convertCityGML(createReadStream(input, { highWaterMark: 1 << 20 }), directorySink(outDir), { file: input });
const seconds = (performance.now() - loadedAt) / 1000;
console.log(
  JSON.stringify({
    seconds,
    startupSeconds: loadedAt / 1000,
    buildings: summary.buildings,
    triangles: summary.triangles,
    tiles: summary.tiles,
    bytesRead: summary.bytesRead,
    bytesWritten: summary.bytesWritten,
    error: summary.error?.message,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
