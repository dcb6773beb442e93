import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { mapServerCommands } from './tests/integration/mapserver/browser-commands';
import { basemapCommands } from './tests/integration/basemap/browser-commands';
import { kindsCommands } from './tests/browser/fixtures/kinds/browser-commands';
import { terrainCommands } from './tests/browser/fixtures/terrain/browser-commands';
import { chromiumArgs, chromiumPath } from './tests/helpers/chromium';
import { DEMO_PREBUNDLE } from './vite.config';
import { cesiumAssetsPlugin } from './tools/package/cesium-assets-plugin';

export default defineConfig({
  // Cesium's workers and assets at …/cesium-static/ (the Cesium engine finds them beside its module)
  plugins: [cesiumAssetsPlugin()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // the shared real samples take minutes on a busy machine: their own layer, with generous limits
          exclude: ['tests/unit/real-data/**'],
          testTimeout: 30_000,
          globalSetup: ['tests/helpers/validator-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'real-data',
          environment: 'node',
          include: ['tests/unit/real-data/**/*.test.ts'],
          testTimeout: 30 * 60_000,
          hookTimeout: 30 * 60_000,
          globalSetup: ['tests/helpers/validator-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          environment: 'node',
          include: ['tests/reliability/**/*.test.ts'],
          testTimeout: 30 * 60_000,
          hookTimeout: 5 * 60_000,
          globalSetup: ['tests/helpers/validator-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          // the package as npm publishes it (npm pack), built once for the hosted-library tests
          globalSetup: ['tests/integration/hosted/library-build.ts'],
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // SwiftShader on a loaded 2-core machine occasionally misses a frame deadline; a test must pass
          // in one of three tries (a real failure fails all three). The flakes seen are listed in the notes.
          retry: 2,
        },
      },
      {
        extends: true,
        // Pre-bundle every browser dependency up front, workers' and lazy ones included: one discovered late on
        // a fresh clone makes Vite re-optimise mid-run, and imports of the old bundle then fail.
        optimizeDeps: { include: ['@cesium/engine', ...DEMO_PREBUNDLE] },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          // one file at a time: files in parallel share one Chromium and its WebGL contexts (three, Cesium,
          // iframes), and a software-rendered context starved by the others made runs flaky
          fileParallelism: false,
          // SwiftShader on a loaded 2-core machine occasionally misses a frame deadline; a test must pass
          // in one of three tries (a real failure fails all three). The flakes seen are listed in the notes.
          retry: 2,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
            // a real MapServer for the WFS tests, started and stopped from the page
            commands: { ...mapServerCommands, ...basemapCommands, ...kindsCommands, ...terrainCommands },
          },
        },
      },
    ],
  },
});
