// twinby-convert as users run it, in a process of its own, for whole-process timings:
// `node cli-runner.mjs <in> <out>`. Loads the CLI the way tools/bin/twinby-convert.mjs does, runs it with --json
// (its summary on stdout), then prints one line of ours: `BENCH {"maxRssBytes":…}` (the process, worker threads included).
import { tsImport } from 'tsx/esm/api';

const [input, outDir] = process.argv.slice(2);
const { main } = await tsImport('../../../tools/convert/cli.ts', import.meta.url);
const code = await main([input, '--out', outDir, '--json', '--force']);
console.log(`BENCH ${JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);
process.exitCode = code;
