/**
 * Vitest browser commands (they run in Node, next to vitest) that start and stop the MapServer
 * harness for browser tests, so that a page can talk to a real WFS and see it go away.
 * Registered in vitest.config.ts; their types are in tests/browser/mapserver-commands.d.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserCommand } from 'vitest/node';
import { startMapServer, type MapServer } from './mapserver-harness';

const MAPFILES = fileURLToPath(new URL('../../fixtures/wfs/mapserver/', import.meta.url));
const running = new Map<string, MapServer>();

/** Starts MapServer with one of the fixture mapfiles (a bare name like "town-plan.map"); resolves with its WFS URL. */
const startMapServerCommand: BrowserCommand<[mapfile: string], { url: string }> = async (_ctx, mapfile) => {
  // only the project's fixture mapfiles: a page must not choose files on this machine
  if (!/^[\w-]+\.map$/.test(mapfile)) throw new Error(`startMapServer: "${mapfile}" is not a mapfile name in tests/fixtures/wfs/mapserver`);
  if (!existsSync(MAPFILES + mapfile)) throw new Error(`startMapServer: no ${mapfile} in tests/fixtures/wfs/mapserver`);
  const server = await startMapServer(MAPFILES + mapfile);
  running.set(server.url, server);
  return { url: server.url };
};

/** Stops the server behind `url` (its port closes, running requests are cut); a second stop does nothing. */
const stopMapServerCommand: BrowserCommand<[url: string], void> = async (_ctx, url) => {
  const server = running.get(url);
  running.delete(url);
  await server?.stop();
};

export const mapServerCommands = {
  startMapServer: startMapServerCommand,
  stopMapServer: stopMapServerCommand,
};
