/**
 * The plan of "Isarbach", a synthetic market town in the Isar valley west of
 * Landshut (Lower Bavaria), EPSG:25832 with DHHN2016 heights. Streets form a
 * grid of blocks turned 17° from east whose east–west streets bend gently
 * (they follow the valley); blocks are visited ring by ring from the market
 * square, so any number of buildings gives a compact town.
 *
 * Also fixed here, independent of the seed: the planning area "Am Mühlbach"
 * with its planned buildings (ids DEBY_LOD2_PLAN_…, generic attribute
 * planungsstatus = "geplant"), for tests and the Bebauungsplan demo.
 */
import { hash32 } from './random';
import { groundHeight } from './terrain';
import type { RoofType } from './building-shapes';

/** Default town origin (market square), EPSG:25832 east/north: fields between Eching and Bruckberg, Landkreis Landshut. */
export const TOWN_ORIGIN: readonly [number, number] = [724000, 5377500];
export const TOWN_NAME = 'Isarbach';
export const TOWN_POSTCODE = '84999';
export const TOWN_MUNICIPALITY_KEY = '09274999';
export const TOWN_SRS_NAME = 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH';

/** Block size between street centre lines, along u (east–west) and v (north–south), metres. */
export const BLOCK_U = 122;
export const BLOCK_V = 82;
export const STREET_WIDTH = 12;
const GRID_ANGLE = 0.3;
const BEND_AMPLITUDE = 28;
const BEND_LENGTH = 230;

export interface Place {
  x: number;
  y: number;
  /** Direction of the east–west streets here, radians from east. */
  angle: number;
  ground: number;
}

/** Town coordinates (u along the bending streets, v across) → world position, street direction and ground height. */
export function place(u: number, v: number, origin: readonly [number, number] = TOWN_ORIGIN): Place {
  const vb = v + BEND_AMPLITUDE * Math.sin(u / BEND_LENGTH);
  const cos = Math.cos(GRID_ANGLE);
  const sin = Math.sin(GRID_ANGLE);
  const dx = u * cos - vb * sin;
  const dy = u * sin + vb * cos;
  const angle = GRID_ANGLE + Math.atan((BEND_AMPLITUDE / BEND_LENGTH) * Math.cos(u / BEND_LENGTH));
  return { x: origin[0] + dx, y: origin[1] + dy, angle, ground: groundHeight(dx, dy) };
}

export type BlockKind = 'market' | 'planned' | 'oldtown' | 'industrial' | 'residential';

export interface Block {
  i: number;
  j: number;
  kind: BlockKind;
}

/** The block reserved for the planning area. */
export const PLANNED_BLOCK = { i: 1, j: -1 } as const;

export function blockKind(i: number, j: number): BlockKind {
  if (i === 0 && j === 0) return 'market';
  if (i === PLANNED_BLOCK.i && j === PLANNED_BLOCK.j) return 'planned';
  const ring = Math.max(Math.abs(i), Math.abs(j));
  if (ring <= 1) return 'oldtown';
  // The trading estate south-east of the centre; in a big town, more estates of 6 × 6 blocks further out.
  if (i >= 2 && i <= 5 && j <= -2 && j >= -5) return 'industrial';
  if (ring >= 8 && hash32(Math.floor(i / 6), Math.floor(j / 6)) % 7 === 0) return 'industrial';
  return 'residential';
}

/** Blocks ring by ring around the market square (ring 0), each ring in a fixed order. Endless. */
export function* blocksFromCentre(): Generator<Block> {
  yield { i: 0, j: 0, kind: 'market' };
  for (let r = 1; ; r++) {
    for (let i = -r; i <= r; i++) yield { i, j: -r, kind: blockKind(i, -r) };
    for (let j = -r + 1; j <= r; j++) yield { i: r, j, kind: blockKind(r, j) };
    for (let i = r - 1; i >= -r; i--) yield { i, j: r, kind: blockKind(i, r) };
    for (let j = r - 1; j > -r; j--) yield { i: -r, j, kind: blockKind(-r, j) };
  }
}

/** Centre of a block in town coordinates. */
export function blockCentre(i: number, j: number): [number, number] {
  return [i * BLOCK_U, j * BLOCK_V];
}

export interface PlannedBuilding {
  id: string;
  name: string;
  /** Footprint corners, EPSG:25832 east/north, counter-clockwise, not closed. */
  footprint: [number, number][];
  centre: [number, number];
  /** Orientation of the long side, radians from east. */
  angle: number;
  length: number;
  width: number;
  ground: number;
  /** Height above ground of the highest point, metres. */
  height: number;
  storeys: number;
  roofType: RoofType;
  function: string;
}

export interface PlannedArea {
  name: string;
  /** The block inside the streets, EPSG:25832, counter-clockwise, not closed. */
  boundary: [number, number][];
  /** [minE, minN, maxE, maxN] of the boundary. */
  bbox: [number, number, number, number];
  buildings: PlannedBuilding[];
}

// Six planned houses along the block's southern street and one tower: heights 9–11 m, the tower 18 m.
const PLANNED: { du: number; dv: number; length: number; width: number; height: number; storeys: number; roofType: RoofType; fn: string; name: string }[] = [
  { du: -42, dv: -18, length: 16, width: 11, height: 9.5, storeys: 3, roofType: '1000', fn: '31001_1000', name: 'Planung Haus A' },
  { du: -21, dv: -18, length: 16, width: 11, height: 9.5, storeys: 3, roofType: '1000', fn: '31001_1000', name: 'Planung Haus B' },
  { du: 0, dv: -18, length: 16, width: 11, height: 10.5, storeys: 3, roofType: '2100', fn: '31001_1000', name: 'Planung Haus C' },
  { du: 21, dv: -18, length: 16, width: 11, height: 10.5, storeys: 3, roofType: '2100', fn: '31001_1000', name: 'Planung Haus D' },
  { du: 42, dv: -18, length: 16, width: 11, height: 11, storeys: 3, roofType: '1000', fn: '31001_1123', name: 'Planung Haus E' },
  { du: 0, dv: 14, length: 18, width: 16, height: 18, storeys: 6, roofType: '1000', fn: '31001_1000', name: 'Planung Wohnturm' },
];

/** The planning area and its buildings for a town at `origin` (the default town unless you moved it). */
export function plannedArea(origin: readonly [number, number] = TOWN_ORIGIN): PlannedArea {
  const [bu, bv] = blockCentre(PLANNED_BLOCK.i, PLANNED_BLOCK.j);
  const halfU = (BLOCK_U - STREET_WIDTH) / 2;
  const halfV = (BLOCK_V - STREET_WIDTH) / 2;
  const boundary: [number, number][] = [];
  // The bent street edges sampled every 11 m, then the straight cross streets.
  for (let du = -halfU; du <= halfU + 1e-9; du += (2 * halfU) / 10) boundary.push(xy(place(bu + du, bv - halfV, origin)));
  for (let du = halfU; du >= -halfU - 1e-9; du -= (2 * halfU) / 10) boundary.push(xy(place(bu + du, bv + halfV, origin)));
  const buildings = PLANNED.map((p, k): PlannedBuilding => {
    const at = place(bu + p.du, bv + p.dv, origin);
    const cx = round(at.x);
    const cy = round(at.y);
    const cos = Math.cos(at.angle);
    const sin = Math.sin(at.angle);
    const corner = (a: number, b: number): [number, number] => [round(cx + a * cos - b * sin), round(cy + a * sin + b * cos)];
    const l = p.length / 2;
    const w = p.width / 2;
    return {
      id: `DEBY_LOD2_PLAN_${String(k + 1).padStart(3, '0')}`,
      name: p.name,
      footprint: [corner(-l, -w), corner(l, -w), corner(l, w), corner(-l, w)],
      centre: [cx, cy],
      angle: at.angle,
      length: p.length,
      width: p.width,
      ground: round(at.ground),
      height: p.height,
      storeys: p.storeys,
      roofType: p.roofType,
      function: p.fn,
    };
  });
  const es = boundary.map((p) => p[0]);
  const ns = boundary.map((p) => p[1]);
  return { name: 'Am Mühlbach', boundary, bbox: [Math.min(...es), Math.min(...ns), Math.max(...es), Math.max(...ns)], buildings };
}

/** The planning area of the default town. */
export const PLANNED_AREA: PlannedArea = plannedArea();

function xy(p: Place): [number, number] {
  return [round(p.x), round(p.y)];
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
