/**
 * An XPlanGML file (or a WFS GetFeature response of XPlanung objects) → PlanInput, read inside the worker
 * that checks against it: the text never crosses to the main thread, only the results do.
 */
import type { Feature } from '../../../../src/core/formats/feature';
import { readGmlFeatureCollection } from '../../../../src/core/formats/gml/gml-reader';
import { readXPlan } from '../../../../src/core/formats/xplanung/xplan-model';
import type { PlanInput } from './plan-types';
import { planFromXPlan } from './xplan-adapter';
import { planFeatures } from '../../data/plan-cache';

/** Reads plan text; `source` names the file in errors. Geometry lands in `epsg` (the footprints' CRS). */
export function planFromGml(text: string, source: string, epsg: number): PlanInput {
  return planFromFeatures(readGmlFeatureCollection(text, { source }).features, epsg);
}

function planFromFeatures(features: Feature[], epsg: number): PlanInput {
  return planFromXPlan(readXPlan(features).objects, epsg);
}

/** Fetches and reads a plan by absolute URL (blob: URLs of the page work too), once per worker (plan-cache.ts). */
export async function fetchPlan(url: string, epsg: number, signal?: AbortSignal): Promise<PlanInput> {
  return planFromFeatures((await planFeatures(url, signal)).features, epsg);
}

/** Every plan outline and line, as the editor snaps to them. */
export function planOutlines(plan: PlanInput): Float64Array[] {
  return [...plan.zones.flatMap((z) => z.polygons.flat()), ...(plan.lines ?? []).map((l) => l.coords)];
}
