/** The generator's own building model, written out by citygml-writer.ts. */
import type { DemoSurface, RoofType } from './building-shapes';

export interface DemoPart {
  function: string;
  roofType: RoofType;
  storeys: number;
  /** Ridge (highest point) above ground, metres. */
  measuredHeight: number;
  surfaces: DemoSurface[];
}

export interface DemoBuilding {
  id: string;
  name?: string;
  function: string;
  roofType: RoofType;
  measuredHeight: number;
  storeys: number;
  street?: string;
  houseNumber?: number;
  generic: [string, string][];
  /** One part: geometry on the building itself. Several: bldg:BuildingPart elements. */
  parts: DemoPart[];
}
