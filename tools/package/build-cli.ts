/**
 * `npm run build:cli` (part of prepack): the twinby-convert CLI, its conversion process and the small module that
 * starts one as plain JavaScript files in dist-cli/, so the published command starts without compiling TypeScript on every run
 * (tsx took ~1.5 s of a 3.5 s conversion of 40 MB). Dependencies are bundled too: resolving and loading
 * loaders.gl's hundreds of modules cost each conversion ~0.4 s of CPU before it read a byte.
 * Their licence texts go to dist-cli/THIRD-PARTY-LICENSES.txt.
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EGM96_GRID_FILE, egm96GridFile } from './egm96-grid-plugin';

const root = resolve(import.meta.dirname, '../..');
export const CLI_DIR = resolve(root, 'dist-cli');
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

export async function buildCli(outdir = CLI_DIR): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    // convert-process.ts forks `new URL('./convert-worker.mjs', import.meta.url)`: the process's file sits beside the CLI's
    // convert-spawn: the bin starts the first conversion process with it before cli.mjs has loaded
    entryPoints: {
      cli: resolve(root, 'tools/convert/cli.ts'),
      'convert-worker': resolve(root, 'tools/convert/convert-worker.ts'),
      // the converter, which convert-worker.mjs loads with its first conversion job (a reading process never does)
      'convert-run': resolve(root, 'tools/convert/convert-run.ts'),
      'convert-spawn': resolve(root, 'tools/convert/convert-spawn.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __twinbyRequire } from 'node:module';\nconst require = __twinbyRequire(import.meta.url);" },
    legalComments: 'none',
    // the geoid grid as a binary file beside the thread, not 2.7 MB of base64 in it
    plugins: [egm96GridFile(outdir)],
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, LICENSES_FILE), licenceTexts(result.metafile));
  return [...Object.keys(result.metafile.outputs), ...[EGM96_GRID_FILE, LICENSES_FILE].map((f) => relative(process.cwd(), join(outdir, f)))];
}

/** The licence of every package the bundle took code from, with its name and version. */
function licenceTexts(metafile: Metafile): string {
  // package folder (relative to the project, nested node_modules kept) → package name
  const packages = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const path = input.replaceAll('\\', '/');
    const at = path.lastIndexOf('node_modules/');
    const m = at < 0 ? null : /^(?:@[^/]+\/)?[^/]+/.exec(path.slice(at + 'node_modules/'.length));
    if (m) packages.set(path.slice(0, at + 'node_modules/'.length) + m[0], m[0]);
  }
  const sections = [...packages].sort((a, b) => a[1].localeCompare(b[1])).map(([folder, name]) => {
    const dir = join(root, folder);
    const info = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; license?: string };
    const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${info.license ?? 'see the package'}`;
    return `${name} ${info.version ?? ''}\n${'-'.repeat(name.length)}\n${text}\n`;
  });
  return `twinby-convert bundles code from these packages:\n\n${sections.join('\n')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const file of await buildCli()) console.log(`twinby-convert: ${file}`);
}
