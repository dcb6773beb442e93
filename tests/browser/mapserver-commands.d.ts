// Types of the browser commands in tests/integration/mapserver/browser-commands.ts, for `commands` from 'vitest/browser'.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Starts a real MapServer with a fixture mapfile (e.g. "town-plan.map"); fails when /usr/bin/mapserv is missing. */
    startMapServer: (mapfile: string) => Promise<{ url: string }>;
    /** Stops it: its port closes, so later requests fail as against a server that went away. */
    stopMapServer: (url: string) => Promise<void>;
  }
}
