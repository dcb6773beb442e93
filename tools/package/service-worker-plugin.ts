/**
 * Puts TwinBy's Service Worker (src/element/council/twinby-sw.js, a classic script with no imports) into a
 * build as `twinby-sw.js`, beside the chunk that registers it: that chunk finds it with
 * new URL('twinby-sw.js', import.meta.url), in the library build (dist-lib/) and the demo build (dist/assets/)
 * alike. A fixed name (no hash): a page may name it in `sw-url`, and a host may copy it elsewhere.
 */
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { Plugin } from 'vite';

export const SERVICE_WORKER_SOURCE = resolve(import.meta.dirname, '../../src/element/council/twinby-sw.js');

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'twinby-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk' && out.code.includes('twinby-sw.js')) dirs.add(posix.dirname(out.fileName));
      }
      const source = readFileSync(SERVICE_WORKER_SOURCE, 'utf8');
      for (const dir of dirs) this.emitFile({ type: 'asset', fileName: posix.join(dir, 'twinby-sw.js'), source });
    },
  };
}
