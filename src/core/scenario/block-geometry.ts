/**
 * A parametric block as surfaces: walls, roof faces and the ground polygon in EPSG:25832 with NHN
 * heights. Roofs:
 * - flat: the footprint at wall height;
 * - gable: two planes meeting at a ridge along ridgeDirection through the middle of the footprint's
 *   extent across it; z = wall + tan(pitch) · (halfWidth − |distance from the ridge line|);
 * - shed: one plane rising across ridgeDirection; z = wall + tan(pitch) · (distance from the low edge);
 * - hip: equal pitch on every side, z = wall + tan(pitch) · (distance to the nearest footprint edge),
 *   which is the straight skeleton of a convex footprint (concave ones are refused).
 */
import { clipRing, FootprintError, isConvex, normalizeFootprint, ringArea, type Point2 } from './footprint.js';
import type { BlockBuilding, RoofForm } from './scenario-types.js';

export const DEFAULT_STOREY_HEIGHT = 3;
export const DEFAULT_PITCH: Record<RoofForm, number> = { flat: 0, gable: 30, hip: 30, shed: 8 };

export interface BlockHeights {
  /** Wall (eaves) height above the base, metres. */
  wall: number;
  /** Ridge or highest roof point above the wall top, metres. */
  roof: number;
  /** Top of the building above the base (Oberkante / Firsthöhe), metres. */
  top: number;
  /** Storeys (given, or wall / storey height rounded, at least 1). */
  storeys: number;
  storeysEstimated: boolean;
}

export interface BlockSurfaces {
  /** Footprint, counter-clockwise, not closed. */
  footprint: Point2[];
  heights: BlockHeights;
  walls: Float64Array[];
  roofs: Float64Array[];
  /** The footprint at base height, facing down. */
  ground: Float64Array;
}

interface RoofModel {
  /** Height above the wall top at a point. */
  z(x: number, y: number): number;
  /** The roof faces (2D, counter-clockwise). */
  faces: Point2[][];
  /** Points along an edge from a to b (exclusive) where the roof's slope changes. */
  kinks(a: Point2, b: Point2): Point2[];
}

/** Wall height and storeys of a block (throws for neither, or a non-positive value). */
export function wallHeightOf(block: Pick<BlockBuilding, 'height' | 'storeys' | 'storeyHeight'>): { wall: number; storeys: number; estimated: boolean } {
  const storeyHeight = block.storeyHeight ?? DEFAULT_STOREY_HEIGHT;
  if (block.height !== undefined) {
    if (!(block.height > 0)) throw new FootprintError('height must be a positive number of metres');
    if (block.storeys !== undefined) return { wall: block.height, storeys: block.storeys, estimated: false };
    return { wall: block.height, storeys: Math.max(1, Math.round(block.height / storeyHeight)), estimated: true };
  }
  if (block.storeys === undefined || !(block.storeys > 0) || !(storeyHeight > 0)) throw new FootprintError('a block needs a height or a positive number of storeys');
  return { wall: block.storeys * storeyHeight, storeys: block.storeys, estimated: false };
}

/** Default ridge direction: along the longest footprint edge, degrees clockwise from north. */
export function longestEdgeDirection(ring: readonly Point2[]): number {
  let best = -1;
  let angle = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len > best + 1e-9) {
      best = len;
      angle = (Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI;
    }
  }
  return ((angle % 180) + 180) % 180;
}

/** The block's surfaces standing on baseHeight (metres NHN). Throws a FootprintError for bad input. */
export function blockSurfaces(block: BlockBuilding, baseHeight: number): BlockSurfaces {
  const footprint = normalizeFootprint(block.footprint);
  const { wall, storeys, estimated } = wallHeightOf(block);
  const roof = roofModel(footprint, block);
  let roofHeight = 0;
  for (const face of roof.faces) for (const p of face) roofHeight = Math.max(roofHeight, roof.z(p[0], p[1]));
  const top = baseHeight + wall;
  const walls: Float64Array[] = [];
  for (let i = 0; i < footprint.length; i++) {
    const a = footprint[i];
    const b = footprint[(i + 1) % footprint.length];
    const upper = [b, ...roof.kinks(a, b).reverse(), a];
    const ring = [a[0], a[1], baseHeight, b[0], b[1], baseHeight];
    for (const p of upper) ring.push(p[0], p[1], top + roof.z(p[0], p[1]));
    walls.push(Float64Array.from(ring));
  }
  const roofs = roof.faces.map((face) => Float64Array.from(face.flatMap((p) => [p[0], p[1], top + roof.z(p[0], p[1])])));
  const ground = Float64Array.from([...footprint].reverse().flatMap((p) => [p[0], p[1], baseHeight]));
  return { footprint, heights: { wall, roof: roofHeight, top: wall + roofHeight, storeys, storeysEstimated: estimated }, walls, roofs, ground };
}

/** Heights of a block without building its surfaces (for tables and compliance). */
export function blockHeights(block: BlockBuilding): BlockHeights {
  return blockSurfaces(block, 0).heights;
}

export function footprintArea(block: BlockBuilding): number {
  return ringArea(normalizeFootprint(block.footprint));
}

function roofModel(ring: Point2[], block: BlockBuilding): RoofModel {
  const form = block.roof?.form ?? 'flat';
  const pitch = block.roof?.pitch ?? DEFAULT_PITCH[form];
  if (form !== 'flat' && !(pitch > 0 && pitch < 90)) throw new FootprintError(`roof pitch must be between 0° and 90°, not ${pitch}`);
  const slope = Math.tan((pitch * Math.PI) / 180);
  if (form === 'flat') return { z: () => 0, faces: [ring], kinks: () => [] };
  if (form === 'hip') return hipRoof(ring, slope);
  const direction = ((block.roof?.ridgeDirection ?? longestEdgeDirection(ring)) * Math.PI) / 180;
  // across: the horizontal unit vector at right angles to the ridge
  const cx = Math.cos(direction);
  const cy = -Math.sin(direction);
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  const across = (x: number, y: number) => (x - x0) * cx + (y - y0) * cy;
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    const v = across(p[0], p[1]);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (form === 'shed') return { z: (x, y) => slope * (across(x, y) - min), faces: [ring], kinks: () => [] };
  const mid = (min + max) / 2;
  const half = (max - min) / 2;
  return {
    z: (x, y) => slope * (half - Math.abs(across(x, y) - mid)),
    faces: [clipRing(ring, (x, y) => across(x, y) - mid), clipRing(ring, (x, y) => mid - across(x, y))].filter((f) => f.length > 0),
    kinks(a, b) {
      const fa = across(a[0], a[1]) - mid;
      const fb = across(b[0], b[1]) - mid;
      if (!((fa < 0 && fb > 0) || (fa > 0 && fb < 0))) return [];
      const t = fa / (fa - fb);
      return [[a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]];
    },
  };
}

function hipRoof(ring: Point2[], slope: number): RoofModel {
  if (!isConvex(ring)) throw new FootprintError('a hip roof needs a convex footprint (split the block, or use a gable or flat roof)');
  // inward unit normals of the edges: distance of p inside from edge i is d_i(p) = n_i · (p − a_i)
  const edges = ring.map((a, i) => {
    const b = ring[(i + 1) % ring.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return { ax: a[0], ay: a[1], nx: -(b[1] - a[1]) / len, ny: (b[0] - a[0]) / len };
  });
  const dist = (e: (typeof edges)[number], x: number, y: number) => (x - e.ax) * e.nx + (y - e.ay) * e.ny;
  const faces = edges
    .map((e, i) => {
      let face: Point2[] = ring;
      for (let j = 0; j < edges.length && face.length; j++) {
        if (j !== i) face = clipRing(face, (x, y) => dist(e, x, y) - dist(edges[j], x, y));
      }
      return face;
    })
    .filter((f) => f.length > 0);
  return {
    z(x, y) {
      let d = Infinity;
      for (const e of edges) d = Math.min(d, dist(e, x, y));
      return slope * Math.max(0, d);
    },
    faces,
    kinks: () => [],
  };
}
