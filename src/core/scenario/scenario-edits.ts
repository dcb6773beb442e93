/** Pure edits of a scenario: each returns a new scenario (unchanged parts shared) or the same one when nothing changes. */
import { normalizeFootprint, type Point2 } from './footprint.js';
import type { BlockBuilding, PlannedBuilding, Scenario, Variant } from './scenario-types.js';

function withVariant(s: Scenario, variantId: string, edit: (v: Variant) => Variant): Scenario {
  const i = s.variants.findIndex((v) => v.id === variantId);
  if (i < 0) throw new Error(`no variant "${variantId}" in the scenario`);
  const next = edit(s.variants[i]);
  if (next === s.variants[i]) return s;
  const variants = s.variants.slice();
  variants[i] = next;
  return { ...s, variants };
}

function withBuilding(s: Scenario, variantId: string, buildingId: string, edit: (b: PlannedBuilding) => PlannedBuilding): Scenario {
  return withVariant(s, variantId, (v) => {
    const k = v.buildings.findIndex((b) => b.id === buildingId);
    if (k < 0) throw new Error(`no building "${buildingId}" in variant "${variantId}"`);
    const buildings = v.buildings.slice();
    buildings[k] = edit(v.buildings[k]);
    return { ...v, buildings };
  });
}

export function addVariant(s: Scenario, variant: Variant): Scenario {
  if (s.variants.some((v) => v.id === variant.id)) throw new Error(`variant id "${variant.id}" exists`);
  return { ...s, variants: [...s.variants, variant] };
}

/** A fresh id not used by any building of the scenario: prefix-1, prefix-2, … */
export function freshBuildingId(s: Scenario, prefix: string): string {
  const used = new Set(s.variants.flatMap((v) => v.buildings.map((b) => b.id)));
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

export function addBuilding(s: Scenario, variantId: string, building: PlannedBuilding): Scenario {
  if (building.kind === 'block') normalizeFootprint(building.footprint);
  return withVariant(s, variantId, (v) => ({ ...v, buildings: [...v.buildings, building] }));
}

export function removeBuilding(s: Scenario, variantId: string, buildingId: string): Scenario {
  return withVariant(s, variantId, (v) => (v.buildings.some((b) => b.id === buildingId) ? { ...v, buildings: v.buildings.filter((b) => b.id !== buildingId) } : v));
}

/** Changes a block's parameters (height, storeys, roof …); the footprint is checked when it changes. */
export function updateBlock(s: Scenario, variantId: string, buildingId: string, changes: Partial<Omit<BlockBuilding, 'kind' | 'id'>>): Scenario {
  return withBuilding(s, variantId, buildingId, (b) => {
    if (b.kind !== 'block') throw new Error(`"${buildingId}" is not a block`);
    const next: BlockBuilding = { ...b, ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete (next as unknown as Record<string, unknown>)[key];
    if (changes.footprint) normalizeFootprint(changes.footprint);
    return next;
  });
}

/** Moves a planned building by metres east and north. */
export function moveBuilding(s: Scenario, variantId: string, buildingId: string, dx: number, dy: number): Scenario {
  if (dx === 0 && dy === 0) return s;
  return withBuilding(s, variantId, buildingId, (b) => {
    if (b.kind === 'block') return { ...b, footprint: b.footprint.map(([x, y]) => [x + dx, y + dy] as Point2) };
    if (b.kind === 'model') return { ...b, position: { ...b.position, easting: b.position.easting + dx, northing: b.position.northing + dy } };
    throw new Error(`a CityGML building ("${buildingId}") is placed by its file and cannot be moved`);
  });
}

/** Turns a planned building clockwise by degrees around its footprint's centroid (a model around its anchor). */
export function rotateBuilding(s: Scenario, variantId: string, buildingId: string, degrees: number): Scenario {
  if (degrees === 0) return s;
  return withBuilding(s, variantId, buildingId, (b) => {
    if (b.kind === 'model') return { ...b, heading: (((b.heading ?? 0) + degrees) % 360 + 360) % 360 };
    if (b.kind !== 'block') throw new Error(`a CityGML building ("${buildingId}") is placed by its file and cannot be turned`);
    const [cx, cy] = centroid(b.footprint);
    const a = (-degrees * Math.PI) / 180; // clockwise in east/north axes
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const footprint = b.footprint.map(([x, y]) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos] as Point2);
    const roof = b.roof?.ridgeDirection !== undefined ? { ...b.roof, ridgeDirection: (((b.roof.ridgeDirection + degrees) % 360) + 360) % 360 } : b.roof;
    return { ...b, footprint, ...(roof ? { roof } : {}) };
  });
}

/** Hides an existing building in a variant, or shows it again. */
export function toggleReplaced(s: Scenario, variantId: string, existingId: string): Scenario {
  return withVariant(s, variantId, (v) => ({ ...v, replaces: v.replaces.includes(existingId) ? v.replaces.filter((r) => r !== existingId) : [...v.replaces, existingId] }));
}

/** Area centroid of a ring (the vertex mean for a degenerate one). */
export function centroid(ring: readonly (readonly number[])[]): [number, number] {
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0] - x0, yi = ring[i][1] - y0, xj = ring[j][0] - x0, yj = ring[j][1] - y0;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  if (Math.abs(a) < 1e-12) return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  return [x0 + cx / (3 * a), y0 + cy / (3 * a)];
}
