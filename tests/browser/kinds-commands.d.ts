// Types of the browser command in tests/browser/fixtures/kinds/browser-commands.ts.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Writes a fixture tileset (tests/browser/fixtures/kinds/sets.ts) and returns its tileset.json URL. */
    writeTileFixture: (name: string) => Promise<string>;
  }
}
