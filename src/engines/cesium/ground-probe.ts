import { Cartesian3, Cartographic, Matrix4, type Cesium3DTileContent, type Cesium3DTileset } from '@cesium/engine';
// @ts-expect-error ModelReader is exported by @cesium/engine's index but missing from its type declarations
import { ModelReader } from '@cesium/engine';

/** Vertices read per probe at most (a few tiles of a town): the probe's cost stays bounded on any tileset. */
const MAX_VERTICES = 2_000_000;

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
 * Where buildings stand: the lowest vertex of the loaded contents, in ellipsoidal height (the three engine's ground
 * plane does the same from building bases). Reads the positions Cesium keeps for CPU picking; null when there are none.
 */
export function lowestVertex(contents: Iterable<Cesium3DTileContent>): number | null {
  const reader = ModelReader as unknown as Reader;
  const v = new Cartesian3();
  const c = new Cartographic();
  let lowest = Infinity;
  let budget = MAX_VERTICES;
  for (const content of contents) {
    const model = (content as unknown as { _model?: unknown })._model;
    if (!model) continue;
    reader.forEachPrimitive(model, {}, (_runtime, primitive, instances) => {
      const position = primitive.attributes.find((a) => a.semantic === 'POSITION');
      const values = position && budget > 0 ? reader.readAttributeAsTypedArray(position) : undefined;
      if (!values) return;
      const step = position!.type === 'VEC4' ? 4 : 3;
      budget -= values.length / step;
      for (const instance of instances) {
        for (let i = 0; i + 2 < values.length; i += step) {
          Matrix4.multiplyByPoint(instance.transform, Cartesian3.fromElements(values[i], values[i + 1], values[i + 2], v), v);
          const h = Cartographic.fromCartesian(v, undefined, c)?.height;
          if (h !== undefined && h < lowest) lowest = h;
        }
      }
    });
  }
  return lowest === Infinity ? null : lowest;
}
