/**
 * The scenario worker's implementation (workers/scenario.worker.ts exposes it; tests call it directly).
 * Holds the base footprints and the plan; each variant's blocks are built into tiles with the converter
 * (convertBuildings) and checked with the spatial worker's compliance code.
 */
import { transfer } from 'comlink';
import type { BuildVariantParams, BuildVariantResult, ScenarioWorkerApi } from '../../scenario-protocol';
import { centroid } from '../../../src/core/scenario/index';
import { convertBuildings } from '../convert/convert-citygml';
import type { ParsedBuilding } from '../citygml/building';
import { decodeFootprints } from '../footprints/footprint-codec';
import type { PlainFootprint } from '../footprints/footprint-builder';
import type { FootprintSet } from '../footprints/footprint-set';
import { fetchPlan, planOutlines } from '../spatial/plan/plan-file';
import { PlanIndex } from '../spatial/plan/plan-index';
import { footprintCentres, groundHeightAt } from './ground-height';
import { modelTilesetJson } from './model-tileset';
import { blockToParsedBuilding, type PlannedBlockInfo } from './planned-buildings';
import { checkVariant, plainFootprints } from './variant-compliance';

export function createScenarioWorkerApi(): ScenarioWorkerApi {
  let set: FootprintSet | null = null;
  let centres: Float64Array | null = null;
  let plain: PlainFootprint[] | null = null;
  let ids: Set<string> | null = null;
  let plan: PlanIndex | null = null;

  const groundAt = (x: number, y: number): number => {
    const h = set && centres ? groundHeightAt(set, centres, x, y) : NaN;
    if (!Number.isFinite(h)) throw new Error('no existing building within 300 m tells the ground height here: give the height in metres NHN');
    return h;
  };

  return {
    async loadBase(params) {
      if (params.footprints) {
        set = decodeFootprints(new Uint8Array(params.footprints), { source: params.source });
        centres = footprintCentres(set);
        plain = plainFootprints(set);
        ids = new Set(set.ids);
      }
      let input = params.plan;
      let planError: string | undefined;
      // a plan that cannot be read leaves the footprints loaded: the variants are still built, unchecked
      if (!input && params.planUrl) input = await fetchPlan(params.planUrl, set?.epsg ?? 25832).catch((err: Error) => ((planError = err.message), undefined));
      if (input) {
        const next = new PlanIndex(input);
        if (set && next.epsg !== set.epsg) throw new Error(`The plan is in EPSG:${next.epsg}, the footprints in EPSG:${set.epsg}`);
        plan = next;
      }
      const outlines = input ? planOutlines(input).map((a) => a.slice()) : [];
      const result = { buildings: set?.ids.length ?? 0, zones: plan?.zones.length ?? 0, planOutlines: outlines, ...(planError ? { planError } : {}) };
      return transfer(result, outlines.map((a) => a.buffer as ArrayBuffer));
    },

    async buildVariant(params: BuildVariantParams): Promise<BuildVariantResult> {
      const issues: BuildVariantResult['issues'] = [];
      const parsed: ParsedBuilding[] = [];
      const blocks: PlannedBlockInfo[] = [];
      for (const block of params.blocks) {
        try {
          let base = block.base ?? 'ground';
          if (base === 'ground') {
            const [x, y] = centroid(block.footprint);
            base = groundAt(x, y);
          }
          const { building, info } = blockToParsedBuilding(block, base, params.title);
          parsed.push(building);
          blocks.push(info);
        } catch (err) {
          issues.push({ buildingId: block.id, message: (err as Error).message });
        }
      }
      const files = new Map<string, Uint8Array>();
      let summary: BuildVariantResult['summary'] = null;
      if (parsed.length && params.tileset !== false) {
        summary = await convertBuildings(parsed, { write: (path, bytes) => void files.set(path, bytes.slice()) }, { file: `${params.variantId}.scenario` });
        if (summary.error) issues.push({ buildingId: '', message: summary.error.message });
      }
      const missing = ids ? params.replaces.filter((id) => !ids!.has(id)) : null;
      const extra = (params.extraFootprints ?? []).flatMap((bytes) => {
        const added = decodeFootprints(new Uint8Array(bytes), { source: `${params.variantId} CityGML` });
        if (!set || added.epsg === set.epsg) return plainFootprints(added);
        issues.push({ buildingId: '', message: `a CityGML addition in EPSG:${added.epsg} is drawn but not checked against the plan (EPSG:${set.epsg})` });
        return [];
      });
      const report = plan && plain && set ? checkVariant(plain, set.epsg, plan, { variantId: params.variantId, blocks, replaces: params.replaces, extra }) : null;
      const result: BuildVariantResult = { variantId: params.variantId, files, summary, blocks, issues, missing, report };
      return transfer(result, [...files.values()].map((b) => b.buffer as ArrayBuffer));
    },

    async outlines({ bbox, maxVertices = 200_000 }) {
      const out: Float64Array[] = [];
      if (!set) return out;
      let vertices = 0;
      for (let i = 0; i < set.ids.length && vertices < maxVertices; i++) {
        const p = set.polygonOffsets[i];
        if (p === set.polygonOffsets[i + 1]) continue;
        const r = set.ringOffsets[p];
        const ring = set.coords.slice(set.vertexOffsets[r] * 2, set.vertexOffsets[r + 1] * 2);
        let inside = false;
        for (let k = 0; k < ring.length && !inside; k += 2) inside = ring[k] >= bbox[0] && ring[k] <= bbox[2] && ring[k + 1] >= bbox[1] && ring[k + 1] <= bbox[3];
        if (!inside) continue;
        vertices += ring.length / 2;
        out.push(ring);
      }
      return transfer(out, out.map((r) => r.buffer as ArrayBuffer));
    },

    async modelTileset(params) {
      const height = params.height === undefined || params.height === 'ground' ? groundAt(params.easting, params.northing) : params.height;
      const bytes = await modelTilesetJson({ ...params, height }, params.contentUri);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
}
