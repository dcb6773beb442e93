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
  const builder = new TileGeometryBuilder(ecefToTile, vertexCount, indexCount);
  for (const b of buildings) builder.add(b);
  return builder.finish();
}

/**
 * The same merge one building at a time, so a tile's buildings can be read, added and dropped in turn: held together,
 * a tile's worth of decoded buildings outlived the young generation and was copied by every scavenge. The vertex
 * count must be known (it picks the index type); the index count is a first guess that grows.
 */
export class TileGeometryBuilder {
  private readonly positions: Float32Array;
  private readonly normals: Float32Array;
  private readonly colors: Uint8Array;
  private readonly featureIds: Float32Array;
  private indices: Uint16Array | Uint32Array;
  private readonly bounds = Float64Array.of(Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity);
  private readonly m = new Float64Array(27);
  private v = 0;
  private ii = 0;
  private feature = 0;

  constructor(
    private readonly ecefToTile: ArrayLike<number>,
    private readonly vertexCount: number,
    indexGuess = 2 * vertexCount,
  ) {
    this.positions = new Float32Array(vertexCount * 3);
    this.normals = new Float32Array(vertexCount * 3);
    this.colors = new Uint8Array(vertexCount * 4);
    this.featureIds = new Float32Array(vertexCount);
    this.indices = vertexCount > 0xffff ? new Uint32Array(indexGuess) : new Uint16Array(indexGuess);
  }

  /** Adds the building as the next feature (its row in the property table). */
  add(b: PlacedBuilding): void {
    const { positions: p, normals: n, surfaces, indices: tri } = b.mesh;
    const count = p.length / 3;
    if (this.v + count > this.vertexCount) throw new RangeError(`tile geometry: more than the ${this.vertexCount} vertices announced`);
    if (this.ii + tri.length > this.indices.length) this.growIndices(this.ii + tri.length);
    const { positions, normals, colors, featureIds, indices, bounds, m } = this;
    transformModel(b.model, this.ecefToTile, m);
    const feature = this.feature++;
    let v = this.v;
    const base = v;
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
    let ii = this.ii;
    for (let t = 0; t < tri.length; t++) indices[ii++] = base + tri[t];
    this.v = v;
    this.ii = ii;
  }

  finish(): TileGeometryResult {
    if (this.v !== this.vertexCount) throw new RangeError(`tile geometry: ${this.v} vertices added, ${this.vertexCount} announced`);
    const indices = this.ii === this.indices.length ? this.indices : this.indices.slice(0, this.ii);
    const { positions, normals, colors, featureIds, bounds } = this;
    return { geometry: { positions, normals, colors, featureIds, indices }, bounds };
  }

  private growIndices(needed: number): void {
    const grown = this.indices instanceof Uint32Array ? new Uint32Array(Math.max(needed, 2 * this.indices.length)) : new Uint16Array(Math.max(needed, 2 * this.indices.length));
    grown.set(this.indices.subarray(0, this.ii));
    this.indices = grown;
  }
}
