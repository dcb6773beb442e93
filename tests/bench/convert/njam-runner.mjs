// citygml-to-3dtiles (npm, "njam") on one file in its own process, through its documented Node API:
// `node njam-runner.mjs <in> <out> <warm-up> <srsName> <proj4>` (it knows few CRSs, so the file's one is passed in).
// Its own logging goes to stdout; the last line is ours: JSON with seconds (after loading and a warm-up) and maxRSS.
import Converter from 'citygml-to-3dtiles';

const [input, outDir, warmUp, srsName, proj4] = process.argv.slice(2);
const converter = new Converter({ srsProjections: srsName && proj4 ? { [srsName]: proj4 } : {} });
// The same warm-up as TwinBy's runner (the input itself when small; 'none' for whole-process runs).
if (warmUp !== 'none') await converter.convertFiles(warmUp, `${outDir}-warm-up`);
console.log('WARMED UP');
const loadedAt = performance.now();
await converter.convertFiles(input, outDir);
const seconds = (performance.now() - loadedAt) / 1000;
console.log(`BENCH ${JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);
