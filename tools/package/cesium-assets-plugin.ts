/**
 * Cesium fetches its Workers, ThirdParty files and Assets at run time (src/engines/cesium/cesium-setup.ts).
 * This plugin puts them in a build as `cesium-static/` beside the chunk that names that folder (the Cesium
 * engine's), in the library build (dist-lib/) and the demo build (dist/assets/) alike, and serves the same
 * folder in dev (Vite and vitest's browser mode) at any path ending in `/cesium-static/…`.
 * All of Assets/ goes along: the scene asks for the ICRF tables (IAU2006_XYS) as well (the hosted test saw it).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix, resolve } from 'node:path';
import type { Plugin } from 'vite';

const cesiumRoot = resolve(import.meta.dirname, '../../node_modules/@cesium/engine');
/** Folder in the build → folder in the package. */
export const CESIUM_STATIC_DIRS: Record<string, string> = {
  Workers: join(cesiumRoot, 'Build/Workers'),
  ThirdParty: join(cesiumRoot, 'Build/ThirdParty'),
  Assets: join(cesiumRoot, 'Source/Assets'),
};
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

function* walk(dir: string, prefix: string): Generator<[string, string]> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = `${prefix}/${name}`;
    if (statSync(path).isDirectory()) yield* walk(path, rel);
    else yield [rel, path];
  }
}

/** Every file of the static folder as [path inside cesium-static/, file on disk]. */
export function cesiumStaticFiles(): Array<[string, string]> {
  return Object.entries(CESIUM_STATIC_DIRS).flatMap(([name, dir]) => [...walk(dir, name)]);
}

export function cesiumAssetsPlugin(): Plugin {
  return {
    name: 'twinby-cesium-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/cesium-static\/(Workers|ThirdParty|Assets)\/([^?#]+)/.exec(req.url ?? '');
        if (!m || m[2].split('/').includes('..')) return next();
        const file = join(CESIUM_STATIC_DIRS[m[1]], decodeURIComponent(m[2]));
        if (!existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk' && out.code.includes('cesium-static/')) dirs.add(posix.dirname(out.fileName));
      }
      if (!dirs.size) return;
      const files = cesiumStaticFiles();
      for (const dir of dirs) {
        for (const [rel, path] of files) this.emitFile({ type: 'asset', fileName: posix.join(dir, 'cesium-static', rel), source: readFileSync(path) });
      }
    },
  };
}
