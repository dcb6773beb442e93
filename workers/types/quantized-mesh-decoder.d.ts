// 3d-tiles-renderer's engine-free quantized-mesh decoder (exported by its core plugins, typed nowhere in the package).
export {};

declare module '3d-tiles-renderer/core/plugins' {
  export interface QuantizedMeshData {
    header: { center: number[]; minHeight: number; maxHeight: number; sphereCenter: number[]; sphereRadius: number; horizonOcclusionPoint: number[] };
    /** Triangle corners (vertex numbers). */
    indices: Uint16Array | Uint32Array;
    /** u, v and height per vertex, each 0–1 across the tile and its height range. */
    vertexData: { u: Float32Array; v: Float32Array; height: Float32Array };
    edgeIndices: { westIndices: Uint16Array | Uint32Array; southIndices: Uint16Array | Uint32Array; eastIndices: Uint16Array | Uint32Array; northIndices: Uint16Array | Uint32Array };
    extensions: Record<string, unknown>;
  }
  export class QuantizedMeshLoaderBase {
    parse(buffer: ArrayBuffer): QuantizedMeshData;
  }
}
