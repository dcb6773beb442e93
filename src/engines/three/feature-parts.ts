import { BufferAttribute, InstancedBufferAttribute, type InstancedMesh, type Mesh, type Object3D, type Points, type PointsMaterial, type Texture } from 'three';
import { batchTableAccessor, type BatchTableAccessor, type BatchTableLike } from './batch-table-features.js';

/** The parts of 3d-tiles-renderer's FeatureTable (3D Tiles 1.0) we read. */
interface FeatureTableLike {
  getData(key: string, count?: number, componentType?: string, type?: string): unknown;
}

/** The parts of 3d-tiles-renderer's StructuralMetadata property tables we use. */
export type PropertyTableAccessor = BatchTableAccessor;
interface StructuralMetadataLike {
  tableAccessors: PropertyTableAccessor[];
}
interface MeshFeaturesLike {
  getFeatureInfo(): Array<{ propertyTable?: number | null; attribute?: number | null; texture?: { index: number; texCoord: number; channels: number[] } | null }>;
  getTextures(): Array<Texture | null>;
}

/** Something drawn whose vertices (or instances, or points) carry a `_feature_id_0`. */
export type FeatureDrawable = Mesh | Points;

/** One id space in a tile: the drawables whose `_feature_id_0` index the same property table. */
export interface FeaturePart {
  /** The object the part hangs from (a 1.0 content's scene, or the glTF scene). */
  root: Object3D;
  drawables: FeatureDrawable[];
  table: PropertyTableAccessor | null;
  /** Rows in the id space. */
  count: number;
}

type LegacyRoot = Object3D & { batchTable?: BatchTableLike; featureTable?: FeatureTableLike };

/** Point clouds without a size of their own draw as 3-pixel dots (1-pixel points vanish on projectors). */
const POINT_SIZE = 3;

/**
 * Splits a freshly parsed tile scene into feature parts:
 * - 3D Tiles 1.0 b3dm (`_BATCHID` per vertex), i3dm (one feature per instance, or its BATCH_ID),
 *   pnts (BATCH_ID per point, or one feature per point) and every inner tile of a cmpt, each with its batch table;
 * - glTF with EXT_mesh_features `_feature_id_0` and an EXT_structural_metadata property table.
 * Names the id attribute `_feature_id_0` everywhere (the feature shader, picking and the ground model read it).
 */
export function featureParts(scene: Object3D): FeaturePart[] {
  const parts: FeaturePart[] = [];
  const legacy: LegacyRoot[] = [];
  scene.traverse((o) => {
    const root = o as LegacyRoot;
    if (root.batchTable || root.featureTable) legacy.push(root);
  });
  const claimed = new Set<Object3D>();
  for (const root of legacy) {
    const part = legacyPart(root);
    for (const d of part?.drawables ?? []) claimed.add(d);
    if (part) parts.push(part);
  }
  const gltf = gltfPart(scene, claimed);
  if (gltf) parts.push(gltf);
  return parts;
}

function legacyPart(root: LegacyRoot): FeaturePart | null {
  const table = batchTableAccessor(root.batchTable);
  const drawables: FeatureDrawable[] = [];
  let count = table?.count ?? 0;
  root.traverse((o) => {
    const instanced = o as InstancedMesh;
    const points = o as Points;
    const mesh = o as Mesh;
    if (instanced.isInstancedMesh) {
      const ids = batchIds(root.featureTable, instanced.count);
      instanced.geometry.setAttribute('_feature_id_0', new InstancedBufferAttribute(ids, 1));
      count = Math.max(count, maxId(ids) + 1);
      drawables.push(instanced);
    } else if (points.isPoints) {
      const n = points.geometry.getAttribute('position').count;
      const ids = batchIds(root.featureTable, n);
      points.geometry.setAttribute('_feature_id_0', new BufferAttribute(ids, 1));
      count = Math.max(count, maxId(ids) + 1);
      const material = points.material as PointsMaterial;
      if (material.isPointsMaterial && material.size === 1 && material.sizeAttenuation) {
        material.size = POINT_SIZE;
        material.sizeAttenuation = false;
      }
      drawables.push(points);
    } else if (mesh.isMesh) {
      const batchId = mesh.geometry.getAttribute('_batchid');
      if (batchId && !mesh.geometry.getAttribute('_feature_id_0')) mesh.geometry.setAttribute('_feature_id_0', batchId);
      if (!mesh.geometry.getAttribute('_feature_id_0')) return;
      drawables.push(mesh);
    }
  });
  if (drawables.length === 0) return null;
  return { root, drawables, table, count };
}

/** BATCH_ID per instance or point when the feature table has one, otherwise each is its own feature. */
function batchIds(featureTable: FeatureTableLike | undefined, n: number): Float32Array {
  const ids = new Float32Array(n);
  const given = featureTable?.getData('BATCH_ID', n, 'UNSIGNED_SHORT', 'SCALAR') as ArrayLike<number> | null | undefined;
  for (let i = 0; i < n; i++) ids[i] = given && given.length >= n ? given[i] : i;
  return ids;
}

function maxId(ids: Float32Array): number {
  let max = -1;
  for (const id of ids) if (id > max) max = id;
  return max;
}

function gltfPart(scene: Object3D, claimed: Set<Object3D>): FeaturePart | null {
  const drawables: FeatureDrawable[] = [];
  let tableIndex: number | null = null;
  scene.traverse((o) => {
    const mesh = o as Mesh;
    if (claimed.has(o) || !(mesh.isMesh || (o as Points).isPoints)) return;
    const info = (mesh.userData.meshFeatures as MeshFeaturesLike | undefined)?.getFeatureInfo()[0];
    const byAttribute = Boolean(mesh.geometry.getAttribute('_feature_id_0'));
    // feature ids in a texture: picked by texel (picking.ts), styled per fragment (texture-feature-material.ts)
    const byTexture = !byAttribute && Boolean(info?.texture);
    if (!byAttribute && !byTexture) return;
    if (byTexture) {
      const texture = (mesh.userData.meshFeatures as MeshFeaturesLike).getTextures()[info!.texture!.index];
      // styling reads TEXCOORD_0 only; other sets are still picked
      const styled = texture && info!.texture!.texCoord === 0 ? { texture, channels: info!.texture!.channels } : null;
      mesh.userData.twinbyTextureIds = styled ?? true;
    }
    drawables.push(mesh);
    if (tableIndex === null && typeof info?.propertyTable === 'number') tableIndex = info.propertyTable;
  });
  if (drawables.length === 0) return null;
  const metadata = scene.userData.structuralMetadata as StructuralMetadataLike | undefined;
  const table = metadata && tableIndex !== null ? (metadata.tableAccessors[tableIndex] ?? null) : null;
  let count = table?.count ?? 0;
  if (!table) {
    // ids without a property table: size the texture by the largest id in use
    for (const d of drawables) {
      const ids = d.geometry.getAttribute('_feature_id_0');
      for (let i = 0; i < (ids?.count ?? 0); i++) count = Math.max(count, ids.getX(i) + 1);
    }
  }
  return { root: scene, drawables, table, count };
}
