/**
 * The GML/WFS/XPlanung worker's implementation: the pure readers of src/core/formats, with
 * response bodies taken by transfer and every coordinate array of the result transferred back.
 */
import { transfer } from 'comlink';
import type { FeatureCollection } from '../../../src/core/formats/feature';
import { geometryBuffers } from '../../../src/core/formats/geometry';
import { readFeatureResponse } from '../../../src/core/formats/wfs/feature-response';
import { planOverlay } from '../../../src/core/formats/xplanung/plan-overlay';
import type { OverlayData } from '../../../src/core/overlay/overlay-data';
import type { GmlParseParams, GmlWorkerApi, PlanBuildResult } from '../../protocol';

function collectionBuffers(fc: FeatureCollection): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const f of fc.features) if (f.geometry) geometryBuffers(f.geometry, set);
  return [...set];
}

function overlayBuffers(overlay: OverlayData): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const f of overlay.features) {
    if (f.kind === 'ground-line') set.add(f.coords.buffer as ArrayBuffer);
    else for (const r of f.rings) set.add(r.buffer as ArrayBuffer);
  }
  return [...set];
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
      return transfer(plan, overlayBuffers(plan.overlay));
    },
    async parsePlan(params) {
      const fc = parse(params, 'file');
      const plan = await planOverlay(fc.features, { id: params.id, storeyHeight: params.storeyHeight });
      const result = { ...plan, warnings: [...fc.warnings, ...plan.warnings], featureCount: fc.features.length, sourceEpsg: fc.sourceEpsg };
      return transfer(result, overlayBuffers(plan.overlay));
    },
  };
}
