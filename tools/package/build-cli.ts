/**
 * `npm run build:cli` (part of prepack): the twinby-convert CLI and its conversion thread as two plain
 * JavaScript files in dist-cli/, so the published command starts without compiling TypeScript on every run
 * (tsx took ~1.5 s of a 3.5 s conversion of 40 MB). Dependencies stay imports of the installed packages.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const CLI_DIR = resolve(root, 'dist-cli');

export async function buildCli(outdir = CLI_DIR): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    // convert-pool.ts starts `new URL('./convert-worker.mjs', import.meta.url)`: the thread's file sits beside the CLI's
    entryPoints: { cli: resolve(root, 'tools/convert/cli.ts'), 'convert-worker': resolve(root, 'tools/convert/convert-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.outputs);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const file of await buildCli()) console.log(`twinby-convert: ${file}`);
}
