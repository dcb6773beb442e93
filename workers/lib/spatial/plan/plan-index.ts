/** A plan prepared for repeated checks: each zone's polygons prepared once, zones in a Flatbush. */
import Flatbush from 'flatbush';
import { PreparedShape } from '../geometry/prepared-shape';
import { shapeFromRings } from '../geometry/shape';
import type { PlanInput, PlanLine, PlanZone } from './plan-types';

export interface PreparedZone {
  zone: PlanZone;
  label: string;
  shape: PreparedShape;
  /** For a Baugebiet: the Baufenster whose centroid lies in it. */
  windows: PreparedZone[];
}

export interface PreparedLine {
  line: PlanLine;
  bbox: [number, number, number, number];
}

export class PlanIndex {
  readonly epsg: number;
  readonly zones: PreparedZone[];
  readonly lines: PreparedLine[];
  readonly tree: Flatbush | null;
  private readonly byId = new Map<string, PreparedZone>();

  constructor(plan: PlanInput) {
    this.epsg = plan.epsg;
    this.zones = plan.zones.map((zone, n) => {
      if (!zone.id) throw new Error(`plan zone #${n} has no id`);
      if (this.byId.has(zone.id)) throw new Error(`plan zone id "${zone.id}" occurs twice`);
      const prepared: PreparedZone = { zone, label: zone.label ?? zone.id, shape: new PreparedShape(shapeFromRings(zone.polygons)), windows: [] };
      this.byId.set(zone.id, prepared);
      return prepared;
    });
    const valid = this.zones.filter((z) => z.shape.bbox[0] <= z.shape.bbox[2]);
    if (valid.length > 0) {
      const tree = new Flatbush(valid.length);
      for (const z of valid) tree.add(z.shape.bbox[0], z.shape.bbox[1], z.shape.bbox[2], z.shape.bbox[3]);
      tree.finish();
      this.tree = tree;
      for (const w of valid) {
        if (w.zone.kind !== 'baufenster') continue;
        const [cx, cy] = w.shape.centroid;
        for (const k of tree.search(cx, cy, cx, cy)) {
          const z = valid[k];
          if (z.zone.kind === 'baugebiet' && z.shape.containsPoint(cx, cy)) z.windows.push(w);
        }
      }
    } else {
      this.tree = null;
    }
    this.lines = (plan.lines ?? []).map((line) => {
      const c = line.coords;
      const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i + 1 < c.length; i += 2) {
        bbox[0] = Math.min(bbox[0], c[i]);
        bbox[1] = Math.min(bbox[1], c[i + 1]);
        bbox[2] = Math.max(bbox[2], c[i]);
        bbox[3] = Math.max(bbox[3], c[i + 1]);
      }
      return { line, bbox };
    });
  }

  zone(id: string): PreparedZone | undefined {
    return this.byId.get(id);
  }
}
