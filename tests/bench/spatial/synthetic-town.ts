/**
 * Seeded synthetic towns for the spatial benchmark: n footprints (rotated rectangles and L shapes,
 * ~15 m apart on a jittered grid) in EPSG:25832, and a plan of Baugebiete with Baufenster over it.
 * Written straight into typed arrays so that 1M footprints take well under a second to make.
 */
import type { FootprintSet } from '../../../workers/lib/footprints/footprint-set';
import type { PlanInput, PlanZone } from '../../../workers/lib/spatial/plan/plan-types';
import { seededRandom as createRandom } from '../../helpers/seeded-random';

export { seededRandom as createRandom } from '../../helpers/seeded-random';

export const ORIGIN: [number, number] = [690000, 5330000];
export const SPACING = 15;

export function townSide(n: number): number {
  return Math.ceil(Math.sqrt(n)) * SPACING;
}

export function createSyntheticTown(n: number, seed = 1): FootprintSet {
  const rnd = createRandom(seed);
  const cols = Math.ceil(Math.sqrt(n));
  // Every footprint is one polygon with one ring of 4 (rectangle) or 6 (L) vertices.
  const shapes = new Uint8Array(n);
  let vertices = 0;
  for (let i = 0; i < n; i++) {
    shapes[i] = rnd() < 0.3 ? 6 : 4;
    vertices += shapes[i];
  }
  const set: FootprintSet = {
    epsg: 25832,
    ids: new Array<string>(n),
    groundHeights: new Float64Array(n),
    heights: new Float32Array(n),
    storeys: new Int16Array(n),
    polygonOffsets: new Uint32Array(n + 1),
    ringOffsets: new Uint32Array(n + 1),
    vertexOffsets: new Uint32Array(n + 1),
    coords: new Float64Array(vertices * 2),
    yearsOfConstruction: new Int16Array(n),
    planned: new Uint8Array(n),
  };
  const local = new Float64Array(12);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const cx = ORIGIN[0] + (i % cols) * SPACING + SPACING / 2 + (rnd() - 0.5) * 2;
    const cy = ORIGIN[1] + Math.floor(i / cols) * SPACING + SPACING / 2 + (rnd() - 0.5) * 2;
    const w = 6 + rnd() * 5;
    const h = 6 + rnd() * 5;
    const a = rnd() * Math.PI;
    const [cos, sin] = [Math.cos(a), Math.sin(a)];
    if (shapes[i] === 4) local.set([-w / 2, -h / 2, w / 2, -h / 2, w / 2, h / 2, -w / 2, h / 2]);
    else local.set([-w / 2, -h / 2, w / 2, -h / 2, w / 2, 0, 0, 0, 0, h / 2, -w / 2, h / 2]);
    for (let k = 0; k < shapes[i]; k++) {
      const x = local[k * 2];
      const y = local[k * 2 + 1];
      set.coords[v * 2] = cx + x * cos - y * sin;
      set.coords[v * 2 + 1] = cy + x * sin + y * cos;
      v++;
    }
    set.ids[i] = `DEBY_LOD2_${i}`;
    set.polygonOffsets[i + 1] = i + 1;
    set.ringOffsets[i + 1] = i + 1;
    set.vertexOffsets[i + 1] = v;
    const storeys = 1 + Math.floor(rnd() * 5);
    set.storeys[i] = rnd() < 0.2 ? -1 : storeys;
    set.heights[i] = storeys * 3 + rnd() * 3;
    set.groundHeights[i] = 400 + rnd() * 20;
    set.yearsOfConstruction![i] = 1850 + Math.floor(rnd() * 175);
    set.planned![i] = rnd() < 0.01 ? 1 : 0;
  }
  return set;
}

/** `zones` zones: half Baugebiete (≈150 m squares, some L-shaped), each with a Baufenster inside. */
export function createSyntheticPlan(n: number, zones = 100, seed = 2): PlanInput {
  const rnd = createRandom(seed);
  const side = townSide(n);
  const out: PlanZone[] = [];
  const ring = (pts: number[]) => Float64Array.from(pts);
  for (let k = 0; k < zones / 2; k++) {
    const size = Math.min(150, side / 2);
    const x = ORIGIN[0] + rnd() * (side - size);
    const y = ORIGIN[1] + rnd() * (side - size);
    const L = rnd() < 0.5;
    const outer = L
      ? [x, y, x + size, y, x + size, y + size / 2, x + size / 2, y + size / 2, x + size / 2, y + size, x, y + size]
      : [x, y, x + size, y, x + size, y + size, x, y + size];
    out.push({ id: `wa${k}`, kind: 'baugebiet', label: `WA ${k + 1}`, polygons: [[ring(outer)]], grz: 0.3 + rnd() * 0.2, z: 2 + Math.floor(rnd() * 3), heights: [{ max: 9 + rnd() * 6, bezugspunkt: 2000 }] });
    const m = size * 0.1;
    const s = size / 2 - 2 * m;
    out.push({ id: `bf${k}`, kind: 'baufenster', polygons: [[ring([x + m, y + m, x + m + s, y + m, x + m + s, y + m + s, x + m, y + m + s])]], z: 3 });
  }
  return { epsg: 25832, zones: out };
}
