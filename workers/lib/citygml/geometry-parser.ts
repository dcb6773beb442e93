/**
 * Reads the GML inside one geometry property (lod2Solid, lod2MultiSurface …)
 * into the building's GeometryStore: polygons with their rings, xlink uses,
 * gml:ids of surfaces and aggregates, OrientableSurface orientation.
 * Handles posList (srsDimension, default 3), pos sequences, gml:coordinates
 * and GML 2 coord; arcs in rings (Arc, ArcString, Circle) become chords through the WFS reader's
 * linearisation. A bad polygon is reported and skipped; the rest stays.
 */
import { appendArc3 } from '../../../src/core/formats/gml/arcs';
import { MAX_CURVE_POINTS } from '../../../src/core/formats/gml/curves';
import { NumberBuffer, parseCoordinatesText, parseNumberList, parseToken, type ParseResult } from '../../../src/core/formats/gml/number-scan';
import type { GeometryContext, GeometryStore } from './geometry-store';
import { EXTERIOR, INTERIOR_RING, POLYGONS, REFERENCEABLE } from './vocabulary';
import { gmlId, xlinkHref, type Attributes } from './xml-names';

export interface GeometryEvents {
  warn(code: string, message: string, line: number, column: number): void;
  /** A srsName seen on a geometry element. */
  srsName(name: string): void;
}

const enum Coord {
  None,
  PosList,
  Pos,
  Coordinates,
  Component,
}

interface OpenId {
  id: string;
  start: number;
  outerFlip: boolean;
  depth: number;
}

interface Problem {
  code: string;
  message: string;
  line: number;
  column: number;
}

/** One per reader, reused for every building (its buffers are the costly part to allocate). */
export class GeometryParser {
  private store!: GeometryStore;
  private events!: GeometryEvents;
  private ctx: GeometryContext = { lod: 0, type: 'Unclassified', hidden: false, sub: 0 };
  private depth = 0;
  private flip: boolean[] = [false];
  private dimension: number[] = [0];
  private openIds: OpenId[] = [];
  private startItems = 0;
  private sawContent = false;
  private beginLine = 0;
  private beginColumn = 0;

  // The polygon being read.
  private polygonDepth = -1;
  private polygonLine = 0;
  private polygonColumn = 0;
  private rings: Float64Array[] = [];
  private hasExterior = false;
  private problem: Problem | undefined;

  // The ring being read.
  private ringRole = 0; // 0 none, 1 exterior, 2 interior
  private ringDepth = -1;
  private ring = new NumberBuffer();
  // The arc being read in the ring: its control points are the ring's values from arcStart on.
  private arcDepth = -1;
  private arcStart = 0;
  private arcName = '';

  // The coordinate element being read.
  private coord = Coord.None;
  private coordAttrs: Attributes = {};
  private coordLine = 0;
  private coordColumn = 0;
  private pieces: string[] = [];
  private component = [0, 0, 0];
  private componentCount = 0;
  private componentIndex = 0;
  private scratch = new NumberBuffer(64);
  private result: ParseResult = { count: 0, bad: false };

  /** Starts a building: polygons go to `store`, problems to `events`. */
  attach(store: GeometryStore, events: GeometryEvents): void {
    this.store = store;
    this.events = events;
  }

  /** The geometry property element opened. */
  begin(ctx: GeometryContext, attrs: Attributes, line: number, column: number): void {
    this.ctx = ctx;
    this.depth = 0;
    this.flip[0] = false;
    this.dimension[0] = 0;
    this.openIds.length = 0;
    this.startItems = this.store.size;
    this.sawContent = false;
    this.beginLine = line;
    this.beginColumn = column;
    this.polygonDepth = -1;
    this.ringRole = 0;
    this.coord = Coord.None;
    this.reference(attrs, line, column);
  }

  /** The geometry property element closed; reports it (at its start) when it held nothing. */
  end(name: string): void {
    if (!this.sawContent && this.store.size === this.startItems) {
      this.events.warn('empty-geometry', `<${name}> contains no geometry.`, this.beginLine, this.beginColumn);
    }
  }

  /** An element inside the property; returns true when its text is wanted. */
  open(local: string, attrs: Attributes, line: number, column: number): boolean {
    const d = ++this.depth;
    const srsName = attrs.srsName;
    if (srsName !== undefined) this.events.srsName(srsName);
    const dim = attrs.srsDimension ?? attrs.dimension;
    this.dimension[d] = dim !== undefined ? Number(dim) || 0 : this.dimension[d - 1];
    const orientation = attrs.orientation;
    this.flip[d] = orientation !== undefined && orientation.trim() === '-' ? !this.flip[d - 1] : this.flip[d - 1];

    if (this.polygonDepth >= 0) return this.openInPolygon(local, attrs, d, line, column);

    if (REFERENCEABLE.has(local)) {
      const id = gmlId(attrs);
      if (id !== undefined) this.openIds.push({ id, start: this.store.size, outerFlip: this.flip[d - 1], depth: d });
    }
    if (POLYGONS.has(local)) {
      this.sawContent = true;
      this.polygonDepth = d;
      this.polygonLine = line;
      this.polygonColumn = column;
      this.rings = [];
      this.hasExterior = false;
      this.problem = undefined;
      return false;
    }
    this.reference(attrs, line, column);
    return false;
  }

  text(t: string): void {
    if (this.coord !== Coord.None) this.pieces.push(t);
  }

  close(local: string): void {
    const d = this.depth--;
    if (this.polygonDepth >= 0) {
      if (d === this.polygonDepth) this.closePolygon(local);
      else this.closeInPolygon(local, d);
    }
    const open = this.openIds[this.openIds.length - 1];
    if (open !== undefined && open.depth === d) {
      this.openIds.pop();
      this.store.registerId(open.id, open.start, this.store.size, open.outerFlip);
    }
  }

  private reference(attrs: Attributes, line: number, column: number): void {
    const href = xlinkHref(attrs);
    if (href === undefined) return;
    this.sawContent = true;
    if (href.charCodeAt(0) === 35 /* # */) {
      this.store.addRef(href.slice(1), this.ctx, this.flip[this.depth], line, column);
    } else {
      this.events.warn('external-xlink', `The xlink "${href}" points outside this building and is ignored.`, line, column);
    }
  }

  private openInPolygon(local: string, attrs: Attributes, d: number, line: number, column: number): boolean {
    if (this.ringRole === 0) {
      const role = EXTERIOR.has(local) ? 1 : INTERIOR_RING.has(local) ? 2 : 0;
      if (role !== 0) {
        this.ringRole = role;
        this.ringDepth = d;
        this.ring.clear();
      }
      return false;
    }
    if (xlinkHref(attrs) !== undefined) {
      this.fail('unsupported-geometry', 'A ring given by xlink is not supported', line, column);
      return false;
    }
    if (local === 'Arc' || local === 'ArcString' || local === 'Circle') {
      this.arcDepth = d;
      this.arcStart = this.ring.length;
      this.arcName = local;
      return false;
    }
    let kind = Coord.None;
    if (local === 'posList') kind = Coord.PosList;
    else if (local === 'pos') kind = Coord.Pos;
    else if (local === 'coordinates') kind = Coord.Coordinates;
    else if (local === 'coord') {
      this.componentCount = 0;
      return false;
    } else if (local === 'X' || local === 'Y' || local === 'Z') {
      kind = Coord.Component;
      this.componentIndex = local === 'X' ? 0 : local === 'Y' ? 1 : 2;
    }
    if (kind === Coord.None) return false;
    this.coord = kind;
    this.coordAttrs = attrs;
    this.coordLine = line;
    this.coordColumn = column;
    this.pieces.length = 0;
    return true;
  }

  private closeInPolygon(local: string, d: number): void {
    if (this.coord !== Coord.None) {
      this.readCoordinates(d);
      this.coord = Coord.None;
      this.pieces.length = 0;
      return;
    }
    if (local === 'coord' && this.ringRole !== 0) {
      if (this.componentCount < 2) this.fail('missing-coordinates', 'A gml:coord lacks X or Y', this.polygonLine, this.polygonColumn);
      else this.appendPoint(this.component[0], this.component[1], this.componentCount > 2 ? this.component[2] : 0);
      this.component[2] = 0;
      return;
    }
    if (d === this.arcDepth) return this.closeArc();
    if (d === this.ringDepth) {
      this.finishRing();
      this.ringRole = 0;
      this.ringDepth = -1;
    }
  }

  private readCoordinates(d: number): void {
    const text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    const attrs = this.coordAttrs;
    const result = this.result;
    if (this.coord === Coord.Component) {
      const t = text.trim();
      const v = parseToken(t, 0, t.length);
      if (!Number.isFinite(v)) this.fail('bad-coordinate', `Coordinate "${t.slice(0, 40)}" is not a number`, this.coordLine, this.coordColumn);
      this.component[this.componentIndex] = v;
      this.componentCount++;
      return;
    }
    if (this.coord === Coord.Coordinates) {
      this.scratch.clear();
      const dim = parseCoordinatesText(text, attrs.cs ?? ',', attrs.ts ?? ' ', attrs.decimal ?? '.', this.scratch, result);
      this.appendTuples(this.scratch.data, 0, result, dim);
      return;
    }
    const ring = this.ring;
    const start = ring.length;
    parseNumberList(text, ring, result);
    let dim = this.dimension[d];
    if (this.coord === Coord.Pos && attrs.srsDimension === undefined && attrs.dimension === undefined) {
      dim = result.count === 2 || result.count === 3 ? result.count : dim || 3;
    }
    if (!dim) dim = 3;
    if (dim === 3 && !result.bad && result.count > 0 && result.count % 3 === 0) return;
    ring.length = start;
    this.scratch.clear();
    this.scratch.reserve(result.count);
    this.scratch.data.set(ring.data.subarray(start, start + result.count));
    this.scratch.length = result.count;
    this.appendTuples(this.scratch.data, 0, result, dim);
  }

  /** Appends `result.count` numbers from `src` as x,y,z points, reporting bad values and counts. */
  private appendTuples(src: Float64Array, offset: number, result: ParseResult, dim: number): void {
    const where = 'in ' + (this.coord === Coord.PosList ? 'gml:posList' : this.coord === Coord.Pos ? 'gml:pos' : 'gml:coordinates');
    if (result.count === 0) return this.fail('missing-coordinates', `No coordinates ${where}`, this.coordLine, this.coordColumn);
    if (result.bad) return this.fail('bad-coordinate', `A coordinate ${where} is not a finite number`, this.coordLine, this.coordColumn);
    if (dim < 2) return this.fail('unsupported-geometry', `srsDimension ${dim} ${where}`, this.coordLine, this.coordColumn);
    if (result.count % dim !== 0) {
      return this.fail('coordinate-count', `${result.count} numbers ${where} are not a multiple of srsDimension ${dim}`, this.coordLine, this.coordColumn);
    }
    for (let i = offset; i < offset + result.count; i += dim) this.appendPoint(src[i], src[i + 1], dim > 2 ? src[i + 2] : 0);
  }

  private appendPoint(x: number, y: number, z: number): void {
    const ring = this.ring;
    ring.reserve(3);
    ring.data[ring.length] = x;
    ring.data[ring.length + 1] = y;
    ring.data[ring.length + 2] = z;
    ring.length += 3;
  }

  /** Replaces the arc's control points in the ring by its chords (1 cm chord error, as for WFS curves). */
  private closeArc(): void {
    this.arcDepth = -1;
    const ring = this.ring;
    const start = this.arcStart;
    const n = (ring.length - start) / 3;
    const full = this.arcName === 'Circle';
    if (full ? n !== 3 : n < 3 || n % 2 === 0) {
      return this.fail('unsupported-geometry', `A gml:${this.arcName} has ${n} positions; expected ${full ? '3' : '3, 5, 7, …'}`, this.polygonLine, this.polygonColumn);
    }
    const src = ring.data.slice(start, ring.length);
    const out: number[] = [];
    for (let i = 0; i + 2 < n; i += 2) {
      appendArc3(out, 3, src, i * 3, (i + 1) * 3, (i + 2) * 3, 0.01, full);
      if (out.length > MAX_CURVE_POINTS * 3) return this.fail('unsupported-geometry', `A gml:${this.arcName} becomes more than ${MAX_CURVE_POINTS} points`, this.polygonLine, this.polygonColumn);
    }
    ring.length = start;
    const d = ring.data;
    // the previous segment already ended where the arc starts
    const from = start >= 3 && d[start - 3] === out[0] && d[start - 2] === out[1] && d[start - 1] === out[2] ? 3 : 0;
    for (let i = from; i < out.length; i += 3) this.appendPoint(out[i], out[i + 1], out[i + 2]);
  }

  private finishRing(): void {
    if (this.problem) return;
    const data = this.ring.data;
    let n = this.ring.length / 3;
    // GML repeats the first point at the end; the ring is implicitly closed without it.
    const last = (n - 1) * 3;
    if (n >= 2 && data[0] === data[last] && data[1] === data[last + 1] && data[2] === data[last + 2]) n--;
    if (n < 3) {
      if (this.ringRole === 1) this.fail('degenerate-ring', `The exterior ring has ${n} distinct points`, this.polygonLine, this.polygonColumn);
      else this.events.warn('degenerate-ring', `An interior ring with ${n} distinct points was dropped.`, this.polygonLine, this.polygonColumn);
      return;
    }
    const ring = data.slice(0, n * 3);
    if (this.ringRole === 1) {
      if (this.hasExterior) return this.fail('unsupported-geometry', 'A polygon has two exterior rings', this.polygonLine, this.polygonColumn);
      this.hasExterior = true;
      this.rings.unshift(ring);
    } else {
      this.rings.push(ring);
    }
  }

  private closePolygon(local: string): void {
    this.polygonDepth = -1;
    this.ringRole = 0;
    this.arcDepth = -1;
    this.coord = Coord.None;
    if (!this.problem && !this.hasExterior) this.fail('missing-coordinates', `The ${local} has no exterior ring`, this.polygonLine, this.polygonColumn);
    const p = this.problem;
    if (p) {
      this.events.warn(p.code, `${p.message}; polygon skipped.`, p.line, p.column);
      return;
    }
    this.store.addPolygon(this.rings, this.ctx, this.flip[this.depth + 1]);
  }

  private fail(code: string, message: string, line: number, column: number): void {
    this.problem ??= { code, message, line, column };
  }
}

