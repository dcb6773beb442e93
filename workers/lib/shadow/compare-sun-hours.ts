/**
 * Sun hours of one scenario, or what a variant takes from its neighbours: ground grid and facade points
 * in both scenarios, the difference per cell and per building (area-weighted), and the DIN EN 17037 level
 * of every facade point. Pure: the triangles come in, typed arrays go out.
 */
import { en17037, en17037Level, type En17037Level } from '../../../src/core/sun';
import type { Task } from '../spatial/task';
import { facadePoints, groundGrid, type Bounds2 } from './sample-points';
import type { BuildingSunRow, LevelCounts, SunHoursResult } from './shadow-types';
import { sunHoursTask } from './sun-hours';
import type { SunSamples } from './sun-samples';
import type { LocalFrame, SceneTriangles } from './tileset-triangles';
import { TriangleGrid } from './triangle-grid';

export interface CompareInput {
  base: SceneTriangles;
  /** Absent: one scenario only (variant = base in the result). */
  variant?: SceneTriangles;
  sun: SunSamples;
  frame: LocalFrame;
  from: string;
  to: string;
  cellSize: number;
  area?: Bounds2;
  buildings?: string[];
  radius: number;
  facadeSpacing: number;
  minAltitude: number;
}

/** A scenario's triangles without the hidden buildings. */
export function withoutHidden(scene: SceneTriangles, hidden: Iterable<string> = []): SceneTriangles {
  const drop = new Set(hidden);
  if (drop.size === 0) return scene;
  const keep: number[] = [];
  for (let t = 0; t < scene.feature.length; t++) if (scene.feature[t] < 0 || !drop.has(scene.ids[scene.feature[t]])) keep.push(t);
  const positions = new Float64Array(keep.length * 9);
  const feature = new Int32Array(keep.length);
  keep.forEach((t, k) => {
    positions.set(scene.positions.subarray(t * 9, t * 9 + 9), k * 9);
    feature[k] = scene.feature[t];
  });
  return { positions, feature, ids: scene.ids };
}

/** Plan centroid and box of every building with triangles. */
function buildingBoxes(scene: SceneTriangles): Map<string, Bounds2> {
  const boxes = new Map<string, Bounds2>();
  const p = scene.positions;
  for (let t = 0; t < scene.feature.length; t++) {
    if (scene.feature[t] < 0) continue;
    const id = scene.ids[scene.feature[t]];
    let b = boxes.get(id);
    if (!b) boxes.set(id, (b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }));
    for (let k = 0; k < 3; k++) {
      const x = p[t * 9 + k * 3], y = p[t * 9 + k * 3 + 1];
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (y < b.minY) b.minY = y;
      if (y > b.maxY) b.maxY = y;
    }
  }
  return boxes;
}

function union(boxes: Iterable<Bounds2>, pad = 0): Bounds2 | null {
  let u: Bounds2 | null = null;
  for (const b of boxes) {
    u = u ? { minX: Math.min(u.minX, b.minX), minY: Math.min(u.minY, b.minY), maxX: Math.max(u.maxX, b.maxX), maxY: Math.max(u.maxY, b.maxY) } : { ...b };
  }
  return u && { minX: u.minX - pad, minY: u.minY - pad, maxX: u.maxX + pad, maxY: u.maxY + pad };
}

function zeroLevels(): LevelCounts {
  return { none: 0, minimum: 0, medium: 0, high: 0 };
}

export function* compareSunHoursTask(input: CompareInput): Task<Omit<SunHoursResult, 'elapsedMs'>> {
  const { base, sun } = input;
  const variant = input.variant ?? base;
  const baseBoxes = buildingBoxes(base);
  const variantBoxes = buildingBoxes(variant);
  const changed: Bounds2[] = [];
  for (const [id, b] of baseBoxes) if (!variantBoxes.has(id)) changed.push(b);
  for (const [id, b] of variantBoxes) if (!baseBoxes.has(id)) changed.push(b);
  const changedArea = input.variant ? union(changed, input.radius) : null;

  // facade buildings: present in both scenarios, near the change (or named)
  const chosen = input.buildings
    ? input.buildings.filter((id) => baseBoxes.has(id) && variantBoxes.has(id))
    : [...baseBoxes.keys()].filter((id) => {
        if (!variantBoxes.has(id)) return false;
        if (!changedArea) return true;
        const b = baseBoxes.get(id)!;
        return b.maxX >= changedArea.minX && b.minX <= changedArea.maxX && b.maxY >= changedArea.minY && b.minY <= changedArea.maxY;
      });
  const facades = facadePoints(base, chosen, input.facadeSpacing);

  const baseGrid = new TriangleGrid(base.positions);
  const variantGrid = input.variant ? new TriangleGrid(variant.positions) : baseGrid;
  const area = input.area ?? changedArea ?? { minX: baseGrid.minX, minY: baseGrid.minY, maxX: baseGrid.minX + baseGrid.nx * baseGrid.cellSize, maxY: baseGrid.minY + baseGrid.ny * baseGrid.cellSize };
  const groundZ = Math.min(baseGrid.minZ, variantGrid.minZ);
  const groundBase = groundGrid(area, input.cellSize, groundZ, baseGrid);
  const groundVariant = input.variant ? groundGrid(area, input.cellSize, groundZ, variantGrid) : groundBase;

  const runs = input.variant ? 2 : 1;
  const work = groundBase.positions.length + facades.positions.length;
  let doneWork = 0;
  function* sub<T>(task: Task<T>, size: number): Task<T> {
    for (;;) {
      const step = task.next();
      if (step.done) {
        doneWork += size;
        return step.value;
      }
      yield (doneWork + (typeof step.value === 'number' ? step.value : 0) * size) / (work * runs);
    }
  }
  const gb = yield* sub(sunHoursTask(baseGrid, { positions: groundBase.positions }, sun, 0), groundBase.positions.length);
  const fb = yield* sub(sunHoursTask(baseGrid, facades, sun, input.minAltitude), facades.positions.length);
  const gv = input.variant ? yield* sub(sunHoursTask(variantGrid, { positions: groundVariant.positions }, sun, 0), groundVariant.positions.length) : gb;
  const fv = input.variant ? yield* sub(sunHoursTask(variantGrid, facades, sun, input.minAltitude), facades.positions.length) : fb;

  const rows: BuildingSunRow[] = facades.buildings.map((id) => ({
    id,
    facadeArea: 0,
    points: 0,
    baseHours: 0,
    variantHours: 0,
    lostHours: 0,
    maxLostHours: 0,
    baseLevels: zeroLevels(),
    variantLevels: zeroLevels(),
  }));
  for (let i = 0; i < facades.areas.length; i++) {
    const row = rows[facades.building[i]];
    const a = facades.areas[i];
    row.facadeArea += a;
    row.points++;
    row.baseHours += fb.hours[i] * a;
    row.variantHours += fv.hours[i] * a;
    row.maxLostHours = Math.max(row.maxLostHours, fb.hours[i] - fv.hours[i]);
    row.baseLevels[en17037Level(fb.hoursAboveMin[i]) as En17037Level]++;
    row.variantLevels[en17037Level(fv.hoursAboveMin[i]) as En17037Level]++;
  }
  for (const row of rows) {
    if (row.facadeArea > 0) {
      row.baseHours /= row.facadeArea;
      row.variantHours /= row.facadeArea;
    }
    row.lostHours = row.baseHours - row.variantHours;
  }
  rows.sort((a, b) => b.lostHours - a.lostHours || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const lost = input.variant ? new Float32Array(gb.hours.length) : undefined;
  if (lost) for (let i = 0; i < lost.length; i++) lost[i] = gb.hours[i] - gv.hours[i];
  const facadePositions = new Float32Array(facades.positions);
  return {
    frame: input.frame,
    from: input.from,
    to: input.to,
    days: sun.days,
    stepMinutes: sun.stepMinutes,
    minAltitude: input.minAltitude ?? en17037.defaultMinAltitude,
    grid: {
      minX: groundBase.minX,
      minY: groundBase.minY,
      cellSize: groundBase.cellSize,
      nx: groundBase.nx,
      ny: groundBase.ny,
      base: gb.hours,
      ...(input.variant ? { variant: gv.hours, lost } : {}),
    },
    buildings: rows,
    facade: { positions: facadePositions, baseHours: fb.hoursAboveMin, variantHours: fv.hoursAboveMin, building: facades.building },
    rays: baseGrid.rays + (variantGrid === baseGrid ? 0 : variantGrid.rays),
  };
}
