/**
 * Draco and meshopt decoders that cost nothing until a tile needs one. GLTFLoader asks for a decoder only
 * when a glTF lists the extension; these stand-ins then import the real one (a chunk of its own, the
 * Draco wasm and its wrapper shipped beside the build from three's own folder: no CDN) and hand over.
 * Most towns' tiles use neither, and the initial bundle stays inside its budget.
 */
import type { BufferGeometry } from 'three';

/** DRACOLoader's decoding methods, which three's type declarations leave out. */
type DracoArgs = [buffer: ArrayBuffer, callback: (g: BufferGeometry) => void, attributeIDs?: unknown, attributeTypes?: unknown, colorSpace?: string, onError?: (e: Error) => void];
interface DracoDecoding {
  decodeDracoFile(...args: DracoArgs): Promise<void>;
  decodeGeometry(buffer: ArrayBuffer, taskConfig: object): Promise<BufferGeometry>;
  dispose(): void;
}

let draco: Promise<DracoDecoding> | null = null;

function loadDraco(): Promise<DracoDecoding> {
  draco ??= import('./draco-decoder.js').then((m) => m.createDracoLoader() as unknown as DracoDecoding);
  return draco;
}

/** What GLTFLoader (KHR_draco_mesh_compression) and PNTSLoader (3DTILES_draco_point_compression) call on a DRACOLoader. */
export const lazyDracoLoader = {
  preload(): void {
    void loadDraco();
  },
  decodeDracoFile(...args: DracoArgs): Promise<void> {
    const onError = args[5] ?? (() => {});
    return loadDraco().then(
      (loader) => loader.decodeDracoFile(...args),
      (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
    );
  },
  decodeGeometry(buffer: ArrayBuffer, taskConfig: object): Promise<BufferGeometry> {
    return loadDraco().then((loader) => loader.decodeGeometry(buffer, taskConfig));
  },
  dispose(): void {
    void draco?.then((loader) => loader.dispose());
    draco = null;
  },
};

interface Meshopt {
  ready: Promise<void>;
  decodeGltfBuffer(target: Uint8Array, count: number, size: number, source: Uint8Array, mode: string, filter?: string): void;
}
let meshopt: Promise<Meshopt> | null = null;

/** What GLTFLoader (EXT_meshopt_compression / KHR_meshopt_compression) calls on a MeshoptDecoder. */
export const lazyMeshoptDecoder = {
  supported: true,
  get ready(): Promise<void> {
    return loadMeshopt().then(() => undefined);
  },
  async decodeGltfBufferAsync(count: number, size: number, source: Uint8Array, mode: string, filter?: string): Promise<Uint8Array> {
    const decoder = await loadMeshopt();
    const target = new Uint8Array(count * size);
    decoder.decodeGltfBuffer(target, count, size, source, mode, filter);
    return target;
  },
};

function loadMeshopt(): Promise<Meshopt> {
  meshopt ??= import('three/examples/jsm/libs/meshopt_decoder.module.js').then(async (m) => {
    const decoder = m.MeshoptDecoder as unknown as Meshopt;
    await decoder.ready;
    return decoder;
  });
  return meshopt;
}
