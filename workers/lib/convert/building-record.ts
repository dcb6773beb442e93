/**
 * One converted building as one self-contained byte record (SpillStore's unit):
 * header (5 × u32: vertices, indices, doubles, JSON bytes, LoD), padding to 8, then
 * doubles (model, anchor, bbox, ground height, footprint), positions f32, indices u32,
 * normals i8, surfaces u8, and the id and attributes as JSON. Decoding gives views on one buffer.
 */
import type { BuildingMesh } from '../mesh/building-mesh';

/** A BuildingMesh rebuilt as views on a buffer (a record, or the arena), plus the model matrix. */
export interface BuildingView {
  mesh: BuildingMesh;
  model: Float64Array;
}

/** A building's feature record and model, without its geometry: what a parent tile's LoD1 block needs of it. */
export interface BuildingFeature {
  id: string;
  lod: number;
  attributes: BuildingMesh['attributes'];
  model: Float64Array;
}

const HEADER = 24;
/** The header and the model: the first bytes of a record. */
export const FEATURE_HEAD_BYTES = HEADER + 27 * 8;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeBuilding(mesh: BuildingMesh, model: Float64Array, footprint: Float64Array[][]): Uint8Array {
  const flat = flattenFootprint(footprint);
  const nv = mesh.positions.length / 3;
  const ni = mesh.indices.length;
  const nd = 37 + flat.length;
  const json = encoder.encode(JSON.stringify([mesh.id, mesh.attributes]));
  const size = HEADER + nd * 8 + nv * 12 + ni * 4 + nv * 4 + json.length;
  const buffer = new ArrayBuffer(size);
  new Uint32Array(buffer, 0, 5).set([nv, ni, nd, json.length, mesh.lod]);
  let o = HEADER;
  const d = new Float64Array(buffer, o, nd);
  d.set(model, 0);
  d.set(mesh.anchor, 27);
  d.set(mesh.bbox, 30);
  d[36] = mesh.groundHeight;
  d.set(flat, 37);
  o += nd * 8;
  new Float32Array(buffer, o, nv * 3).set(mesh.positions);
  o += nv * 12;
  new Uint32Array(buffer, o, ni).set(mesh.indices);
  o += ni * 4;
  new Int8Array(buffer, o, nv * 3).set(mesh.normals);
  o += nv * 3;
  new Uint8Array(buffer, o, nv).set(mesh.surfaces);
  o += nv;
  new Uint8Array(buffer, o).set(json);
  return new Uint8Array(buffer);
}

/** `bytes` must start at offset 0 of its own buffer (SpillFile.read gives a fresh one). */
export function decodeBuilding(bytes: Uint8Array): BuildingView {
  if (bytes.byteOffset !== 0) bytes = bytes.slice();
  const buffer = bytes.buffer;
  const [nv, ni, nd, nj, lod] = new Uint32Array(buffer, 0, 5);
  let o = HEADER;
  const d = new Float64Array(buffer, o, nd);
  o += nd * 8;
  const positions = new Float32Array(buffer, o, nv * 3);
  o += nv * 12;
  const indices = new Uint32Array(buffer, o, ni);
  o += ni * 4;
  const normals = new Int8Array(buffer, o, nv * 3);
  o += nv * 3;
  const surfaces = new Uint8Array(buffer, o, nv);
  o += nv;
  const [id, attributes] = JSON.parse(decoder.decode(new Uint8Array(buffer, o, nj))) as [string, BuildingMesh['attributes']];
  return {
    model: d.subarray(0, 27),
    mesh: {
      id,
      attributes,
      lod,
      line: 0,
      column: 0,
      anchor: d.subarray(27, 30),
      bbox: d.subarray(30, 36),
      groundHeight: d[36],
      positions,
      normals,
      surfaces,
      indices,
      footprint: readFootprint(d, 37),
    },
  };
}

/** Bytes of the record's JSON (id and attributes), at its end, from its first FEATURE_HEAD_BYTES. */
export function featureJsonBytes(head: Uint8Array): number {
  const h = head.byteOffset % 4 ? head.slice(0, HEADER) : head;
  return new Uint32Array(h.buffer, h.byteOffset, 5)[3];
}

/** The feature from the record's head (FEATURE_HEAD_BYTES, at offset 0 of its own buffer) and its JSON tail. */
export function decodeFeature(head: Uint8Array, json: Uint8Array): BuildingFeature {
  if (head.byteOffset !== 0) head = head.slice();
  const lod = new Uint32Array(head.buffer, 0, 5)[4];
  const [id, attributes] = JSON.parse(decoder.decode(json)) as [string, BuildingMesh['attributes']];
  return { id, lod, attributes, model: new Float64Array(head.buffer, HEADER, 27) };
}

/** [polygons, then per polygon: rings, then per ring: vertex count, x, y, …] (as GeometryArena). */
export function flattenFootprint(footprint: Float64Array[][]): Float64Array {
  let n = 1;
  for (const poly of footprint) {
    n += 1;
    for (const ring of poly) n += 1 + ring.length;
  }
  const out = new Float64Array(n);
  let k = 0;
  out[k++] = footprint.length;
  for (const poly of footprint) {
    out[k++] = poly.length;
    for (const ring of poly) {
      out[k++] = ring.length / 2;
      out.set(ring, k);
      k += ring.length;
    }
  }
  return out;
}

export function readFootprint(d: Float64Array, start: number): Float64Array[][] {
  let k = start;
  const polygons: Float64Array[][] = [];
  const count = d[k++];
  for (let p = 0; p < count; p++) {
    const rings: Float64Array[] = [];
    const ringCount = d[k++];
    for (let r = 0; r < ringCount; r++) {
      const n = d[k++] * 2;
      rings.push(d.subarray(k, k + n));
      k += n;
    }
    polygons.push(rings);
  }
  return polygons;
}
