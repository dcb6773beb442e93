import { NearestFilter, NoColorSpace, type Material, type Texture, type WebGLProgramParametersWithUniforms } from 'three';
import type { FeatureUniforms } from './feature-material.js';

/** Where a mesh's EXT_mesh_features ids are: a texture, the channels that hold the id (low byte first), TEXCOORD_0. */
export interface FeatureIdTexture {
  texture: Texture;
  channels: number[];
}

const vertexHead = /* glsl */ `
varying vec2 vTwinbyIdUv;
`;
const vertexBody = /* glsl */ `
#include <begin_vertex>
vTwinbyIdUv = uv;
`;

const fragmentHead = /* glsl */ `
uniform highp sampler2D twinbyStyleMap;
uniform sampler2D twinbyIdMap;
uniform float twinbySelected;
uniform vec3 twinbySelectColor;
uniform vec4 twinbyIdChannels;
varying vec2 vTwinbyIdUv;
`;

// the feature row from the id texel (bytes of the given channels, low first), then its style texel as in feature-material.ts
const fragmentColour = /* glsl */ `
#include <color_fragment>
{
  vec4 twinbyIdTexel = floor(texture2D(twinbyIdMap, vTwinbyIdUv) * 255.0 + 0.5);
  float twinbyRowF = dot(twinbyIdTexel, twinbyIdChannels);
  int twinbyRow = int(twinbyRowF);
  int twinbyWidth = textureSize(twinbyStyleMap, 0).x;
  vec4 twinbyStyle = texelFetch(twinbyStyleMap, ivec2(twinbyRow % twinbyWidth, twinbyRow / twinbyWidth), 0);
  if (twinbyStyle.a < 0.25) discard;
  if (twinbyStyle.a > 0.75) diffuseColor.rgb = twinbyStyle.rgb;
  if (abs(twinbyRowF - twinbySelected) < 0.5) diffuseColor.rgb = mix(diffuseColor.rgb, twinbySelectColor, 0.6);
}
`;

/**
 * Colours, hides and highlights the features of a mesh whose ids are in a texture (EXT_mesh_features
 * `texture`), per fragment: the id texel names the row of the tile's style texture. The id texture is
 * a nearest-sampled, non-colour-managed copy, so its bytes arrive as written.
 */
export function patchTextureFeatureMaterial(material: Material, uniforms: FeatureUniforms, ids: FeatureIdTexture): void {
  const idMap = ids.texture.clone();
  idMap.colorSpace = NoColorSpace;
  idMap.magFilter = NearestFilter;
  idMap.minFilter = NearestFilter;
  idMap.generateMipmaps = false;
  idMap.needsUpdate = true;
  // weight of each RGBA byte in the id: the first listed channel is the low byte
  const weights = [0, 0, 0, 0];
  ids.channels.slice(0, 3).forEach((c, i) => (weights[c] = 256 ** i));
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms.twinbyStyleMap = uniforms.twinbyStyleMap;
    shader.uniforms.twinbySelected = uniforms.twinbySelected;
    shader.uniforms.twinbySelectColor = uniforms.twinbySelectColor;
    shader.uniforms.twinbyIdMap = { value: idMap };
    shader.uniforms.twinbyIdChannels = { value: weights };
    shader.vertexShader = vertexHead + shader.vertexShader.replace('#include <begin_vertex>', vertexBody);
    shader.fragmentShader = fragmentHead + shader.fragmentShader.replace('#include <color_fragment>', fragmentColour);
  };
  material.customProgramCacheKey = () => 'twinby-feature-texture-1';
  material.needsUpdate = true;
  material.addEventListener('dispose', () => idMap.dispose());
}
