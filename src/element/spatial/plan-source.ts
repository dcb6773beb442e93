/** Loads an XPlanGML file (or WFS GetFeature response) by URL into the spatial worker's plan input. */
import { readGmlFeatureCollection } from '../../core/formats/gml/gml-reader.js';
import { readXPlan, type XPlanObject } from '../../core/formats/xplanung/xplan-model.js';
import { planFromXPlan, type PlanInput } from '../../../workers/lib/spatial';

export async function loadPlanFile(url: string, epsg: number, signal?: AbortSignal): Promise<{ plan: PlanInput; objects: XPlanObject[] }> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const collection = readGmlFeatureCollection(await response.text(), { source: url });
  const { objects } = readXPlan(collection.features);
  return { plan: planFromXPlan(objects, epsg), objects };
}
