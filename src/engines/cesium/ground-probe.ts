import { Cartesian3, Cartographic, Math as CesiumMath, Matrix4, type BoundingSphere, type Cesium3DTileContent, type Cesium3DTileset } from '@cesium/engine';
import type { GroundPoint } from '../../core/index.js';
// @ts-expect-error ModelReader is exported by @cesium/engine's index but missing from its type declarations
import { ModelReader } from '@cesium/engine';

/** The lowest height of the tileset's bounding volume (a region's minimum, else the sphere's bottom). */
export function boundsBottom(tileset: Cesium3DTileset): number {
  const volume = (tileset.root as unknown as { boundingVolume: { minimumHeight?: number } }).boundingVolume;
  if (typeof volume.minimumHeight === 'number') return volume.minimumHeight;
  const c = Cartographic.fromCartesian(tileset.boundingSphere.center);
  return (c?.height ?? 0) - tileset.boundingSphere.radius * 0.5;
}

type Reader = {
  forEachPrimitive(
    model: unknown,
    options: object,
    callback: (runtime: unknown, primitive: { attributes: Array<{ semantic: string; type: string }> }, instances: Array<{ transform: Matrix4 }>) => void,
  ): void;
  readAttributeAsTypedArray(attribute: unknown): Float32Array | undefined;
};

/**
 * Where a content's buildings stand, as ground points: its lowest vertex (ellipsoidal height, from the positions Cesium
 * keeps for CPU picking), and at that height the content's horizontal extent (its bounding sphere east, west, north and
 * south of its centre), so a site's ground covers the whole tile. Empty when the content has no readable positions.
 * `budget.vertices` bounds the vertices read over many calls (a few tiles of a town).
 */
export function contentFloor(content: Cesium3DTileContent, budget: { vertices: number }): GroundPoint[] {
  const reader = ModelReader as unknown as Reader;
  const v = new Cartesian3();
  const c = new Cartographic();
  const low = new Cartographic(0, 0, Infinity);
  const model = (content as unknown as { _model?: unknown })._model;
  if (!model) return [];
  reader.forEachPrimitive(model, {}, (_runtime, primitive, instances) => {
    const position = primitive.attributes.find((a) => a.semantic === 'POSITION');
    const values = position && budget.vertices > 0 ? reader.readAttributeAsTypedArray(position) : undefined;
    if (!values) return;
    const step = position!.type === 'VEC4' ? 4 : 3;
    budget.vertices -= values.length / step;
    for (const instance of instances) {
      for (let i = 0; i + 2 < values.length; i += step) {
        Matrix4.multiplyByPoint(instance.transform, Cartesian3.fromElements(values[i], values[i + 1], values[i + 2], v), v);
        const at = Cartographic.fromCartesian(v, undefined, c);
        if (at && at.height < low.height) Cartographic.clone(at, low);
      }
    }
  });
  if (low.height === Infinity) return [];
  const toDeg = CesiumMath.toDegrees;
  const points: GroundPoint[] = [{ lon: toDeg(low.longitude), lat: toDeg(low.latitude), height: low.height }];
  const sphere = (content as unknown as { tile?: { boundingSphere?: BoundingSphere } }).tile?.boundingSphere;
  const centre = sphere && Cartographic.fromCartesian(sphere.center);
  if (sphere && centre) {
    const dLat = sphere.radius / 6_371_000;
    const dLon = dLat / Math.max(0.01, Math.cos(centre.latitude));
    for (const [x, y] of [[dLon, 0], [-dLon, 0], [0, dLat], [0, -dLat]]) {
      points.push({ lon: toDeg(centre.longitude + x), lat: toDeg(centre.latitude + y), height: low.height });
    }
  }
  return points;
}
