// Types of the browser command in tests/browser/fixtures/terrain/browser-commands.ts.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Writes the quantized-mesh hill fixture ('broken': one listed level has no tiles) and returns its layer.json URL. */
    writeQuantizedTerrain: (name: 'hill' | 'broken') => Promise<string>;
  }
}
