/**
 * One tile's merged geometry + property table → GLB: the glTF JSON with loaders.gl's GLTFScenegraph, the container
 * by glb-container.ts,
 * minding what notes/gltf-metadata.md measured: a FLOAT _FEATURE_ID_0, EXT_mesh_features
 * written by hand with featureCount = distinct features, no empty extensionsRequired,
 * bufferView.target on vertex and index data.
 * The property table is laid out here too, with GLTFScenegraph.addBufferView, not with
 * createExtStructuralMetadata, which (4.5.4) replaces the schema (losing noData), aligns
 * FLOAT64 columns to 4 bytes instead of 8 (Cesium's validator: METADATA_INVALID_ALIGNMENT),
 * and writes a zero-length buffer view for an all-empty string column (glTF forbids it;
 * metadata-schema.ts's NUL noData avoids such columns).
 */
import { assertFiniteArray } from './finite-json';
import { GLTFScenegraph } from '@loaders.gl/gltf';
import { packGlb } from './glb-container';
import { BUILDING_CLASS, column, type FeatureRecord, type MetadataSchema } from './metadata-schema';
import { packUtf8 } from './utf8-strings';

export interface TileGeometry {
  /** glTF y-up, tile-local metres. */
  positions: Float32Array;
  normals: Float32Array;
  /** RGBA, normalized unsigned bytes. */
  colors: Uint8Array;
  /** Feature index per vertex (row in the property table), as float (exact below 2^24). */
  featureIds: Float32Array;
  indices: Uint16Array | Uint32Array;
}

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const UNSIGNED_BYTE = 5121;

export function writeTileGlb(geometry: TileGeometry, features: readonly FeatureRecord[], schema: MetadataSchema): Uint8Array {
  // Given min/max spare loaders.gl a pass over each attribute; only POSITION keeps them (exact float32 values).
  const skip = { min: [0], max: [0] };
  // the last line of defence: readers drop bad buildings, and a NaN must never reach a file
  assertFiniteArray(geometry.positions, 'GLB POSITION');
  assertFiniteArray(geometry.normals, 'GLB NORMAL');
  const [min, max] = positionBounds(geometry.positions);
  const scenegraph = new GLTFScenegraph();
  const material = scenegraph.addMaterial({
    pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 1 },
    // Real data has surfaces wound the wrong way; drawing both sides keeps them visible.
    doubleSided: true,
  });
  // Vertex data is 32 bytes a vertex; pad the index data to a multiple of 8 too, so the property
  // table that follows starts 8-byte aligned (FLOAT64 columns need it; loaders.gl aligns to 4 only).
  const indices = padTo8Bytes(geometry.indices);
  const meshIndex = scenegraph.addMesh({
    attributes: {
      POSITION: { value: geometry.positions, size: 3, min, max },
      NORMAL: { value: geometry.normals, size: 3, ...skip },
      COLOR_0: { value: geometry.colors, size: 4, ...skip },
      _FEATURE_ID_0: { value: geometry.featureIds, size: 1, ...skip },
    },
    indices,
    material,
  } as never);
  const json = scenegraph.json as Record<string, any>;
  const primitive = json.meshes[meshIndex].primitives[0];
  json.accessors[primitive.attributes.COLOR_0].normalized = true;
  json.accessors[primitive.attributes.COLOR_0].componentType = UNSIGNED_BYTE;
  for (const name of Object.keys(primitive.attributes)) {
    const accessor = json.accessors[primitive.attributes[name]];
    json.bufferViews[accessor.bufferView].target = ARRAY_BUFFER;
    // min/max are required on POSITION only; elsewhere they just cost a pass.
    if (name !== 'POSITION') {
      delete accessor.min;
      delete accessor.max;
    }
  }
  const indexAccessor = json.accessors[primitive.indices];
  json.bufferViews[indexAccessor.bufferView].target = ELEMENT_ARRAY_BUFFER;
  indexAccessor.count = geometry.indices.length;
  delete indexAccessor.min;
  delete indexAccessor.max;

  const nodeIndex = scenegraph.addNode({ meshIndex });
  scenegraph.setDefaultScene(scenegraph.addScene({ nodeIndices: [nodeIndex] }));

  scenegraph.addExtension('EXT_structural_metadata', {
    schema: schema.json,
    propertyTables: [writePropertyTable(scenegraph, features, schema)],
  });
  primitive.extensions = {
    EXT_mesh_features: { featureIds: [{ featureCount: features.length, attribute: 0, propertyTable: 0 }] },
  };
  scenegraph.registerUsedExtension('EXT_mesh_features');
  // what GLTFScenegraph.createBinaryChunk records, without building the chunk: packGlb copies each view once
  if (json.buffers?.[0]) json.buffers[0].byteLength = scenegraph.byteLength;
  else json.buffers = [{ byteLength: scenegraph.byteLength }];
  if (Array.isArray(json.extensionsRequired) && json.extensionsRequired.length === 0) delete json.extensionsRequired;
  return packGlb(json, scenegraph.sourceBuffers as (ArrayBufferView | ArrayBuffer)[], scenegraph.byteLength);
}

function positionBounds(p: Float32Array): [number[], number[]] {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = p[i + k];
      if (v < min[k]) min[k] = v;
      if (v > max[k]) max[k] = v;
    }
  }
  return [min, max];
}

const TYPED: Record<string, new (values: number[]) => ArrayBufferView> = { FLOAT64: Float64Array, INT16: Int16Array, UINT8: Uint8Array };

/** The property table: every schema property, FLOAT64 columns first so their views stay 8-byte aligned. */
function writePropertyTable(scenegraph: GLTFScenegraph, features: readonly FeatureRecord[], schema: MetadataSchema): Record<string, unknown> {
  const properties: Record<string, Record<string, unknown>> = {};
  const specs = [...schema.properties].sort((a, b) => Number(b.componentType === 'FLOAT64') - Number(a.componentType === 'FLOAT64'));
  const encoder = new TextEncoder();
  for (const spec of specs) {
    const values = column(spec, features);
    if (spec.type === 'SCALAR') {
      const Typed = TYPED[spec.componentType!];
      properties[spec.id] = { values: scenegraph.addBufferView(new Typed(values as number[]) as never) };
      continue;
    }
    const { data, offsets } = packUtf8(values as string[], encoder);
    properties[spec.id] = {
      values: scenegraph.addBufferView(data as never),
      stringOffsets: scenegraph.addBufferView(offsets as never),
      stringOffsetType: 'UINT32',
    };
  }
  return { class: BUILDING_CLASS, count: features.length, properties };
}

function padTo8Bytes(indices: Uint16Array | Uint32Array): Uint16Array | Uint32Array {
  const perElement = indices.BYTES_PER_ELEMENT;
  const padded = Math.ceil((indices.length * perElement) / 8) * (8 / perElement);
  if (padded === indices.length) return indices;
  const out = indices instanceof Uint16Array ? new Uint16Array(padded) : new Uint32Array(padded);
  out.set(indices);
  return out;
}
