/**
 * The Draco decoder, imported only when a tile is Draco-compressed (see lazy-decoders.ts). The wasm and
 * its JS wrapper come from three's own folder and are emitted as files of the build, so a page that
 * hosts TwinBy serves them itself.
 */
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import wrapperUrl from 'three/examples/jsm/libs/draco/gltf/draco_wasm_wrapper.js?url';
import wasmUrl from 'three/examples/jsm/libs/draco/gltf/draco_decoder.wasm?url';

export function createDracoLoader(): DRACOLoader {
  const loader = new DRACOLoader();
  loader.setDecoderPath({ js: wrapperUrl, wasm: wasmUrl } as unknown as string);
  loader.setDecoderConfig({ type: 'wasm' });
  return loader;
}
