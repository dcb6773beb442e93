/**
 * The CityGML element names the reader acts on, by local name (prefixes vary
 * between files, and CityGML 1.0, 2.0 and 3.0 share most local names).
 */
import type { SurfaceType } from './building';

/** Exterior thematic surfaces (1.0/2.0 `bldg:`, 3.0 `con:`). */
export const SURFACE_TYPES: ReadonlySet<string> = new Set<SurfaceType>([
  'RoofSurface',
  'WallSurface',
  'GroundSurface',
  'ClosureSurface',
  'OuterCeilingSurface',
  'OuterFloorSurface',
]);

/**
 * Subtrees that describe the inside of a building (LoD4 / CityGML 3.0 rooms,
 * storeys, units, furniture, interior surfaces). Their polygons are read so
 * xlinks into them resolve, but they are not drawn.
 */
export const INTERIOR: ReadonlySet<string> = new Set([
  'interiorRoom',
  'Room',
  'buildingRoom',
  'BuildingRoom',
  'interiorFurniture',
  'buildingFurniture',
  'BuildingFurniture',
  'interiorBuildingInstallation',
  'IntBuildingInstallation',
  'buildingSubdivision',
  'buildingUnit',
  'BuildingUnit',
  'storey',
  'Storey',
  'buildingConstructiveElement',
  'BuildingConstructiveElement',
  'InteriorWallSurface',
  'CeilingSurface',
  'FloorSurface',
]);

/** Building-level subtrees with nothing for us (appearance, references, generalisation …). */
export const IGNORED: ReadonlySet<string> = new Set([
  'appearance',
  'externalReference',
  'generalizesTo',
  'relativeToTerrain',
  'relativeToWater',
  'relatedTo',
  'dynamizer',
  'pointCloud',
  'occupancy',
  'creationDate',
  'terminationDate',
  'validFrom',
  'validTo',
  'description',
  'Envelope',
]);

/** Elements that hold a BuildingPart; the part itself is recognised by name. */
export const PART = 'BuildingPart';
export const BUILDING = 'Building';

/** lodN + one of these is a geometry property we draw; other lodN… (curves, implicit, terrain intersection) are skipped. */
const GEOMETRY_SUFFIXES = new Set(['Solid', 'MultiSurface', 'Geometry', 'FootPrint', 'RoofEdge', 'CompositeSurface', 'MultiSolid']);

/**
 * The LoD of a geometry property name such as `lod2Solid` or `lod0FootPrint`;
 * -1 for a lodN property that carries no surfaces; undefined when not lodN….
 */
export function geometryLod(local: string): number | undefined {
  if (local.length < 5 || local.charCodeAt(0) !== 108 /* l */ || !local.startsWith('lod')) return undefined;
  const digit = local.charCodeAt(3) - 48;
  if (digit < 0 || digit > 4) return undefined;
  return GEOMETRY_SUFFIXES.has(local.slice(4)) ? digit : -1;
}

/** The surface class implied by a LoD0 property (footprints sit on the ground, roof edges are roofs). */
export function lod0SurfaceType(local: string): SurfaceType | undefined {
  if (local === 'lod0FootPrint') return 'GroundSurface';
  if (local === 'lod0RoofEdge') return 'RoofSurface';
  return undefined;
}

/** Elements whose gml:id an xlink may point at (surfaces and their aggregates). */
export const REFERENCEABLE: ReadonlySet<string> = new Set([
  'Polygon',
  'PolygonPatch',
  'Triangle',
  'Rectangle',
  'Surface',
  'OrientableSurface',
  'CompositeSurface',
  'MultiSurface',
  'Shell',
  'Solid',
  'CompositeSolid',
  'MultiSolid',
  'TriangulatedSurface',
  'PolyhedralSurface',
  'MultiGeometry',
  'GeometricComplex',
]);
