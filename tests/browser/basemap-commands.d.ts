// Types of the browser commands in tests/integration/basemap/browser-commands.ts.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Starts MapServer (WMS) and MapProxy (WMTS, EPSG:25832 and 3857) on a synthetic raster; fails when either is missing. */
    startRasterServers: () => Promise<{ wms: string; wmts: string }>;
    stopWmts: (wmts: string) => Promise<void>;
    stopRasterServers: (wmts: string) => Promise<void>;
  }
}
