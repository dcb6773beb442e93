// twinby-convert as users run it, in a process of its own, for whole-process timings:
// `node cli-runner.mjs <in> <out> [built|source]`. Loads the CLI the way tools/bin/twinby-convert.mjs does: `built` is
// the published package's dist-cli/ (npm run build:cli), `source` a checkout's TypeScript through tsx. Runs it with
// --json (its summary on stdout), then prints one line of ours: `BENCH {"maxRssBytes":…}` (worker threads included).
const [input, outDir, form = 'built'] = process.argv.slice(2);
const { main } =
  form === 'built'
    ? await import('../../../dist-cli/cli.mjs')
    : await (await import('tsx/esm/api')).tsImport('../../../tools/convert/cli.ts', import.meta.url);
const code = await main([input, '--out', outDir, '--json', '--force']);
console.log(`BENCH ${JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);
process.exitCode = code;
