/**
 * The Draco decoder, imported only when a tile is Draco-compressed (see lazy-decoders.ts). three's
 * DRACOLoader finds its wasm and JS in three's own folder (new URL(…, import.meta.url)): the demo build
 * emits them as files beside the chunk, the library build inlines them into this lazy chunk, so the
 * decoder works from any path of any site and never comes from a CDN.
 */
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';

export function createDracoLoader(): DRACOLoader {
  return new DRACOLoader();
}
