/**
 * The GML/WFS/XPlanung worker's implementation: the pure readers of src/core/formats, with
 * response bodies taken by transfer and every coordinate array of the result transferred back.
 */
import { transfer } from 'comlink';
import type { FeatureCollection } from '../../../src/core/formats/feature';
import { geometryBuffers } from '../../../src/core/formats/geometry';
import { readFeatureResponse } from '../../../src/core/formats/wfs/feature-response';
import { planOverlay } from '../../../src/core/formats/xplanung/plan-overlay';
import type { GmlParseParams, GmlWorkerApi, PlanBuildResult, PlanParseResult } from '../../protocol';
import { overlayBuffers } from '../data/overlay-buffers';
import { withTriangles } from '../data/overlay-triangles';
import { planFeatures } from '../data/plan-cache';

function collectionBuffers(fc: FeatureCollection): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const f of fc.features) if (f.geometry) geometryBuffers(f.geometry, set);
  return [...set];
}

/** A plan from its features: built, triangulated and handed over with its arrays transferred. */
async function planResult(fc: FeatureCollection, params: { id: string; storeyHeight?: number }): Promise<PlanParseResult> {
  const plan = await planOverlay(fc.features, { id: params.id, storeyHeight: params.storeyHeight });
  withTriangles(plan.overlay);
  const result = { ...plan, warnings: [...fc.warnings, ...plan.warnings], featureCount: fc.features.length, sourceEpsg: fc.sourceEpsg };
  return transfer(result, overlayBuffers(plan.overlay));
}

function parse(params: GmlParseParams, axisConvention: 'wfs' | 'file'): FeatureCollection {
  return readFeatureResponse(params.body, { source: params.source, srsName: params.srsName, typeName: params.typeName, arcTolerance: params.arcTolerance, axisConvention });
}

export function createGmlWorkerApi(): GmlWorkerApi {
  return {
    async parseFeatures(params) {
      const fc = parse(params, 'wfs');
      return transfer(fc, collectionBuffers(fc));
    },
    async buildPlan(params) {
      const plan: PlanBuildResult = await planOverlay(params.features, { id: params.id, storeyHeight: params.storeyHeight });
      withTriangles(plan.overlay);
      return transfer(plan, overlayBuffers(plan.overlay));
    },
    parsePlan: (params) => planResult(parse(params, 'file'), params),
    parsePlanUrl: async (params) => planResult(await planFeatures(params.url), params),
  };
}
