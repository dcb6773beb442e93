/**
 * TwinBy as an npm package: what `npm pack` ships, its exports and types, and a site that installs it and
 * writes `import 'twinby'` through a bundler (Vite), served from a sub-path, showing a plan through the worker.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../../helpers/chromium.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';

const root = resolve(import.meta.dirname, '../../..');
const elements = ['twinby-viewer', 'twinby-tileset', 'twinby-citygml', 'twinby-plan', 'twinby-wfs', 'twinby-spatial'];

describe('the npm package', () => {
  const pkg = inject('twinbyPackage');

  it('ships the library build, its workers, types, the Custom Elements Manifest and the CLI, and nothing of the repo besides', () => {
    const files = pkg.files;
    for (const f of ['dist-lib/twinby.js', 'dist-lib/types/src/index.d.ts', 'dist-lib/custom-elements.json', 'tools/bin/twinby-convert.mjs', 'dist-cli/cli.mjs', 'dist-cli/convert-worker.mjs', 'dist-cli/convert-run.mjs', 'dist-cli/convert-spawn.mjs', 'dist-cli/egm96-grid.bin', 'dist-cli/THIRD-PARTY-LICENSES.txt', 'workers/lib/convert/convert-citygml.ts', 'package.json', 'README.md']) {
      expect(files, f).toContain(f);
    }
    const workers = files.filter((f) => /^dist-lib\/assets\/[a-z]+\.worker-[\w-]+\.js$/.test(f)).map((f) => f.replace(/^.*\/([a-z]+)\.worker-.*$/, '$1'));
    expect(workers).toEqual(expect.arrayContaining(['citygml', 'data', 'shadow', 'terrain']));
    const stray = files.filter((f) => /^(tests|public|node_modules|\.ci|examples|docs)\//.test(f) || /\.test\.ts$/.test(f) || f.startsWith('.'));
    expect(stray).toEqual([]);
    // the geoid's grid is a binary file beside the converter, not 2.7 MB of base64 in it (tools/package/egm96-grid-plugin.ts)
    const converter = readFileSync(join(pkg.dir, 'dist-cli/convert-run.mjs'), 'utf8');
    expect(converter).toContain('egm96-grid.bin');
    expect(converter).not.toContain('node_modules/rfc4648/');
    expect(converter.length).toBeLessThan(1_500_000);
    // a conversion process starts with the reader only: the converter is loaded with its first conversion job
    const entry = readFileSync(join(pkg.dir, 'dist-cli/convert-worker.mjs'), 'utf8');
    expect(entry).not.toContain('node_modules/proj4/');
    expect(entry.length).toBeLessThan(150_000);
    // the command itself carries no projection library: it only starts conversion processes and writes the root
    const cli = readFileSync(join(pkg.dir, 'dist-cli/cli.mjs'), 'utf8');
    expect(cli).not.toContain('node_modules/proj4/');
    expect(cli.length).toBeLessThan(100_000);
  });

  it('declares exports, module and types that exist in the package', () => {
    const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
    const main = manifest.exports['.'];
    for (const target of [main.types, main.import, main.default, manifest.module, manifest.types, manifest.exports['./custom-elements.json']]) {
      expect(existsSync(join(pkg.dir, target)), target).toBe(true);
    }
    const cem = JSON.parse(readFileSync(join(pkg.dir, manifest.customElements), 'utf8'));
    const tags = cem.modules.flatMap((m: { declarations?: { tagName?: string }[] }) => (m.declarations ?? []).map((d) => d.tagName)).filter(Boolean);
    for (const tag of elements) expect(tags, tag).toContain(tag);
    const viewer = cem.modules.flatMap((m: { declarations?: object[] }) => m.declarations ?? []).find((d: { tagName?: string }) => d.tagName === 'twinby-viewer');
    expect(viewer.attributes.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['src', 'view', 'lang', 'engine']));
    expect(viewer.attributes.some((a: { name: string }) => a.name.startsWith('_'))).toBe(false);
  });

  describe('installed in a site that bundles it', () => {
    let site: StaticSite;
    let browser: Browser;
    let consumer: string;

    beforeAll(async () => {
      // inside the repository, so the consumer's type check finds lit's and three's types as an installed app would
      consumer = mkdtempSync(join(root, '.tmp-consumer-'));
      cpSync(pkg.dir, join(consumer, 'node_modules/twinby'), { recursive: true });
      writeFileSync(
        join(consumer, 'index.html'),
        `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.ts"></script></head>
<body><twinby-viewer src="../tiles/tileset.json" style="--twinby-height: 400px"><twinby-plan src="../plan/xplan-nested-5.4.gml"></twinby-plan></twinby-viewer></body></html>`,
      );
      writeFileSync(
        join(consumer, 'main.ts'),
        `import 'twinby';
import { TwinbyViewer, formatView } from 'twinby';
const viewer: TwinbyViewer = document.querySelector('twinby-viewer')!;
// the tag name map types createElement; the view helpers come with the element
const typed: TwinbyViewer = document.createElement('twinby-viewer');
viewer.addEventListener('twinby-ready', () => void viewer.flyTo({ lon: 12.152, lat: 48.5355, height: 560, heading: 0, pitch: -38 }));
export const home = formatView({ lon: 12.152, lat: 48.5355, height: 560, heading: 0, pitch: -38 });
export { typed };
`,
      );
      mkdirSync(join(consumer, 'site'));
      await build({ root: consumer, base: './', configFile: false, logLevel: 'warn', build: { outDir: join(consumer, 'site/app'), emptyOutDir: true } });
      site = await startStaticSite({
        '/gemeinde/3d/app/': join(consumer, 'site/app'),
        '/gemeinde/3d/tiles/': join(root, 'tests/browser/fixtures/town'),
        '/gemeinde/3d/plan/': join(root, 'tests/fixtures/wfs'),
      });
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await site?.stop();
      if (consumer) rmSync(consumer, { recursive: true, force: true });
    });

    it('runs `twinby-convert` as the package ships it: built JavaScript, no TypeScript CLI beside it', () => {
      const bin = join(consumer, 'node_modules/twinby/tools/bin/twinby-convert.mjs');
      expect(existsSync(join(consumer, 'node_modules/twinby/tools/convert/cli.ts'))).toBe(false);
      const out = join(consumer, 'tiles-out');
      const input = join(root, 'tests/fixtures/citygml/adv-lod2-citygml1.gml');
      execFileSync(process.execPath, [bin, input, '--out', out, '--json'], { encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
      const tileset = JSON.parse(readFileSync(join(out, 'tileset.json'), 'utf8'));
      expect(tileset.asset.version).toMatch(/^1\./);
      expect(tileset.root.children?.length ?? (tileset.root.content ? 1 : 0)).toBeGreaterThan(0);
    }, 180_000);

    it("type-checks `import { TwinbyViewer } from 'twinby'` against the package's own types", () => {
      writeFileSync(
        join(consumer, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['main.ts'] }),
      );
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      expect(() => execFileSync(process.execPath, [tsc, '-p', join(consumer, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
    }, 120_000);

    it('the bundled site, under a sub-path, loads the worker it bundled and shows the plan', async () => {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      const errors: string[] = [];
      page.on('console', (m) => errors.push(m.text()));
      await page.addInitScript(() => {
        const w = window as unknown as { __events: string[] };
        w.__events = [];
        for (const type of ['twinby-ready', 'twinby-plan-load', 'twinby-error']) document.addEventListener(type, (e) => { w.__events.push(type); if (type === 'twinby-error') console.error((e as CustomEvent).detail?.message); }, true);
      });
      await page.goto(`${site.origin}/gemeinde/3d/app/index.html`);
      await page.waitForFunction(() => (window as unknown as { __events: string[] }).__events.some((e) => e === 'twinby-plan-load' || e === 'twinby-error'), undefined, { timeout: 60_000, polling: 100 });
      const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
      expect(events, errors.join('\n')).toContain('twinby-plan-load');
      expect(events).not.toContain('twinby-error');
      expect(site.log.filter((r) => r.status !== 200)).toEqual([]);
      expect(failed).toEqual([]);
      expect(site.log.some((r) => /\/assets\/[a-z]+\.worker-[\w-]+\.js$/.test(r.path))).toBe(true);
      await page.close();
    }, 120_000);
  });
});
