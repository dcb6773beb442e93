// The synthetic demo town: reproducible, exactly N buildings, well-formed LoD2 bodies, the planning area where promised.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedBuilding, SurfacePolygon } from '../../../workers/lib/citygml/building';
import { readCityGML } from '../../../workers/lib/citygml/read-citygml';
import { generateTown, type GenerateTownOptions } from '../../../tools/make-demo/generate-town';
import { PLANNED_AREA, plannedArea, TOWN_ORIGIN } from '../../../tools/make-demo/town-layout';

const root = resolve(import.meta.dirname, '../../..');

async function text(opts: GenerateTownOptions): Promise<{ text: string; chunks: number; largest: number }> {
  let out = '';
  let chunks = 0;
  let largest = 0;
  for await (const chunk of generateTown(opts)) {
    out += chunk;
    chunks++;
    largest = Math.max(largest, chunk.length);
  }
  return { text: out, chunks, largest };
}

async function read(xml: string): Promise<{ buildings: ParsedBuilding[]; warnings: unknown[] }> {
  const warnings: unknown[] = [];
  const buildings: ParsedBuilding[] = [];
  async function* bytes() {
    yield new TextEncoder().encode(xml);
  }
  for await (const b of readCityGML(bytes(), { onWarning: (w) => warnings.push(w) })) buildings.push(b);
  return { buildings, warnings };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Newell normal (not normalised) of a ring, and its largest distance from the best plane. */
function plane(ring: Float64Array): { n: number[]; offPlane: number } {
  const n = [0, 0, 0];
  const count = ring.length / 3;
  for (let i = 0; i < count; i++) {
    const j = ((i + 1) % count) * 3;
    const [x0, y0, z0] = [ring[i * 3], ring[i * 3 + 1], ring[i * 3 + 2]];
    const [x1, y1, z1] = [ring[j], ring[j + 1], ring[j + 2]];
    n[0] += (y0 - y1) * (z0 + z1);
    n[1] += (z0 - z1) * (x0 + x1);
    n[2] += (x0 - x1) * (y0 + y1);
  }
  const len = Math.hypot(n[0], n[1], n[2]);
  const u = n.map((c) => c / len);
  const d0 = u[0] * ring[0] + u[1] * ring[1] + u[2] * ring[2];
  let offPlane = 0;
  for (let i = 0; i < count; i++) offPlane = Math.max(offPlane, Math.abs(u[0] * ring[i * 3] + u[1] * ring[i * 3 + 1] + u[2] * ring[i * 3 + 2] - d0));
  return { n: u, offPlane };
}

describe('generateTown', () => {
  it("writes gml:pos per point on request (AdV LoD2-DE style) and the reader gets the same buildings", async () => {
    const posList = await text({ buildings: 40, seed: 5 });
    const pos = await text({ buildings: 40, seed: 5, coordinates: 'pos' });
    expect(pos.text).not.toContain('gml:posList');
    expect(pos.text).toMatch(/<gml:pos>\d+\.\d{3} \d+\.\d{3} \d+\.\d{3}<\/gml:pos>/);
    const a = await read(posList.text);
    const b = await read(pos.text);
    expect(b.warnings).toEqual([]);
    expect(b.buildings.length).toBe(40);
    expect(b.buildings.map((x) => x.polygons.map((p) => p.rings.map((r) => Array.from(r))))).toEqual(
      a.buildings.map((x) => x.polygons.map((p) => p.rings.map((r) => Array.from(r)))),
    );
  });

  it('gives byte-identical output for the same seed, and a different town for another seed', async () => {
    const a = await text({ buildings: 300, seed: 7 });
    const b = await text({ buildings: 300, seed: 7 });
    const c = await text({ buildings: 300, seed: 8 });
    expect(sha(a.text)).toBe(sha(b.text));
    expect(sha(a.text)).not.toBe(sha(c.text));
  });

  it.each([0, 1, 6, 7, 137, 400])('reads back into exactly %i buildings, each with roof, wall and ground surfaces', async (n) => {
    const { buildings, warnings } = await read((await text({ buildings: n, seed: 1 })).text);
    expect(warnings).toEqual([]);
    expect(buildings).toHaveLength(n);
    expect(new Set(buildings.map((b) => b.id)).size).toBe(n);
    for (const b of buildings) {
      const types = new Set(b.polygons.map((p) => p.type));
      expect([...types].sort(), b.id).toEqual(['GroundSurface', 'RoofSurface', 'WallSurface']);
      expect(b.lod).toBe(2);
      expect(b.srsName).toBe('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH');
      expect(b.id).toMatch(/^DEBY_LOD2_/);
    }
  });

  it('writes planar polygons with outward normals and Isar-valley ground heights', async () => {
    const { buildings } = await read((await text({ buildings: 400, seed: 2 })).text);
    const roofTypes = new Set<string>();
    for (const b of buildings) {
      roofTypes.add(b.attributes.roofType!);
      for (const p of b.polygons) {
        const { n, offPlane } = plane(p.rings[0]);
        expect(offPlane, b.id).toBeLessThan(0.002);
        if (p.type === 'GroundSurface') expect(n[2]).toBeCloseTo(-1, 6);
        else if (p.type === 'RoofSurface') expect(n[2]).toBeGreaterThan(0.05);
        else expect(Math.abs(n[2])).toBeLessThan(1e-4); // vertical, up to millimetre rounding
      }
      const ground = b.polygons.find((p) => p.type === 'GroundSurface')!.rings[0][2];
      expect(ground).toBeGreaterThan(380);
      expect(ground).toBeLessThan(420);
    }
    expect([...roofTypes].sort()).toEqual(['1000', '2100', '3100', '3200', '3500']);
  });

  it('uses AdV codes, BuildingParts, addresses and generic attributes like LDBV data', async () => {
    const { text: xml } = await text({ buildings: 400, seed: 1 });
    expect(xml).toContain('<bldg:consistsOfBuildingPart>');
    expect(xml).toContain('<gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">');
    const { buildings } = await read(xml);
    const functions = new Set(buildings.map((b) => b.attributes.function));
    for (const code of ['31001_1000', '31001_1010', '31001_1123', '31001_2100', '31001_3012', '31001_3041']) expect(functions).toContain(code);
    const house = buildings.find((b) => b.attributes.function === '31001_1010')!;
    expect(house.attributes).toMatchObject({ measuredHeightUnit: 'urn:adv:uom:m', generic: { DatenquelleDachhoehe: '1000', Gemeindeschluessel: '09274999' } });
    expect(house.attributes.address).toMatch(/^\S.* \d+, 84999 Isarbach$/);
    const church = buildings.find((b) => b.attributes.function === '31001_3041')!;
    expect(church.attributes.name).toBe('Pfarrkirche St. Martin');
    expect(church.attributes.measuredHeight).toBeGreaterThan(35);
  });

  it('puts the planned buildings where town-layout.ts says, and nothing else in the planning area', async () => {
    const { buildings } = await read((await text({ buildings: 400, seed: 5 })).text);
    const planned = buildings.filter((b) => b.id.startsWith('DEBY_LOD2_PLAN_'));
    expect(planned.map((b) => b.id)).toEqual(PLANNED_AREA.buildings.map((p) => p.id));
    expect(PLANNED_AREA.buildings.length).toBeGreaterThanOrEqual(5);
    expect(PLANNED_AREA.buildings.length).toBeLessThanOrEqual(8);
    expect(Math.max(...planned.map((b) => b.attributes.measuredHeight!))).toBe(18);
    for (const [k, b] of planned.entries()) {
      const spec = PLANNED_AREA.buildings[k];
      expect(b.attributes.generic.planungsstatus).toBe('geplant');
      const ground = b.polygons.find((p) => p.type === 'GroundSurface')!;
      const corners = [...ground.rings[0]].reduce<number[][]>((acc, v, i) => (i % 3 === 0 ? [...acc, [v]] : (acc[acc.length - 1].push(v), acc)), []);
      for (const [e, nn] of spec.footprint) expect(corners.some(([x, y]) => Math.abs(x - e) < 0.0015 && Math.abs(y - nn) < 0.0015)).toBe(true);
      const top = Math.max(...b.polygons.flatMap((p: SurfacePolygon) => [...p.rings[0]].filter((_, i) => i % 3 === 2)));
      expect(top - spec.ground).toBeCloseTo(spec.height, 2);
    }
    const [minE, minN, maxE, maxN] = PLANNED_AREA.bbox;
    const inside = (x: number, y: number) => pointInPolygon(x, y, PLANNED_AREA.boundary);
    for (const b of buildings) {
      if (b.id.startsWith('DEBY_LOD2_PLAN_')) {
        for (const [e, n] of PLANNED_AREA.buildings.find((p) => p.id === b.id)!.footprint) {
          expect(e >= minE && e <= maxE && n >= minN && n <= maxN && inside(e, n)).toBe(true);
        }
        continue;
      }
      const g = b.polygons.find((p) => p.type === 'GroundSurface')!.rings[0];
      for (let i = 0; i < g.length; i += 3) expect(inside(g[i], g[i + 1]), b.id).toBe(false);
    }
  });

  it('moves with the origin and keeps the planning area relative to it', () => {
    const moved = plannedArea([TOWN_ORIGIN[0] + 1000, TOWN_ORIGIN[1] - 500]);
    expect(moved.bbox[0] - PLANNED_AREA.bbox[0]).toBeCloseTo(1000, 6);
    expect(moved.bbox[1] - PLANNED_AREA.bbox[1]).toBeCloseTo(-500, 6);
  });

  it('streams in bounded pieces', async () => {
    const { chunks, largest } = await text({ buildings: 3000, seed: 1 });
    expect(chunks).toBeGreaterThan(100);
    expect(largest).toBeLessThan(128 * 1024);
  });

  it('refuses a bad building count', async () => {
    await expect(text({ buildings: -1, seed: 1 })).rejects.toThrow(RangeError);
    await expect(text({ buildings: 2.5, seed: 1 })).rejects.toThrow(RangeError);
  });

  it('the CLI writes the same bytes as generateTown', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'make-demo-'));
    try {
      const out = join(dir, 'sub', 'demo.gml');
      execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'tools/make-demo/cli.ts'), '--buildings', '120', '--seed', '4', '--out', out], { cwd: root, stdio: 'pipe' });
      expect(sha(readFileSync(out, 'utf8'))).toBe(sha((await text({ buildings: 120, seed: 4 })).text));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function pointInPolygon(x: number, y: number, ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
