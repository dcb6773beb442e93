import { Raycaster, Vector2, type Camera, type Intersection, type Object3D, type Vector3 } from 'three';
import type { FeatureAttributes } from '../../core/index.js';
import type { TileFeatures } from './tile-features.js';

const _ndc = new Vector2();
const raycaster = new Raycaster();

/** Client (viewport) coordinates → normalised device coordinates of a canvas. */
export function clientToNdc(canvas: HTMLCanvasElement, clientX: number, clientY: number, target: Vector2): Vector2 | null {
  const rect = canvas.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return null;
  return target.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
}

/** Every hit under a client point, nearest first. */
export function raycastAt(canvas: HTMLCanvasElement, camera: Camera, root: Object3D, clientX: number, clientY: number): Intersection[] {
  if (!clientToNdc(canvas, clientX, clientY, _ndc)) return [];
  raycaster.setFromCamera(_ndc, camera);
  // lines are thin on screen: accept hits within about two pixels at the hit distance (at least 0.3 m)
  raycaster.params.Line.threshold = 0.3;
  const hits = raycaster.intersectObject(root, true);
  return hits.sort((a, b) => a.distance - b.distance);
}

export interface FeatureHit {
  features: TileFeatures;
  layerId: string;
  row: number;
}

/**
 * The feature row behind a hit on a tile, read from _FEATURE_ID_0: of the hit triangle, of the hit
 * instance (i3dm) or of the hit point (pnts).
 */
export function featureHit(hit: Intersection): FeatureHit | null {
  const object = hit.object as Intersection['object'] & { isInstancedMesh?: boolean; isPoints?: boolean };
  const features = object.userData.twinbyFeatures as TileFeatures | undefined;
  const layerId = object.userData.twinbyLayer as string | undefined;
  const geometry = (object as { geometry?: { getAttribute(name: string): { getX(i: number): number } | undefined } }).geometry;
  const ids = geometry?.getAttribute('_feature_id_0');
  const index = object.isInstancedMesh ? hit.instanceId : object.isPoints ? hit.index : hit.face?.a;
  if (!features || layerId === undefined || !ids || index === undefined || index === null) return null;
  const row = Math.round(ids.getX(index));
  if (row < 0 || row >= features.count) return null;
  return { features, layerId, row };
}

interface TextureFeaturesLike {
  getFeaturesAsync(triangle: number, barycoord: Vector3): Promise<Array<number | null>>;
}

/**
 * featureHit, plus meshes whose EXT_mesh_features ids are in a texture: their row is the texel under the
 * hit, read back from the GPU by 3d-tiles-renderer's MeshFeatures.
 */
export async function resolveFeatureHit(hit: Intersection): Promise<FeatureHit | null> {
  const object = hit.object;
  if (!object.userData.twinbyTextureIds) return featureHit(hit);
  const features = object.userData.twinbyFeatures as TileFeatures | undefined;
  const meshFeatures = object.userData.meshFeatures as TextureFeaturesLike | undefined;
  const layerId = object.userData.twinbyLayer as string | undefined;
  if (!features || !meshFeatures || layerId === undefined || hit.faceIndex == null || !hit.barycoord) return null;
  const [row] = await meshFeatures.getFeaturesAsync(hit.faceIndex, hit.barycoord);
  if (row === null || row === undefined || row < 0 || row >= features.count) return null;
  return { features, layerId, row };
}

export function hitAttributes(hit: FeatureHit): FeatureAttributes {
  return hit.features.attributes(hit.row);
}

/** Whether object is ancestor or lies below it in the scene graph. */
export function isDescendant(object: { parent: unknown } | null, ancestor: object): boolean {
  for (let o = object as { parent: unknown } | null; o; o = o.parent as { parent: unknown } | null) if (o === ancestor) return true;
  return false;
}
