/**
 * The GLB container (glTF 2.0 §4.4): a 12-byte header, the JSON chunk padded with spaces, the BIN chunk. Written here
 * in one buffer because loaders.gl's GLTFWriter.encodeSync copies the binary chunk four times and stringifies the JSON
 * twice (createBinaryChunk, once per metadata extension encoder, the sizing pass): 4.8 % of a conversion.
 */
const MAGIC_GLTF = 0x46546c67;
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

const encoder = new TextEncoder();

/**
 * `json.buffers[0].byteLength` must be `binLength`; `views` are laid out in order, each starting at a multiple of 4
 * (GLTFScenegraph.addBufferView's offsets), zeros between them.
 */
export function packGlb(json: object, views: readonly (ArrayBufferView | ArrayBuffer)[], binLength: number): Uint8Array {
  const text = encoder.encode(JSON.stringify(json));
  const jsonLength = pad4(text.byteLength);
  const binPadded = pad4(binLength);
  // a BIN chunk even when empty, as loaders.gl writes it
  const total = 12 + 8 + jsonLength + 8 + binPadded;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC_GLTF, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLength, true);
  dv.setUint32(16, CHUNK_JSON, true);
  out.set(text, 20);
  out.fill(0x20, 20 + text.byteLength, 20 + jsonLength);
  const bin = 20 + jsonLength;
  dv.setUint32(bin, binPadded, true);
  dv.setUint32(bin + 4, CHUNK_BIN, true);
  let at = bin + 8;
  for (const source of views) {
    const view = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
    if (at + view.byteLength > bin + 8 + binLength) throw new RangeError(`GLB: buffer views overrun the ${binLength}-byte BIN chunk`);
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    at += pad4(view.byteLength);
  }
  return out;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}
