/**
 * Planned blocks as the converter's ParsedBuildings: walls, roof faces and ground in EPSG:25832 with
 * NHN heights, and attributes that mark them planned. They then take the same road as a CityGML file
 * (georeference, geoid, GLB with EXT_mesh_features / EXT_structural_metadata, footprints.bin).
 */
import { blockSurfaces, type BlockBuilding, type RoofForm } from '../../../src/core/scenario/index';
import type { ParsedBuilding } from '../citygml/building';
import type { PlannedBlockInfo } from '../../types/scenario';
export type { PlannedBlockInfo } from '../../types/scenario';

/** The CRS of scenario coordinates: ETRS89 / UTM 32 with DHHN2016 normal heights. */
export const SCENARIO_SRS_NAME = 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH';

/** AdV roof type codes (Dachform). */
export const ROOF_TYPE_CODE: Record<RoofForm, string> = { flat: '1000', shed: '2100', gable: '3100', hip: '3200' };

export function blockToParsedBuilding(block: BlockBuilding, base: number, variantTitle: string): { building: ParsedBuilding; info: PlannedBlockInfo } {
  const s = blockSurfaces(block, base);
  const polygons = [
    ...s.walls.map((ring) => ({ type: 'WallSurface' as const, rings: [ring] })),
    ...s.roofs.map((ring) => ({ type: 'RoofSurface' as const, rings: [ring] })),
    { type: 'GroundSurface' as const, rings: [s.ground] },
  ];
  const building: ParsedBuilding = {
    id: block.id,
    attributes: {
      ...(block.name ? { name: block.name } : {}),
      function: block.function ?? '31001_1000',
      roofType: ROOF_TYPE_CODE[block.roof?.form ?? 'flat'],
      measuredHeight: round(s.heights.top),
      measuredHeightUnit: 'm',
      storeysAboveGround: s.heights.storeys,
      generic: { planungsstatus: 'geplant', variante: variantTitle, traufhoehe: round(s.heights.wall) },
    },
    polygons,
    lod: 2,
    srsName: SCENARIO_SRS_NAME,
    line: 0,
    column: 0,
  };
  return { building, info: { id: block.id, heights: s.heights, base, footprint: s.footprint } };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
