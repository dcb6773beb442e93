/**
 * Vitest browser commands (run in Node) that start and stop the raster services of basemap-servers.ts,
 * so a page can draw a real WMS/WMTS and see one go away. Types: tests/browser/basemap-commands.d.ts.
 */
import type { BrowserCommand } from 'vitest/node';
import { startRasterServers, type RasterServers } from './basemap-servers';

const running = new Map<string, RasterServers>();

const startRasterServersCommand: BrowserCommand<[], { wms: string; wmts: string }> = async () => {
  const servers = await startRasterServers();
  running.set(servers.wmts, servers);
  return { wms: servers.wms, wmts: servers.wmts };
};

/** Stops the WMTS (MapProxy) behind `wmts`; MapServer keeps running. */
const stopWmtsCommand: BrowserCommand<[wmts: string], void> = async (_ctx, wmts) => {
  await running.get(wmts)?.stopWmts();
};

const stopRasterServersCommand: BrowserCommand<[wmts: string], void> = async (_ctx, wmts) => {
  const servers = running.get(wmts);
  running.delete(wmts);
  await servers?.stop();
};

export const basemapCommands = {
  startRasterServers: startRasterServersCommand,
  stopWmts: stopWmtsCommand,
  stopRasterServers: stopRasterServersCommand,
};
