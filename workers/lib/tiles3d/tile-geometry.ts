/**
 * Merges the buildings of one tile into a single indexed primitive in the tile's
 * local frame: positions and normals in glTF's y-up axes (x = east, y = up,
 * z = −north; 3D Tiles rotates y-up content to z-up), the semantic colour per
 * vertex and the building's row in the property table as _FEATURE_ID_0.
 */
import type { BuildingMesh } from '../mesh/building-mesh';
import { SURFACE_COLOR } from '../mesh/surface-style';
import { transformModel } from '../convert/georeference';
import type { TileGeometry } from './write-glb';

export interface PlacedBuilding {
  mesh: BuildingMesh;
  /** Source → ECEF model (georeference.ts). */
  model: Float64Array;
}

export interface TileGeometryResult {
  geometry: TileGeometry;
  /** Axis-aligned bounds in the tile frame, z up: minE, minN, minU, maxE, maxN, maxU. */
  bounds: Float64Array;
}

/** `ecefToTile` is the inverse of the tile's ENU→ECEF transform. */
export function buildTileGeometry(buildings: readonly PlacedBuilding[], ecefToTile: ArrayLike<number>): TileGeometryResult {
  let vertexCount = 0;
  let indexCount = 0;
  for (const b of buildings) {
    vertexCount += b.mesh.positions.length / 3;
    indexCount += b.mesh.indices.length;
  }
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const colors = new Uint8Array(vertexCount * 4);
  const featureIds = new Float32Array(vertexCount);
  const indices = vertexCount > 0xffff ? new Uint32Array(indexCount) : new Uint16Array(indexCount);
  const bounds = Float64Array.of(Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity);
  const m = new Float64Array(27);

  let v = 0;
  let ii = 0;
  buildings.forEach((b, feature) => {
    transformModel(b.model, ecefToTile, m);
    const { positions: p, normals: n, surfaces, indices: tri } = b.mesh;
    const base = v;
    const count = p.length / 3;
    for (let i = 0; i < count; i++, v++) {
      const dx = p[i * 3], dy = p[i * 3 + 1], dz = p[i * 3 + 2];
      const xx = dx * dx, xy = dx * dy, yy = dy * dy, xz = dx * dz, yz = dy * dz;
      const e = m[0] + m[3] * dx + m[6] * dy + m[9] * dz + m[12] * xx + m[15] * xy + m[18] * yy + m[21] * xz + m[24] * yz;
      const north = m[1] + m[4] * dx + m[7] * dy + m[10] * dz + m[13] * xx + m[16] * xy + m[19] * yy + m[22] * xz + m[25] * yz;
      const up = m[2] + m[5] * dx + m[8] * dy + m[11] * dz + m[14] * xx + m[17] * xy + m[20] * yy + m[23] * xz + m[26] * yz;
      positions[v * 3] = e;
      positions[v * 3 + 1] = up;
      positions[v * 3 + 2] = -north;
      if (e < bounds[0]) bounds[0] = e;
      if (north < bounds[1]) bounds[1] = north;
      if (up < bounds[2]) bounds[2] = up;
      if (e > bounds[3]) bounds[3] = e;
      if (north > bounds[4]) bounds[4] = north;
      if (up > bounds[5]) bounds[5] = up;
      // Normals follow the local linear part of the mapping (conformal projections: a rotation and a scale).
      const nx = n[i * 3], ny = n[i * 3 + 1], nz = n[i * 3 + 2];
      const ne = m[3] * nx + m[6] * ny + m[9] * nz;
      const nn = m[4] * nx + m[7] * ny + m[10] * nz;
      const nu = m[5] * nx + m[8] * ny + m[11] * nz;
      const len = Math.sqrt(ne * ne + nn * nn + nu * nu) || 1; // not Math.hypot: several times slower in V8
      normals[v * 3] = ne / len;
      normals[v * 3 + 1] = nu / len;
      normals[v * 3 + 2] = -nn / len;
      const c = SURFACE_COLOR[surfaces[i]] ?? SURFACE_COLOR[0];
      colors[v * 4] = c[0];
      colors[v * 4 + 1] = c[1];
      colors[v * 4 + 2] = c[2];
      colors[v * 4 + 3] = c[3];
      featureIds[v] = feature;
    }
    for (let t = 0; t < tri.length; t++) indices[ii++] = base + tri[t];
  });
  return { geometry: { positions, normals, colors, featureIds, indices }, bounds };
}
