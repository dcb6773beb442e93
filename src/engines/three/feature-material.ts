import { Color, type Material, type WebGLProgramParametersWithUniforms, type Texture } from 'three';

/** Uniforms one tile's materials share: its feature texture and the selected row. */
export interface FeatureUniforms {
  twinbyStyleMap: { value: Texture };
  twinbySelected: { value: number };
  twinbySelectColor: { value: Color };
}

/** The highlight colour of the selected building (overridable from CSS via the element). */
export const selectColor = new Color('#ffd400');

const vertexHead = /* glsl */ `
attribute float _feature_id_0;
uniform highp sampler2D twinbyStyleMap;
uniform float twinbySelected;
varying vec4 vTwinbyStyle;
varying float vTwinbySelected;
`;

// one texel per feature row: rgb = style colour (sRGB-decoded by the sampler), a = 0 hidden, 0.5 own material, 1 styled
const vertexBody = /* glsl */ `
#include <begin_vertex>
{
  int twinbyRow = int(_feature_id_0 + 0.5);
  int twinbyWidth = textureSize(twinbyStyleMap, 0).x;
  vTwinbyStyle = texelFetch(twinbyStyleMap, ivec2(twinbyRow % twinbyWidth, twinbyRow / twinbyWidth), 0);
  vTwinbySelected = abs(_feature_id_0 - twinbySelected) < 0.5 ? 1.0 : 0.0;
}
`;

// a hidden feature's triangles collapse outside the clip volume: no fragments, no geometry change
const vertexTail = /* glsl */ `
#include <project_vertex>
if (vTwinbyStyle.a < 0.25) gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
`;

const fragmentHead = /* glsl */ `
uniform vec3 twinbySelectColor;
varying vec4 vTwinbyStyle;
varying float vTwinbySelected;
`;

const fragmentColour = /* glsl */ `
#include <color_fragment>
if (vTwinbyStyle.a > 0.75) diffuseColor.rgb = vTwinbyStyle.rgb;
diffuseColor.rgb = mix(diffuseColor.rgb, twinbySelectColor, 0.6 * vTwinbySelected);
`;

const fragmentEmissive = /* glsl */ `
#include <emissivemap_fragment>
totalEmissiveRadiance += twinbySelectColor * (0.35 * vTwinbySelected);
`;

/**
 * Teaches a tile material to colour, hide and highlight features by their _FEATURE_ID_0,
 * reading a per-tile texture. Style changes then rewrite that texture only; the geometry stays on the GPU.
 * All patched materials share one program (same cache key).
 */
export function patchFeatureMaterial(material: Material, uniforms: FeatureUniforms): void {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms.twinbyStyleMap = uniforms.twinbyStyleMap;
    shader.uniforms.twinbySelected = uniforms.twinbySelected;
    shader.uniforms.twinbySelectColor = uniforms.twinbySelectColor;
    shader.vertexShader = vertexHead + shader.vertexShader.replace('#include <begin_vertex>', vertexBody).replace('#include <project_vertex>', vertexTail);
    shader.fragmentShader =
      fragmentHead +
      shader.fragmentShader.replace('#include <color_fragment>', fragmentColour).replace('#include <emissivemap_fragment>', fragmentEmissive);
  };
  material.customProgramCacheKey = () => 'twinby-feature-style-1';
  material.needsUpdate = true;
}

/**
 * The shadow depth pass of a tile: the same hide-by-feature-texture as the colour pass, so a hidden
 * building casts no shadow either (three.js draws shadow maps with a separate depth material, which
 * would otherwise render every triangle; cf. google/model-viewer#5120).
 */
export function patchFeatureDepthMaterial(material: Material, uniforms: FeatureUniforms): void {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms.twinbyStyleMap = uniforms.twinbyStyleMap;
    shader.uniforms.twinbySelected = uniforms.twinbySelected;
    shader.vertexShader = vertexHead + shader.vertexShader.replace('#include <begin_vertex>', vertexBody).replace('#include <project_vertex>', vertexTail);
  };
  material.customProgramCacheKey = () => 'twinby-feature-depth-1';
  material.needsUpdate = true;
}
