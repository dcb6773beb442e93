/**
 * The geometry of one building while it is read: every polygon defined in it
 * and every xlink use of one, tagged with LoD, surface class, BuildingPart and
 * visibility. At the end of the building, xlinks are resolved inside it, each
 * (sub)building keeps its highest LoD, and a polygon used twice (a Solid that
 * references the thematic surfaces' polygons) is emitted once.
 */
import type { SurfacePolygon, SurfaceType } from './building';
import { reversePositions } from '../../../src/core/formats/gml/geometry-parser';

/** Where a polygon or reference sits: LoD, semantic class, BuildingPart index, inside the building or not. */
export interface GeometryContext {
  lod: number;
  type: SurfaceType;
  /** Interior (rooms, furniture …): read for xlinks but not drawn. */
  hidden: boolean;
  /** 0 for the building itself, 1… for each BuildingPart. */
  sub: number;
}

/**
 * A polygon (rings, kept until emitted) or an xlink use (href, with its place); `flip` is the orientation in
 * effect where it was written (inside OrientableSurface orientation="-").
 */
interface Item extends GeometryContext {
  rings: Float64Array[] | undefined;
  href: string | undefined;
  flip: boolean;
  line: number;
  column: number;
}

/** A gml:id'd element: the items written inside it, and the orientation outside it. */
interface IdRange {
  start: number;
  end: number;
  outerFlip: boolean;
}

interface Use {
  poly: number;
  lod: number;
  type: SurfaceType;
  sub: number;
  flip: boolean;
  self: boolean;
}

export interface ResolvedGeometry {
  polygons: SurfacePolygon[];
  /** Highest LoD among the kept polygons; -1 when there are none. */
  lod: number;
  /** Set when xlink expansion ran over its budget: the reference where it did (nothing is kept then). */
  overBudget?: { href: string; line: number; column: number };
}

const MAX_REF_DEPTH = 8;
/**
 * Work allowed for xlink expansion in one building: every use reached costs 1 plus its vertices. A few KB
 * whose references fan out (each surface naming ten copies of the level below) would otherwise reach
 * 10^8 uses and run out of memory; the depth cap alone does not stop fan-out.
 */
export const MAX_XLINK_WORK = 2_000_000;

export class GeometryStore {
  private items: Item[] = [];
  private ids = new Map<string, IdRange>();
  /** Work left for xlink expansion while resolving (see MAX_XLINK_WORK). */
  private budget = 0;

  get size(): number {
    return this.items.length;
  }

  addPolygon(rings: Float64Array[], ctx: GeometryContext, flip: boolean): void {
    this.items.push({ lod: ctx.lod, type: ctx.type, hidden: ctx.hidden, sub: ctx.sub, rings, href: undefined, flip, line: 0, column: 0 });
  }

  addRef(href: string, ctx: GeometryContext, flip: boolean, line: number, column: number): void {
    this.items.push({ lod: ctx.lod, type: ctx.type, hidden: ctx.hidden, sub: ctx.sub, rings: undefined, href, flip, line, column });
  }

  /** Records that the element with this gml:id contains items [start, end). */
  registerId(id: string, start: number, end: number, outerFlip: boolean): void {
    if (!this.ids.has(id)) this.ids.set(id, { start, end, outerFlip });
  }

  resolve(onUnresolved: (href: string, line: number, column: number) => void): ResolvedGeometry {
    const uses: Use[] = [];
    this.budget = MAX_XLINK_WORK;
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items[i];
      if (item.hidden) continue;
      if (item.href === undefined) uses.push({ poly: i, lod: item.lod, type: item.type, sub: item.sub, flip: item.flip, self: true });
      else if (!this.expand(item.href, item, item.flip, 0, uses)) onUnresolved(item.href, item.line, item.column);
      if (this.budget < 0) return { polygons: [], lod: -1, overBudget: { href: item.href!, line: item.line, column: item.column } };
    }
    const maxLod = new Map<number, number>();
    for (const u of uses) if ((maxLod.get(u.sub) ?? -1) < u.lod) maxLod.set(u.sub, u.lod);

    // One entry per polygon: the first kept use decides, a thematic class beats "Unclassified".
    const chosen = new Map<number, { type: SurfaceType; flip: boolean; self: boolean }>();
    let lod = -1;
    for (const u of uses) {
      if (u.lod !== maxLod.get(u.sub)) continue;
      lod = Math.max(lod, u.lod);
      const seen = chosen.get(u.poly);
      if (!seen) {
        chosen.set(u.poly, { type: u.type, flip: u.flip, self: u.self });
        continue;
      }
      if (seen.type === 'Unclassified' && u.type !== 'Unclassified') seen.type = u.type;
      if (u.self && !seen.self) {
        seen.flip = u.flip;
        seen.self = true;
      }
    }

    const polygons: SurfacePolygon[] = [];
    const order = [...chosen.keys()].sort((a, b) => a - b);
    for (const index of order) {
      const item = this.items[index];
      const pick = chosen.get(index)!;
      const type = pick.type === 'Unclassified' ? item.type : pick.type;
      const rings = item.rings!;
      if (pick.flip) for (const ring of rings) reversePositions(ring, ring.length, 3);
      polygons.push({ type, rings });
      item.rings = undefined; // emitted once
    }
    return { polygons, lod };
  }

  /** Adds the polygons behind `href` as uses in `ctx`; false when the id is unknown. */
  private expand(href: string, ctx: GeometryContext, flip: boolean, depth: number, uses: Use[]): boolean {
    const range = this.ids.get(href);
    if (!range || depth > MAX_REF_DEPTH) return false;
    // past the budget the loops stop and resolve() gives up on the building
    for (let k = range.start; k < range.end && this.budget >= 0; k++) {
      const target = this.items[k];
      const f = flip !== (target.flip !== range.outerFlip);
      this.budget -= 1 + (target.rings?.reduce((n, ring) => n + ring.length / 3, 0) ?? 0);
      if (target.href === undefined) uses.push({ poly: k, lod: ctx.lod, type: ctx.type, sub: ctx.sub, flip: f, self: false });
      else this.expand(target.href, ctx, f, depth + 1, uses);
    }
    return true;
  }
}
