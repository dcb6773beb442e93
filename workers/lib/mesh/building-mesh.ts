/**
 * ParsedBuilding → BuildingMesh: the compact form the converter keeps per building
 * until its tile is written. Float32 positions relative to an anchor in the source CRS,
 * int8 normals, one surface code per vertex, 16- or 32-bit indices, a 2D footprint.
 * No XML, no Float64 rings survive this step.
 */
import type { BuildingAttributes, ParsedBuilding, SurfaceType } from '../citygml/building';
import { classifyByNormal, SURFACE_CODE } from './surface-style';
import { triangulatePolygon, type PolygonIssue } from './triangulate-polygon';
import { withDimension } from '../../../src/core/formats/gml/geometry-sink';

const xyOf = (ring: Float64Array): Float64Array => withDimension(ring, 3, 2);

export interface BuildingMesh {
  id: string;
  attributes: BuildingAttributes;
  lod: number;
  srsName?: string;
  line: number;
  column: number;
  /** Centre of the bounding box in the mesh plane (the source CRS unless toLocal was given); positions are relative to it. */
  anchor: Float64Array;
  /** x,y,z relative to the anchor (source CRS units). */
  positions: Float32Array;
  /** Unit normals × 127, source CRS axes. */
  normals: Int8Array;
  /** SURFACE_CODE per vertex (never Unclassified: those are classified by their normal). */
  surfaces: Uint8Array;
  indices: Uint16Array | Uint32Array;
  /** Bounding box in the mesh plane (the source CRS unless toLocal was given): minX, minY, minZ, maxX, maxY, maxZ. */
  bbox: Float64Array;
  /** Ground polygons (or roofs, when there is no ground) as rings of x,y pairs in the source CRS; rings[0] is the exterior. */
  footprint: Float64Array[][];
  /** Normal height of the lowest ground vertex (lowest vertex when there is no ground). */
  groundHeight: number;
}

export type SkippedPolygons = Partial<Record<PolygonIssue, number>>;

export interface MeshResult {
  /** Null when no polygon survived. */
  mesh: BuildingMesh | null;
  skipped: SkippedPolygons;
  triangles: number;
}

export interface MeshOptions {
  /** Swap x and y of every coordinate (geographic CRSs written latitude first). */
  swapXY?: boolean;
  /**
   * Maps x, y (after swapping) into the metric plane the mesh is built in, written into out.
   * For geographic CRSs: triangulation, normals and classification need metres on both axes.
   * Footprints keep the unmapped coordinates.
   */
  toLocal?: (x: number, y: number, out: number[]) => void;
}

export function buildBuildingMesh(building: ParsedBuilding, options: MeshOptions = {}): MeshResult {
  const skipped: SkippedPolygons = {};
  const source = options.swapXY ? building.polygons.map((p) => ({ type: p.type, rings: p.rings.map((r) => mapRing(r, swapXY)) })) : building.polygons;
  const toLocal = options.toLocal;
  const polygons = toLocal ? source.map((p) => ({ type: p.type, rings: p.rings.map((r) => mapRing(r, toLocal)) })) : source;
  // Triangulate relative to the first finite vertex (precision); the anchor and box come from what survives.
  const origin = firstFinite(polygons);
  if (!origin) {
    for (const p of polygons) if (p.rings.length) skipped['non-finite'] = (skipped['non-finite'] ?? 0) + 1;
    return { mesh: null, skipped, triangles: 0 };
  }

  const positions: number[] = [];
  const normals: number[] = [];
  const surfaces: number[] = [];
  const indices: number[] = [];
  const ground: Float64Array[][] = [];
  const roofs: Float64Array[][] = [];
  let groundHeight = Infinity;
  for (let k = 0; k < polygons.length; k++) {
    const polygon = polygons[k];
    const result = triangulatePolygon(polygon.rings, { origin });
    if (!result.ok) {
      skipped[result.issue] = (skipped[result.issue] ?? 0) + 1;
      continue;
    }
    const { positions: p, indices: tri, normal } = result.polygon;
    const type: SurfaceType = polygon.type === 'Unclassified' ? classifyByNormal(normal[2]) : polygon.type;
    const base = positions.length / 3;
    for (let i = 0; i < p.length; i++) positions.push(p[i]);
    const nx = Math.round(normal[0] * 127), ny = Math.round(normal[1] * 127), nz = Math.round(normal[2] * 127);
    const code = SURFACE_CODE[type];
    for (let i = 0; i < p.length / 3; i++) {
      normals.push(nx, ny, nz);
      surfaces.push(code);
    }
    for (const index of tri) indices.push(base + index);
    if (type === 'GroundSurface') {
      ground.push(source[k].rings.map(xyOf));
      for (let i = 2; i < p.length; i += 3) groundHeight = Math.min(groundHeight, p[i] + origin[2]);
    } else if (type === 'RoofSurface') roofs.push(source[k].rings.map(xyOf));
  }
  if (indices.length === 0) return { mesh: null, skipped, triangles: 0 };
  const vertexCount = positions.length / 3;
  const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i++) {
    const k = i % 3;
    if (positions[i] < box[k]) box[k] = positions[i];
    if (positions[i] > box[k + 3]) box[k + 3] = positions[i];
  }
  const center = [(box[0] + box[3]) / 2, (box[1] + box[4]) / 2, (box[2] + box[5]) / 2];
  const anchor = Float64Array.of(origin[0] + center[0], origin[1] + center[1], origin[2] + center[2]);
  const bbox = Float64Array.from(box, (v, i) => v + origin[i % 3]);
  const local = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i++) local[i] = positions[i] - center[i % 3];
  const mesh: BuildingMesh = {
    id: building.id,
    attributes: building.attributes,
    lod: building.lod,
    srsName: building.srsName,
    line: building.line,
    column: building.column,
    anchor,
    positions: local,
    normals: Int8Array.from(normals),
    surfaces: Uint8Array.from(surfaces),
    indices: vertexCount > 0xffff ? Uint32Array.from(indices) : Uint16Array.from(indices),
    bbox,
    footprint: ground.length ? ground : roofs,
    groundHeight: Number.isFinite(groundHeight) ? groundHeight : bbox[2],
  };
  return { mesh, skipped, triangles: indices.length / 3 };
}

/** The first vertex with three finite coordinates. */
function firstFinite(polygons: ParsedBuilding['polygons']): number[] | null {
  for (const polygon of polygons) {
    for (const ring of polygon.rings) {
      for (let i = 0; i + 2 < ring.length; i += 3) {
        if (Number.isFinite(ring[i]) && Number.isFinite(ring[i + 1]) && Number.isFinite(ring[i + 2])) return [ring[i], ring[i + 1], ring[i + 2]];
      }
    }
  }
  return null;
}

/** A ring with x, y mapped by `map` (swapped, or into the local plane) and z kept. */
function mapRing(ring: Float64Array, map: NonNullable<MeshOptions['toLocal']>): Float64Array {
  const out = new Float64Array(ring.length);
  const xy = [0, 0];
  for (let i = 0; i + 2 < ring.length; i += 3) {
    map(ring[i], ring[i + 1], xy);
    out[i] = xy[0];
    out[i + 1] = xy[1];
    out[i + 2] = ring[i + 2];
  }
  return out;
}

/** x, y → y, x (geographic CRSs written latitude first). */
function swapXY(x: number, y: number, out: number[]): void {
  out[0] = y;
  out[1] = x;
}
