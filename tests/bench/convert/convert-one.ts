// One TwinBy conversion in its own process, so its peak RSS is its own: `node --import tsx convert-one.ts <in> <out> <warm-up>`.
// Prints one JSON line: the summary's counts, seconds (conversion only, after loading and a warm-up) and maxRSS in bytes.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { directorySink } from '../../../tools/convert/fs-sink';

const [input, outDir, warmUp] = process.argv.slice(2);
if (!input || !outDir || !warmUp) throw new Error('usage: convert-one.ts <input.gml> <out-dir> <warm-up.gml|none>');
await rm(outDir, { recursive: true, force: true });
// Warm-up (the input itself when small): lazy modules, CRS and geoid set-up and the JIT settle before the clock starts.
// 'none': no warm-up (whole-process runs, timed by the bench from spawn to exit).
if (warmUp !== 'none') await convertCityGML(createReadStream(warmUp), { write() {} }, { file: 'warm-up' });
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
