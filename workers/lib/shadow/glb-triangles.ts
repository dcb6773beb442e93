/**
 * Triangles and building ids out of one GLB: every TRIANGLES primitive of the default scene, with its
 * node transforms applied (glTF y-up space), the feature of each triangle from `_FEATURE_ID_n` and the
 * feature's id from the EXT_structural_metadata property table (the `id` property, else the first string).
 * Enough glTF for 3D Tiles building content; anything else is a located error, never a hang.
 */
import { multiplyMatrices } from '../../../src/core/geo/enu';

export interface GlbTriangles {
  /** 9 numbers per triangle, glTF scene space (y up). */
  positions: Float64Array;
  /** Row in `ids` per triangle, −1 when the triangle has no feature. */
  feature: Int32Array;
  ids: string[];
}

const GLB_MAGIC = 0x46546c67;
const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 };

type Json = Record<string, any>;

export function readGlbTriangles(bytes: Uint8Array, file: string): GlbTriangles {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || view.getUint32(0, true) !== GLB_MAGIC) throw new Error(`${file}: not a GLB (no glTF magic)`);
  let json: Json | null = null;
  let bin: Uint8Array | null = null;
  for (let offset = 12; offset + 8 <= bytes.byteLength; ) {
    const length = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    const chunk = bytes.subarray(offset + 8, offset + 8 + length);
    if (chunk.byteLength !== length) throw new Error(`${file}: GLB chunk at byte ${offset} is truncated`);
    if (type === 0x4e4f534a) json = JSON.parse(new TextDecoder().decode(chunk)) as Json;
    else if (type === 0x004e4942) bin = chunk;
    offset += 8 + length + ((4 - (length % 4)) % 4);
  }
  if (!json) throw new Error(`${file}: GLB has no JSON chunk`);
  const gltf = json;

  const bufferView = (index: number): Uint8Array => {
    const bv = gltf.bufferViews?.[index];
    if (!bv || !bin || (bv.buffer ?? 0) !== 0) throw new Error(`${file}: bufferView ${index} is missing or not in the GLB's binary chunk`);
    const start = bv.byteOffset ?? 0;
    if (start + bv.byteLength > bin.byteLength) throw new Error(`${file}: bufferView ${index} lies outside the binary chunk`);
    return bin.subarray(start, start + bv.byteLength);
  };

  /** Reads an accessor as plain numbers (normalized integers are not used for positions or ids). */
  const accessor = (index: number): Float64Array => {
    const a = gltf.accessors?.[index];
    if (!a) throw new Error(`${file}: accessor ${index} is missing`);
    const size = COMPONENTS[a.type] ?? 1;
    const out = new Float64Array(a.count * size);
    if (a.bufferView === undefined) return out; // all zeros, per the spec
    const data = bufferView(a.bufferView);
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const componentBytes = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 }[a.componentType as number];
    if (!componentBytes) throw new Error(`${file}: accessor ${index} has unsupported componentType ${a.componentType}`);
    const stride = gltf.bufferViews[a.bufferView].byteStride ?? size * componentBytes;
    const base = a.byteOffset ?? 0;
    if (a.count > 0 && base + (a.count - 1) * stride + size * componentBytes > data.byteLength) {
      throw new Error(`${file}: accessor ${index} reads past its bufferView`);
    }
    for (let i = 0; i < a.count; i++) {
      for (let k = 0; k < size; k++) {
        const at = base + i * stride + k * componentBytes;
        let v: number;
        switch (a.componentType) {
          case 5126: v = dv.getFloat32(at, true); break;
          case 5125: v = dv.getUint32(at, true); break;
          case 5123: v = dv.getUint16(at, true); break;
          case 5122: v = dv.getInt16(at, true); break;
          case 5121: v = dv.getUint8(at); break;
          default: v = dv.getInt8(at);
        }
        out[i * size + k] = v;
      }
    }
    return out;
  };

  const tableIds = new Map<number, string[]>();
  const idsOf = (tableIndex: number): string[] => {
    let ids = tableIds.get(tableIndex);
    if (ids) return ids;
    ids = readIdColumn(gltf, tableIndex, bufferView, file);
    tableIds.set(tableIndex, ids);
    return ids;
  };

  const allIds: string[] = [];
  const idRow = new Map<string, number>();
  const positions: number[] = [];
  const feature: number[] = [];

  const visit = (nodeIndex: number, parent: Float64Array, depth: number): void => {
    if (depth > 64) throw new Error(`${file}: node hierarchy deeper than 64 (a cycle?)`);
    const node = gltf.nodes?.[nodeIndex];
    if (!node) throw new Error(`${file}: node ${nodeIndex} is missing`);
    const world = multiplyMatrices(parent, localMatrix(node));
    if (node.mesh !== undefined) {
      for (const primitive of gltf.meshes?.[node.mesh]?.primitives ?? []) {
        if ((primitive.mode ?? 4) !== 4 || primitive.attributes?.POSITION === undefined) continue;
        const p = accessor(primitive.attributes.POSITION);
        const vertexCount = p.length / 3;
        const index = primitive.indices !== undefined ? accessor(primitive.indices) : null;
        const fid = primitive.extensions?.EXT_mesh_features?.featureIds?.[0];
        const fAttr = fid?.attribute !== undefined ? primitive.attributes[`_FEATURE_ID_${fid.attribute}`] : undefined;
        const fValues = fAttr !== undefined ? accessor(fAttr) : null;
        const ids = fid?.propertyTable !== undefined ? idsOf(fid.propertyTable) : [];
        const count = index ? index.length : vertexCount;
        for (let t = 0; t + 2 < count; t += 3) {
          for (let k = 0; k < 3; k++) {
            const v = index ? index[t + k] : t + k;
            if (v >= vertexCount) throw new Error(`${file}: index ${v} past the ${vertexCount} vertices of mesh ${node.mesh}`);
            const x = p[v * 3], y = p[v * 3 + 1], z = p[v * 3 + 2];
            positions.push(
              world[0] * x + world[4] * y + world[8] * z + world[12],
              world[1] * x + world[5] * y + world[9] * z + world[13],
              world[2] * x + world[6] * y + world[10] * z + world[14],
            );
          }
          const f = fValues ? fValues[index ? index[t] : t] : -1;
          const id = f >= 0 && f !== fid?.nullFeatureId ? (ids[f] ?? `${file}#${f}`) : null;
          if (id === null) feature.push(-1);
          else {
            let row = idRow.get(id);
            if (row === undefined) {
              row = allIds.length;
              allIds.push(id);
              idRow.set(id, row);
            }
            feature.push(row);
          }
        }
      }
    }
    for (const child of node.children ?? []) visit(child, world, depth + 1);
  };
  const scene = gltf.scenes?.[gltf.scene ?? 0];
  const identity = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  for (const n of scene?.nodes ?? []) visit(n, identity, 0);
  return { positions: new Float64Array(positions), feature: new Int32Array(feature), ids: allIds };
}

function localMatrix(node: Json): Float64Array {
  if (Array.isArray(node.matrix)) return new Float64Array(node.matrix);
  const [tx, ty, tz] = node.translation ?? [0, 0, 0];
  const [qx, qy, qz, qw] = node.rotation ?? [0, 0, 0, 1];
  const [sx, sy, sz] = node.scale ?? [1, 1, 1];
  return new Float64Array([
    (1 - 2 * (qy * qy + qz * qz)) * sx, 2 * (qx * qy + qz * qw) * sx, 2 * (qx * qz - qy * qw) * sx, 0,
    2 * (qx * qy - qz * qw) * sy, (1 - 2 * (qx * qx + qz * qz)) * sy, 2 * (qy * qz + qx * qw) * sy, 0,
    2 * (qx * qz + qy * qw) * sz, 2 * (qy * qz - qx * qw) * sz, (1 - 2 * (qx * qx + qy * qy)) * sz, 0,
    tx, ty, tz, 1,
  ]);
}

function readIdColumn(gltf: Json, tableIndex: number, bufferView: (i: number) => Uint8Array, file: string): string[] {
  const ext = gltf.extensions?.EXT_structural_metadata;
  const table = ext?.propertyTables?.[tableIndex];
  if (!table) return [];
  const classProps = ext.schema?.classes?.[table.class]?.properties ?? {};
  const name = table.properties?.id ? 'id' : Object.keys(table.properties ?? {}).find((k) => classProps[k]?.type === 'STRING');
  const column = name ? table.properties[name] : undefined;
  if (!column || column.stringOffsets === undefined) return [];
  const data = bufferView(column.values);
  const raw = bufferView(column.stringOffsets);
  const offsetType = column.stringOffsetType ?? 'UINT32';
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const width = offsetType === 'UINT8' ? 1 : offsetType === 'UINT16' ? 2 : 4;
  const offset = (i: number) => (width === 1 ? dv.getUint8(i) : width === 2 ? dv.getUint16(i * 2, true) : dv.getUint32(i * 4, true));
  if ((table.count + 1) * width > raw.byteLength) throw new Error(`${file}: string offsets of property "${name}" are truncated`);
  const decoder = new TextDecoder();
  const ids: string[] = [];
  for (let i = 0; i < table.count; i++) ids.push(decoder.decode(data.subarray(offset(i), offset(i + 1))));
  return ids;
}
