/**
 * The synthetic Bebauungsplan "Am Mühlbach" for the demo town: it covers the planning block of
 * tools/make-demo/town-layout.ts and fits its planned buildings. Six fit their Baufenster; the
 * "Wohnturm" (18 m, six storeys) breaks the 15 m height limit of its Baufenster (and Zmax IV).
 * Positions are in block coordinates (du along the bending street, dv across) turned into
 * EPSG:25832 with the town's own place(), so the plan bends with the streets.
 */
import { BLOCK_U, BLOCK_V, PLANNED_BLOCK, STREET_WIDTH, TOWN_ORIGIN, blockCentre, place, plannedArea, type PlannedArea } from '../make-demo/town-layout';

export type Ring = [number, number][];

export interface Hoehe {
  bezugspunkt: number;
  hoehenbezug: number;
  hMax?: number;
  h?: number;
}

export interface PlanArea {
  id: string;
  ring: Ring;
  art: number;
  gliederung: string;
  GRZ: number;
  GFZ: number;
  Z?: number;
  Zmax?: number;
  bauweise: number;
  dachform: number[];
}

export interface PlanWindow {
  id: string;
  ring: Ring;
  Z?: number;
  Zmax?: number;
  hoehen: Hoehe[];
}

export interface PlanLine {
  id: string;
  kind: 'BP_BauGrenze' | 'BP_BauLinie';
  line: Ring;
}

export interface PlanMark {
  id: string;
  at: [number, number];
  h: number;
  text: string;
}

export interface DemoPlan {
  name: string;
  nummer: string;
  boundary: Ring;
  areas: PlanArea[];
  windows: PlanWindow[];
  lines: PlanLine[];
  marks: PlanMark[];
  /** The planned building that breaks its limit, and by how much (metres). */
  violation: { buildingId: string; windowId: string; height: number; limit: number };
  area: PlannedArea;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;
/** Street-parallel edges are sampled this often (metres): enough to follow the gentle bend, few vertical edges on the volumes. */
const SAMPLE = 12;

/** A rectangle in block coordinates, with its u-edges sampled every {@link SAMPLE} m so that it bends with the street. */
function blockRect(origin: readonly [number, number], u0: number, u1: number, v0: number, v1: number): Ring {
  const [bu, bv] = blockCentre(PLANNED_BLOCK.i, PLANNED_BLOCK.j);
  const steps = Math.max(1, Math.ceil((u1 - u0) / SAMPLE));
  const at = (u: number, v: number): [number, number] => {
    const p = place(bu + u, bv + v, origin);
    return [r3(p.x), r3(p.y)];
  };
  const ring: Ring = [];
  for (let k = 0; k <= steps; k++) ring.push(at(u0 + ((u1 - u0) * k) / steps, v0));
  for (let k = steps; k >= 0; k--) ring.push(at(u0 + ((u1 - u0) * k) / steps, v1));
  ring.push(ring[0]);
  return ring;
}

/** A line along u at a fixed v (the bending street front). */
function blockLine(origin: readonly [number, number], u0: number, u1: number, v: number): Ring {
  return blockRect(origin, u0, u1, v, v).slice(0, Math.max(2, Math.ceil((u1 - u0) / SAMPLE) + 1));
}

function groundAt(origin: readonly [number, number], u: number, v: number): number {
  const [bu, bv] = blockCentre(PLANNED_BLOCK.i, PLANNED_BLOCK.j);
  return place(bu + u, bv + v, origin).ground;
}

/** Splits a closed ring into its edges as open lines (Baugrenze segments). */
function edges(ring: Ring, skipSouth: boolean, uSteps: number): Ring[] {
  const south = ring.slice(0, uSteps + 1);
  const east = [ring[uSteps], ring[uSteps + 1]];
  const north = ring.slice(uSteps + 1, 2 * uSteps + 2);
  const west = [ring[2 * uSteps + 1], ring[0]];
  return skipSouth ? [east, north, west] : [south, east, north, west];
}

export function demoPlan(origin: readonly [number, number] = TOWN_ORIGIN): DemoPlan {
  const area = plannedArea(origin);
  const halfU = (BLOCK_U - STREET_WIDTH) / 2;
  const halfV = (BLOCK_V - STREET_WIDTH) / 2;
  const R = (u0: number, u1: number, v0: number, v1: number) => blockRect(origin, u0, u1, v0, v1);
  const split = -10.5; // between Haus B (ends at du −13) and Haus C (starts at du −8)
  const areas: PlanArea[] = [
    { id: 'BTF_WA1', ring: R(-halfU, split, -halfV, 0), art: 1200, gliederung: 'WA 1', GRZ: 0.4, GFZ: 1.2, Z: 3, bauweise: 1000, dachform: [1000] },
    { id: 'BTF_WA2', ring: R(split, halfU, -halfV, 0), art: 1200, gliederung: 'WA 2', GRZ: 0.4, GFZ: 1.2, Z: 3, bauweise: 1000, dachform: [2100, 1000] },
    { id: 'BTF_MI', ring: R(-halfU, halfU, 0, halfV), art: 1500, gliederung: 'MI', GRZ: 0.6, GFZ: 1.6, Zmax: 4, bauweise: 3000, dachform: [1000] },
  ];
  // the houses' street faces are at dv −23.5, give or take a metre where the street bends: the
  // Baulinie runs along the front of the southern Baufenster, 1.5 m in front of them
  const front = -25;
  const neGround = Math.round(groundAt(origin, 36, 16) * 10) / 10;
  const windows: PlanWindow[] = [
    { id: 'UGF_SW', ring: R(-51, -12, front, -10.5), Z: 3, hoehen: [{ bezugspunkt: 2000, hoehenbezug: 2000, hMax: 10.5 }] },
    { id: 'UGF_SO', ring: R(-9, 51, front, -10.5), Z: 3, hoehen: [{ bezugspunkt: 3000, hoehenbezug: 2000, hMax: 11.5 }] },
    { id: 'UGF_TURM', ring: R(-13, 13, 4, 25), Zmax: 4, hoehen: [{ bezugspunkt: 3000, hoehenbezug: 2000, hMax: 15 }] },
    { id: 'UGF_NW', ring: R(-50, -22, 6, 26), Z: 2, hoehen: [] },
    { id: 'UGF_NO', ring: R(22, 50, 6, 26), Zmax: 4, hoehen: [{ bezugspunkt: 3000, hoehenbezug: 1000, hMax: Math.round((neGround + 13) * 10) / 10 }] },
  ];
  const steps = (u0: number, u1: number) => Math.max(1, Math.ceil((u1 - u0) / SAMPLE));
  const lines: PlanLine[] = [{ id: 'BL_SUED', kind: 'BP_BauLinie', line: blockLine(origin, -51, 51, front) }];
  const spans: Record<string, [number, number]> = { UGF_SW: [-51, -12], UGF_SO: [-9, 51], UGF_TURM: [-13, 13], UGF_NW: [-50, -22], UGF_NO: [22, 50] };
  for (const w of windows) {
    const [u0, u1] = spans[w.id];
    edges(w.ring, w.id === 'UGF_SW' || w.id === 'UGF_SO', steps(u0, u1)).forEach((line, k) => lines.push({ id: `BG_${w.id.slice(4)}_${k + 1}`, kind: 'BP_BauGrenze', line }));
  }
  const [bu, bv] = blockCentre(PLANNED_BLOCK.i, PLANNED_BLOCK.j);
  const markAt = place(bu + 36, bv + 16, origin);
  const marks: PlanMark[] = [{ id: 'HM_NO', at: [r3(markAt.x), r3(markAt.y)], h: neGround, text: 'Geländehöhe über NHN' }];
  const tower = area.buildings.find((b) => b.name === 'Planung Wohnturm')!;
  return {
    name: 'Am Mühlbach',
    nummer: '7',
    boundary: [...area.boundary, area.boundary[0]],
    areas,
    windows,
    lines,
    marks,
    violation: { buildingId: tower.id, windowId: 'UGF_TURM', height: tower.height, limit: 15 },
    area,
  };
}
