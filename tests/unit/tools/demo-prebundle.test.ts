// The demo's first use must not reload the page: Vite's dev server re-optimises (and reloads) when it meets
// a bare import it did not pre-bundle, e.g. @loaders.gl/gltf inside the CityGML worker when a file is first
// picked. So every bare import of src/ and workers/ (static, dynamic, in workers and lazy chunks) is listed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig, { DEMO_PREBUNDLE } from '../../../vite.config';

const root = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

function bareImports(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sources(join(root, 'src')), ...sources(join(root, 'workers'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^'.][^']*)'|import\(\s*'([^'.][^']*)'\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('node:')) found.add(spec);
    }
  }
  return found;
}

describe('demo pre-bundling', () => {
  it('lists every bare import of the page, its lazy chunks and its workers', () => {
    const imports = bareImports();
    expect(imports.size).toBeGreaterThan(8);
    expect(imports).toContain('@loaders.gl/gltf');
    const missing = [...imports].filter((spec) => !DEMO_PREBUNDLE.includes(spec) && !spec.startsWith('@cesium/'));
    expect(missing).toEqual([]);
  });

  it('the dev-server config uses the list', () => {
    const config = typeof viteConfig === 'function' ? viteConfig({ mode: 'development', command: 'serve' }) : viteConfig;
    expect((config as { optimizeDeps?: { include?: string[] } }).optimizeDeps?.include).toEqual(DEMO_PREBUNDLE);
  });
});
