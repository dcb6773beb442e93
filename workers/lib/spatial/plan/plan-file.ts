/**
 * An XPlanGML file (or a WFS GetFeature response of XPlanung objects) → PlanInput, read inside the worker
 * that checks against it: the text never crosses to the main thread, only the results do.
 */
import { readGmlFeatureCollection } from '../../../../src/core/formats/gml/gml-reader';
import { readXPlan } from '../../../../src/core/formats/xplanung/xplan-model';
import type { PlanInput } from './plan-types';
import { planFromXPlan } from './xplan-adapter';

/** Reads plan text; `source` names the file in errors. Geometry lands in `epsg` (the footprints' CRS). */
export function planFromGml(text: string, source: string, epsg: number): PlanInput {
  const collection = readGmlFeatureCollection(text, { source });
  const { objects } = readXPlan(collection.features);
  return planFromXPlan(objects, epsg);
}

/** Fetches and reads a plan by absolute URL (blob: URLs of the page work too). */
export async function fetchPlan(url: string, epsg: number, signal?: AbortSignal): Promise<PlanInput> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/gml+xml, application/xml, text/xml' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return planFromGml(await response.text(), url, epsg);
}

/** Every plan outline and line, as the editor snaps to them. */
export function planOutlines(plan: PlanInput): Float64Array[] {
  return [...plan.zones.flatMap((z) => z.polygons.flat()), ...(plan.lines ?? []).map((l) => l.coords)];
}
