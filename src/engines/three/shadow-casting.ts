import { MeshDepthMaterial, type Mesh } from 'three';
import { patchFeatureDepthMaterial, type FeatureUniforms } from './feature-material.js';

/**
 * A tile mesh casts and receives sun shadows, and its shadow depth pass hides what the feature texture
 * hides. One depth material per tile (the texture uniform is the tile's); all share one program.
 */
export function castAndReceive(mesh: Mesh, uniforms: FeatureUniforms): MeshDepthMaterial {
  const depth = new MeshDepthMaterial() // like three's own shadow depth material (r187: depth texture, no packing);
  patchFeatureDepthMaterial(depth, uniforms);
  mesh.customDepthMaterial = depth;
  mesh.castShadow = true;
  mesh.receiveShadow = true;
  return depth;
}
