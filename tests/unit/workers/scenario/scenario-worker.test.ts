import { describe, expect, it } from 'vitest';
import type { BlockBuilding } from '../../../../src/core/scenario/index.js';
import { buildFootprintSet } from '../../../../workers/lib/footprints/footprint-builder.js';
import { encodeFootprints } from '../../../../workers/lib/footprints/footprint-codec.js';
import { createScenarioWorkerApi } from '../../../../workers/lib/scenario/worker-api.js';
import type { PlanInput } from '../../../../workers/lib/spatial/plan/plan-types.js';
import { validateTilesetFiles } from '../../../helpers/validate-tileset.js';

const E = 724000;
const N = 5377500;
const sq = (x0: number, y0: number, size: number): Float64Array => Float64Array.of(x0, y0, x0 + size, y0, x0 + size, y0 + size, x0, y0 + size, x0, y0);

/** A 40 × 40 m Baugebiet (GRZ 0.4, GFZ 1.2, Z IV) with a 20 × 20 m Baufenster: Oberkante ≤ 15 m over ground. */
const plan: PlanInput = {
  epsg: 25832,
  zones: [
    { id: 'WA', kind: 'baugebiet', label: 'WA 1', polygons: [[sq(E, N, 40)]], grz: 0.4, gfz: 1.2, zMax: 4 },
    { id: 'BF', kind: 'baufenster', label: 'Baufenster', polygons: [[sq(E + 10, N + 10, 20)]], heights: [{ bezugspunkt: 3000, hoehenbezug: 2000, max: 15 }] },
  ],
};

/** One existing 8 × 8 m house of 2 storeys and 7 m at ground 400 m NHN, in the Baugebiet outside the Baufenster. */
const existing = buildFootprintSet([{ id: 'OLD', polygons: [[[[E + 1, N + 1], [E + 9, N + 1], [E + 9, N + 9], [E + 1, N + 9], [E + 1, N + 1]]]], height: 7, groundHeight: 400, storeys: 2 }], 25832);

const block = (extra: Partial<BlockBuilding>): BlockBuilding => ({ kind: 'block', id: 'P1', footprint: [[E + 15, N + 15], [E + 25, N + 15], [E + 25, N + 25], [E + 15, N + 25]], base: 'ground', storeys: 6, ...extra });

async function api() {
  const worker = createScenarioWorkerApi();
  await worker.loadBase({ footprints: encodeFootprints(existing).buffer, plan });
  return worker;
}

describe('scenario worker', () => {
  it('a 6-storey flat block of 18 m breaks the 15 m Oberkante and Z IV; GRZ, GFZ and floor area by hand', async () => {
    const worker = await api();
    const r = await worker.buildVariant({ variantId: 'b', title: 'Variante B', blocks: [block({})], replaces: [] });
    expect(r.issues).toEqual([]);
    expect(r.blocks[0].base).toBe(400); // the ground of the house nearby
    expect(r.blocks[0].heights.top).toBe(18);
    const report = r.report!;
    const texts = report.findings.filter((f) => f.planned && f.status === 'violation').map((f) => f.text);
    expect(texts).toContain('Oberkante 18,0 m > 15,0 m zulässig');
    expect(texts).toContain('Vollgeschosse 6 > 4 zulässig');
    expect(report.findings.find((f) => f.check === 'height')!.margin).toBeCloseTo(-3, 9);
    // built: 64 + 100 m² on 1,600 m²; floor area: 2 × 64 + 6 × 100 = 728 m²
    expect(report.grz).toBeCloseTo(164 / 1600, 9);
    expect(report.gfz).toBeCloseTo(728 / 1600, 9);
    expect(report.grossFloorArea).toBeCloseTo(728, 9);
    expect(report.plannedFloorArea).toBeCloseTo(600, 9);
    expect(report.findings.find((f) => f.check === 'gfz')!.text).toBe('GFZ 0,46 ≤ 1,20 zulässig, 0,74 Reserve (Geschossfläche 728 m²)');
    expect(report.violations).toBe(2);
    // the tileset of the planned block: one building, with its footprints
    expect([...r.files.keys()].sort()).toEqual(['footprints.bin', 'tiles/0-0-0.glb', 'tileset.json']);
    expect(r.summary!.buildings).toBe(1);
    const glb = new TextDecoder().decode(r.files.get('tiles/0-0-0.glb')!);
    expect(glb).toContain('P1');
    expect(glb).toContain('geplant');
  });

  it('a 4-storey block with a 30° gable roof complies: top 4 × 3 + 5 · tan 30° = 14.89 m', async () => {
    const worker = await api();
    const r = await worker.buildVariant({ variantId: 'a', title: 'Variante A', blocks: [block({ storeys: 4, roof: { form: 'gable', pitch: 30 } })], replaces: ['OLD', 'NOPE'], tileset: false });
    const top = 12 + 5 * Math.tan(Math.PI / 6);
    expect(r.blocks[0].heights.top).toBeCloseTo(top, 9);
    expect(r.report!.violations).toBe(0);
    expect(r.report!.findings.find((f) => f.check === 'height')!.text).toBe('Oberkante 14,9 m ≤ 15,0 m zulässig, 0,1 m Reserve');
    // the replaced house no longer counts; the unknown id is reported
    expect(r.report!.grz).toBeCloseTo(100 / 1600, 9);
    expect(r.missing).toEqual(['NOPE']);
    expect(r.files.size).toBe(0);
  });

  it('leaves out a block whose ground is unknown, keeping the others', async () => {
    const worker = await api();
    const far = block({ id: 'FAR', footprint: [[E + 5000, N], [E + 5010, N], [E + 5010, N + 10]] });
    const r = await worker.buildVariant({ variantId: 'a', title: 'A', blocks: [far, block({ storeys: 2 })], replaces: [] });
    expect(r.issues).toEqual([{ buildingId: 'FAR', message: expect.stringMatching(/ground height/) }]);
    expect(r.blocks.map((b) => b.id)).toEqual(['P1']);
    expect(r.summary!.buildings).toBe(1);
  });

  it("blocks of every roof form make a tileset that Cesium's 3d-tiles-validator accepts with 0 errors", async () => {
    const worker = await api();
    const at = (dx: number): [number, number][] => [[E + dx, N], [E + dx + 12, N], [E + dx + 12, N + 8], [E + dx, N + 8]];
    const blocks: BlockBuilding[] = (['flat', 'gable', 'hip', 'shed'] as const).map((form, k) => ({ kind: 'block', id: `R-${form}`, footprint: at(k * 20), base: 400, storeys: 2, roof: { form } }));
    blocks.push({ kind: 'block', id: 'L', name: 'L-förmig', footprint: [[E, N + 30], [E + 20, N + 30], [E + 20, N + 38], [E + 8, N + 38], [E + 8, N + 50], [E, N + 50]], base: 400, height: 7, roof: { form: 'gable', ridgeDirection: 90 } });
    const r = await worker.buildVariant({ variantId: 'v', title: 'V', blocks, replaces: [] });
    expect(r.issues).toEqual([]);
    expect(r.summary!.buildings).toBe(5);
    const report = await validateTilesetFiles(r.files);
    expect(report.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(report.numErrors).toBe(0);
  }, 180_000);

  it('counts the footprints of a converted CityGML addition as planned buildings in the compliance', async () => {
    const worker = await api();
    const added = buildFootprintSet([{ id: 'CITYGML_1', polygons: [[[[E + 12, N + 12], [E + 22, N + 12], [E + 22, N + 22], [E + 12, N + 22], [E + 12, N + 12]]]], height: 16.5, groundHeight: 400, storeys: 5 }], 25832);
    const r = await worker.buildVariant({ variantId: 'c', title: 'C', blocks: [], replaces: [], extraFootprints: [encodeFootprints(added).buffer] });
    const texts = r.report!.findings.filter((f) => f.planned && f.status === 'violation').map((f) => `${f.buildingId}: ${f.text}`);
    expect(texts).toContain('CITYGML_1: Oberkante 16,5 m > 15,0 m zulässig');
    expect(texts).toContain('CITYGML_1: Vollgeschosse 5 > 4 zulässig');
    expect(r.report!.maxPlannedHeight).toBeCloseTo(16.5, 5);
    expect(r.report!.plannedFloorArea).toBeCloseTo(500, 9);
  });
});
