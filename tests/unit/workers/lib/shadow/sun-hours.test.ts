import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spa, localDayRange, sunDirectionEnu } from '../../../../../src/core/sun';
import { compareSunHoursTask } from '../../../../../workers/lib/shadow/compare-sun-hours';
import { sunHoursTask } from '../../../../../workers/lib/shadow/sun-hours';
import { sunSamples } from '../../../../../workers/lib/shadow/sun-samples';
import { TriangleGrid } from '../../../../../workers/lib/shadow/triangle-grid';
import { createShadowWorkerApi } from '../../../../../workers/lib/shadow/worker-api';
import { runSync } from '../../../../../workers/lib/spatial/task';
import { box, ground, scene } from './scene-helpers';

const landshut = { lat: 48.5372, lon: 12.1522, elevation: 393 };
const frame = { lon: landshut.lon, lat: landshut.lat, height: landshut.elevation };

describe('sun hours', () => {
  it('in March a point due north of a 30 m tower gets fewer hours than one due south', () => {
    const s = scene(ground(500), box('tower', -10, -10, 0, 10, 10, 30));
    const grid = new TriangleGrid(s.positions);
    const sun = sunSamples({ from: '2025-03-21' }, landshut);
    const points = new Float64Array([0, 30, 0, 0, -30, 0, 300, 300, 0]);
    const r = runSync(sunHoursTask(grid, { positions: points }, sun, 0));
    const [north, south, open] = r.hours;
    expect(south).toBeCloseTo(open, 5); // nothing south of the tower blocks the southern sky
    expect(open).toBeGreaterThan(11.5); // a March day at 48.5° N: about 12 h 10 min of sun
    expect(open).toBeLessThan(12.5);
    expect(north).toBeLessThan(south - 2); // the tower takes the midday sun from the north point
  });

  it('matches a hand computation for one long wall within one time step', () => {
    // an east–west wall 10 m high, 2 km long; a ground point 10 m north of it, and a point on its south face
    const s = scene(box('wall', -1000, -0.1, 0, 1000, 0.1, 10));
    const grid = new TriangleGrid(s.positions, { cellSize: 8 });
    const day = '2025-03-21';
    const sun = sunSamples({ from: day }, landshut, 10);
    const south = { positions: new Float64Array([0, -0.1, 5]), normals: new Float64Array([0, -1, 0]) };
    const r = runSync(sunHoursTask(grid, { positions: new Float64Array([0, 10.1, 0]) }, sun, 0));
    const f = runSync(sunHoursTask(grid, south, sun, 11));
    // by hand: minute by minute along the sun's path. The north point sees the sun unless it is south of
    // east–west (d.y < 0) and the ray meets the wall plane (10 m away) below its top: d.z · 10 / −d.y < 10.
    // The south face sees it while the sun is south of east–west; DIN hours only at 11° and higher.
    const { start, end } = localDayRange(2025, 3, 21);
    let north = 0, face = 0;
    for (let t = start + 30_000; t < end; t += 60_000) {
      const p = spa({ ...landshut, date: t });
      if (p.elevation <= 0) continue;
      const d = sunDirectionEnu(p.azimuth, p.elevation);
      if (!(d.y < 0 && (d.z * 10) / -d.y < 10)) north++;
      if (d.y < 0 && p.elevation >= 11) face++;
    }
    expect(Math.abs(r.hours[0] * 60 - north)).toBeLessThanOrEqual(10);
    expect(Math.abs(f.hoursAboveMin[0] * 60 - face)).toBeLessThanOrEqual(10);
    expect(north).toBeLessThan(face + 400); // the hand case is not trivial: the wall shades the point for hours
    expect(r.hours[0]).toBeLessThan(10);
  });

  it('a variant with a new tower: the neighbour north of it loses sun, the one south does not; the heatmap shows where', () => {
    const base = scene(ground(400), box('north', -10, 20, 0, 10, 35, 9), box('south', -10, -55, 0, 10, -40, 9));
    const variant = scene(ground(400), box('north', -10, 20, 0, 10, 35, 9), box('south', -10, -55, 0, 10, -40, 9), box('tower', -8, -8, 0, 8, 8, 30));
    const sun = sunSamples({ from: '2025-03-21' }, landshut);
    const r = runSync(
      compareSunHoursTask({ base, variant, sun, frame, from: '2025-03-21', to: '2025-03-21', cellSize: 4, radius: 100, facadeSpacing: 2, minAltitude: 11 }),
    );
    expect(r.buildings.map((b) => b.id)).toEqual(['north', 'south']);
    const [north, south] = r.buildings;
    expect(north.lostHours).toBeGreaterThan(0.2); // a mean over all four facades
    expect(north.maxLostHours).toBeGreaterThan(1.5); // its south facade
    expect(south.lostHours).toBeCloseTo(0, 6);
    // DIN EN 17037 hours (sun ≥ 11°) per facade point drop too, and the levels are counted per point
    const drop = r.facade.baseHours.map((h, i) => h - r.facade.variantHours[i]);
    expect(Math.max(...drop)).toBeGreaterThan(1.5);
    expect(Object.values(north.baseLevels).reduce((a, b) => a + b)).toBe(north.points);
    const g = r.grid;
    const cell = (x: number, y: number) => Math.floor((y - g.minY) / g.cellSize) * g.nx + Math.floor((x - g.minX) / g.cellSize);
    expect(g.lost![cell(2, 14)]).toBeGreaterThan(2); // north of the tower
    expect(g.lost![cell(2, -25)]).toBe(0); // south of it
    expect(Number.isNaN(g.lost![cell(2, 2)])).toBe(true); // under the tower in the variant
  });
});

describe('shadow worker API', () => {
  const dir = join(__dirname, '../../../../browser/fixtures/town');
  const fetchBytes = async (url: string) => {
    const name = url.replace('https://tiles.test/', '');
    const bytes = readFileSync(join(dir, name));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  const tileset = 'https://tiles.test/tileset.json';

  it('reads the tileset itself (GLB triangles, ids from the property table) and compares hiding a building', async () => {
    const api = createShadowWorkerApi(fetchBytes);
    const progress: number[] = [];
    const r = await api.sunHours(
      { base: { tilesets: [tileset] }, variant: { tilesets: [tileset], hidden: ['DEBY_LOD2_TEST_0008'] }, from: '2025-03-21', cellSize: 4 },
      (p) => progress.push(p.fraction),
    );
    // buildings 8 (35 m, north-east) gone: its neighbours gain sun, nobody loses any
    expect(r.buildings.length).toBe(7);
    expect(r.buildings.every((b) => b.lostHours <= 1e-9)).toBe(true);
    expect(Math.min(...r.buildings.map((b) => b.lostHours))).toBeLessThan(-0.05);
    expect(r.buildings.map((b) => b.id)).not.toContain('DEBY_LOD2_TEST_0008');
    expect(r.facade.positions.length).toBeGreaterThan(100);
    expect(r.rays).toBeGreaterThan(10_000);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('measures the fixture buildings at their heights', async () => {
    const { loadTilesetTriangles, frameOfTileset } = await import('../../../../../workers/lib/shadow/tileset-triangles');
    const f = await frameOfTileset(tileset, fetchBytes);
    const s = await loadTilesetTriangles(tileset, f, { fetchBytes });
    const expected = JSON.parse(readFileSync(join(dir, 'buildings.json'), 'utf8')).buildings as { id: string; height: number; east: number; north: number }[];
    expect(new Set(s.ids)).toEqual(new Set(expected.map((b) => b.id)));
    for (const b of expected) {
      const row = s.ids.indexOf(b.id);
      let z0 = Infinity, z1 = -Infinity;
      for (let t = 0; t < s.feature.length; t++) {
        if (s.feature[t] !== row) continue;
        for (let k = 0; k < 3; k++) {
          z0 = Math.min(z0, s.positions[t * 9 + k * 3 + 2]);
          z1 = Math.max(z1, s.positions[t * 9 + k * 3 + 2]);
        }
      }
      expect(z1 - z0).toBeCloseTo(b.height, 2);
    }
  });

  it('cancels', async () => {
    const api = createShadowWorkerApi(fetchBytes);
    const run = api.sunHours({ base: { tilesets: [tileset] }, from: '2025-03-21', to: '2025-04-21', cellSize: 1, cancelId: 7 }, (p) => {
      if (p.phase === 'computing') api.cancel(7);
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a scenario without tilesets, naming it', async () => {
    const api = createShadowWorkerApi(fetchBytes);
    await expect(api.sunHours({ base: { tilesets: [] } })).rejects.toThrow(/base scenario needs at least one tileset/);
    await expect(api.sunHours({ base: { tilesets: [tileset] }, variant: { tilesets: [tileset], hidden: 'x' as never } })).rejects.toThrow(/variant.hidden/);
  });

  it('names the file of a broken tile', async () => {
    const api = createShadowWorkerApi(async (url) => (url.endsWith('.json') ? fetchBytes(url) : new TextEncoder().encode('nonsense').buffer as ArrayBuffer));
    await expect(api.sunHours({ base: { tilesets: [tileset] } })).rejects.toThrow(/a\.glb|b\.glb/);
  });
});
