/**
 * Semantic surface classes as compact codes and the colours the tiles carry as
 * COLOR_0. One vertex colour per surface keeps a tile at one draw call; the viewer
 * restyles per feature through _FEATURE_ID_0 and the property table.
 */
import type { SurfaceType } from '../citygml/building';

export const SURFACE_CODE: Readonly<Record<SurfaceType, number>> = {
  Unclassified: 0,
  RoofSurface: 1,
  WallSurface: 2,
  GroundSurface: 3,
  ClosureSurface: 4,
  OuterCeilingSurface: 5,
  OuterFloorSurface: 6,
};

/** RGBA (0–255) by surface code. */
export const SURFACE_COLOR: readonly (readonly [number, number, number, number])[] = [
  [200, 200, 200, 255], // unclassified (only if classification is bypassed)
  [166, 72, 52, 255], // roof: reddish brown tile
  [236, 230, 218, 255], // wall: light plaster
  [128, 128, 128, 255], // ground: grey
  [212, 212, 205, 255], // closure: pale, virtual surface
  [222, 214, 200, 255], // outer ceiling: like the walls, a shade darker
  [150, 146, 140, 255], // outer floor: walkable, grey-brown
];

/** Unit-normal z above which an unclassified surface is a roof (slopes up to ~78°), below minus which it faces the ground. */
const UP_THRESHOLD = 0.2;

/** Classifies a surface with no semantic class by its normal (source CRS, z up). */
export function classifyByNormal(normalZ: number): SurfaceType {
  if (normalZ >= UP_THRESHOLD) return 'RoofSurface';
  if (normalZ <= -UP_THRESHOLD) return 'GroundSurface';
  return 'WallSurface';
}
