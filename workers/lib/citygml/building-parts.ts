/**
 * Buildings made of BuildingParts: in AdV LoD2 data about half the buildings carry height, storeys and
 * roof type only on their parts. The building's own values come first; what it lacks is aggregated from
 * the parts (height and storeys: the maximum; roof type and function: the tallest part's), and every
 * part's own values are kept as `parts` for the info panel.
 */
import type { BuildingAttributes, BuildingPartSummary } from './building';

export function summarizePart(id: string, a: BuildingAttributes): BuildingPartSummary | undefined {
  const part: BuildingPartSummary = { id };
  if (a.function !== undefined) part.function = a.function;
  if (a.roofType !== undefined) part.roofType = a.roofType;
  if (a.measuredHeight !== undefined) part.measuredHeight = a.measuredHeight;
  if (a.storeysAboveGround !== undefined) part.storeysAboveGround = a.storeysAboveGround;
  return Object.keys(part).length > 1 ? part : undefined;
}

/** Fills the building's missing values from its parts, and lists the parts (in document order). */
export function aggregateParts(building: BuildingAttributes, parts: BuildingPartSummary[]): void {
  if (parts.length === 0) return;
  building.parts = parts;
  const heights = parts.map((p) => p.measuredHeight).filter((h): h is number => h !== undefined);
  const storeys = parts.map((p) => p.storeysAboveGround).filter((s): s is number => s !== undefined);
  if (building.measuredHeight === undefined && heights.length) building.measuredHeight = Math.max(...heights);
  if (building.storeysAboveGround === undefined && storeys.length) building.storeysAboveGround = Math.max(...storeys);
  // the tallest part speaks for the building; parts without a height count as lowest, ties keep document order
  const byHeight = [...parts].sort((a, b) => (b.measuredHeight ?? -Infinity) - (a.measuredHeight ?? -Infinity));
  building.roofType ??= byHeight.find((p) => p.roofType !== undefined)?.roofType;
  building.function ??= byHeight.find((p) => p.function !== undefined)?.function;
  if (building.roofType === undefined) delete building.roofType;
  if (building.function === undefined) delete building.function;
}
