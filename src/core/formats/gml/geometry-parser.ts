/**
 * The one GML geometry parser, for CityGML (streamed from the tokenizer) and WFS/XPlanung (their element
 * tree replayed as the same events, see gml-geometry.ts). Reads posList (srsDimension stated, inherited,
 * defaulted or inferred), pos, coordinates and GML 2 coord; curves (LineString, Curve segments, Arc,
 * ArcString, Circle, ArcByCenterPoint, CircleByCenterPoint, CompositeCurve, Ring, OrientableCurve) joined
 * at shared points; polygons with exterior and interior rings; OrientableSurface orientation; xlinks.
 * Finished polygons, points and curves go to a sink. A problem inside a polygon ends that polygon; every
 * problem and note names the element where it was found.
 */
import { attribute, type Attributes } from '../xml/xml-names';
import { NO_ATTRIBUTES } from '../xml/xml-tokenizer';
import { appendArc3, appendArcByCenter } from './arcs';
import { inferDimension } from './dimension';
import { NumberBuffer, parseCoordinatesText, parseNumberList, parseToken, type ParseResult } from './number-scan';
import { withDimension, type GeometryParserOptions, type GeometrySink, type Positions } from './geometry-sink';

/** Most points one curve element may become after arcs are linearised (a point cap on top of the step floor). */
export const MAX_CURVE_POINTS = 1_000_000;

/** What the parser does at an element, by its local name (one lookup per element). */
const enum Kind {
  Other,
  /** Text read as positions: posList, pos, coordinates. */
  List,
  /** Text read as one number: X, Y, Z of a gml:coord. */
  Axis,
  /** Text read as one number: an arc's radius and angles. */
  ArcParameter,
  /** An element that holds one run of positions; a run inside another is joined onto it when it ends. */
  Run,
  Polygon,
  Exterior,
  Interior,
}

const KINDS = new Map<string, Kind>();
for (const name of ['posList', 'pos', 'coordinates']) KINDS.set(name, Kind.List);
for (const name of ['X', 'Y', 'Z']) KINDS.set(name, Kind.Axis);
for (const name of ['radius', 'startAngle', 'endAngle']) KINDS.set(name, Kind.ArcParameter);
for (const name of ['Polygon', 'PolygonPatch', 'Triangle', 'Rectangle']) KINDS.set(name, Kind.Polygon);
for (const name of ['exterior', 'outerBoundaryIs']) KINDS.set(name, Kind.Exterior);
for (const name of ['interior', 'innerBoundaryIs']) KINDS.set(name, Kind.Interior);
for (const name of [
  'Point', 'LineString', 'LinearRing', 'Ring', 'Curve', 'CompositeCurve', 'OrientableCurve', 'LineStringSegment',
  'Arc', 'ArcString', 'Circle', 'ArcByCenterPoint', 'CircleByCenterPoint', 'coord',
]) {
  KINDS.set(name, Kind.Run);
}

class Run {
  name = '';
  depth = 0;
  line = 0;
  column = 0;
  /** 0 until the first positions say; 1 exterior or 2 interior for the ring of a polygon. */
  dim = 0;
  role = 0;
  buf = new NumberBuffer(256);
  reverse = false;
  /** ArcByCenterPoint parameters, and the X/Y/Z seen in a GML 2 coord (bits 1, 2, 4). */
  radius = NaN;
  startAngle = 0;
  endAngle = 0;
  axes = 0;
}

/** One per reader; reused for every geometry (its buffers are the costly part to allocate). */
export class GeometryParser {
  private sink!: GeometrySink;
  private options: GeometryParserOptions = { arcTolerance: 0.01 };
  private depth = 0;
  private flip: boolean[] = [false];
  private dims: number[] = [0];
  private runs: Run[] = [];
  private pool: Run[] = [];
  /** Depths of the elements whose end the sink asked to hear of. */
  private scopes: number[] = [];

  private polygonDepth = -1;
  private polygonLine = 0;
  private polygonColumn = 0;
  private rings: Positions[] = [];
  private hasExterior = false;
  private failed = false;

  /** The element whose text is being read, '' when none. */
  private leafName = '';
  private leafKind = Kind.Other;
  private leafAttrs: Attributes = {};
  private leafLine = 0;
  private leafColumn = 0;
  /** Its text so far (pieces are joined as they come; most leaves have one). */
  private leafText = '';
  private result: ParseResult = { count: 0, bad: false };
  private badNumber = '';
  private readonly onBad = (problem: string) => (this.badNumber = problem);

  /** Starts a geometry: what is read goes to `sink`. */
  reset(sink: GeometrySink, options: GeometryParserOptions): void {
    this.sink = sink;
    this.options = options;
    this.depth = 0;
    this.flip[0] = false;
    this.dims[0] = 0;
    while (this.runs.length) this.pool.push(this.runs.pop()!);
    this.scopes.length = 0;
    this.polygonDepth = -1;
    this.failed = false;
    this.leafName = '';
  }

  /** An element opened; returns true when its text is wanted. */
  open(local: string, attrs: Attributes, line: number, column: number): boolean {
    const d = ++this.depth;
    this.dims[d] = this.dims[d - 1];
    this.flip[d] = this.flip[d - 1];
    let href: string | undefined;
    // most elements (pos, exterior, members) have no attributes: nothing to look up then
    if (attrs !== NO_ATTRIBUTES) {
      const { srsName, orientation } = attrs;
      if (srsName !== undefined) this.sink.srsName(srsName);
      const dim = attrs.srsDimension ?? attrs.dimension;
      if (dim !== undefined) this.dims[d] = Number(dim) || 0;
      if (orientation !== undefined && orientation.trim() === '-') this.flip[d] = !this.flip[d - 1];
      href = attribute(attrs, 'xlink:href', 'href');
    }
    if (this.polygonDepth < 0 && this.sink.opened?.(local, attrs, this.flip[d - 1])) this.scopes.push(d);
    if (href !== undefined) {
      if (this.polygonDepth < 0 && this.runs.length === 0) this.sink.reference(href, this.flip[d], line, column);
      else this.fail('unsupported-geometry', `A gml:${local} given by xlink is not supported`, line, column);
    }
    const kind = KINDS.get(local) ?? Kind.Other;
    const top = this.runs[this.runs.length - 1];
    // X, Y and Z are read only in a gml:coord, where the run has room for them
    if (top !== undefined && (kind === Kind.List || kind === Kind.ArcParameter || (kind === Kind.Axis && top.name === 'coord'))) {
      this.leafKind = kind;
      this.leafName = local;
      this.leafAttrs = attrs;
      this.leafLine = line;
      this.leafColumn = column;
      this.leafText = '';
      return true;
    }
    const role = this.polygonDepth !== d - 1 ? 0 : kind === Kind.Exterior ? 1 : kind === Kind.Interior ? 2 : 0;
    if (role !== 0 || kind === Kind.Run) {
      const run = this.pool.pop() ?? new Run();
      run.name = local;
      run.depth = d;
      run.line = line;
      run.column = column;
      run.dim = 0;
      run.role = role;
      run.buf.clear();
      run.reverse = local === 'OrientableCurve' && this.flip[d] !== this.flip[d - 1];
      run.radius = NaN;
      run.startAngle = run.endAngle = run.axes = 0;
      this.runs.push(run);
    } else if (kind === Kind.Polygon && this.polygonDepth < 0) {
      this.polygonDepth = d;
      this.polygonLine = line;
      this.polygonColumn = column;
      this.rings = [];
      this.hasExterior = false;
      this.failed = false;
    }
    return false;
  }

  text(t: string): void {
    if (this.leafName !== '') this.leafText += t;
  }

  close(local: string): void {
    const d = this.depth--;
    const run = this.runs[this.runs.length - 1];
    if (this.leafName !== '') {
      this.closeLeaf(d);
      this.leafName = '';
    } else if (run !== undefined && run.depth === d) {
      this.runs.pop();
      this.closeRun(run);
      this.pool.push(run);
    } else if (d === this.polygonDepth) {
      if (!this.failed && !this.hasExterior) this.fail('missing-coordinates', `The gml:${local} has no exterior ring`, this.polygonLine, this.polygonColumn);
      this.polygonDepth = -1;
      if (!this.failed) this.sink.polygon(this.rings, this.flip[d]);
      this.failed = false;
    }
    if (this.scopes[this.scopes.length - 1] === d) {
      this.scopes.pop();
      this.sink.closed?.();
    }
  }

  private fail(code: string, message: string, line: number, column: number): void {
    const inPolygon = this.polygonDepth >= 0;
    if (inPolygon && this.failed) return;
    this.failed = inPolygon;
    this.sink.problem(code, message, line, column, inPolygon);
  }

  private closeLeaf(d: number): void {
    const run = this.runs[this.runs.length - 1];
    const text = this.leafText;
    const name = this.leafName;
    const line = this.leafLine;
    const column = this.leafColumn;
    if (this.leafKind !== Kind.List) {
      const t = text.trim();
      const v = parseToken(t, 0, t.length);
      if (!Number.isFinite(v) || (name === 'radius' && !(v > 0))) {
        return this.fail('bad-coordinate', `gml:${name} "${t.slice(0, 40)}" is not a ${name === 'radius' ? 'positive ' : ''}finite number`, line, column);
      }
      // uom="rad" is radians; XPlanung writes degrees as uom="grad" (German "Grad"), so anything else is degrees
      const angle = this.leafAttrs.uom === 'rad' ? v : (v * Math.PI) / 180;
      if (name === 'radius') run.radius = v;
      else if (name === 'startAngle') run.startAngle = angle;
      else if (name === 'endAngle') run.endAngle = angle;
      else {
        const axis = name === 'X' ? 0 : name === 'Y' ? 1 : 2;
        run.buf.reserve(3);
        run.buf.data[axis] = v;
        run.axes |= 1 << axis;
      }
      return;
    }
    const attrs = this.leafAttrs;
    const buf = run.buf;
    const start = buf.length;
    const result = this.result;
    const coordinates = name === 'coordinates';
    const tuple = coordinates
      ? parseCoordinatesText(text, attrs.cs ?? ',', attrs.ts ?? ' ', attrs.decimal ?? '.', buf, result, this.onBad)
      : parseNumberList(text, buf, result, this.onBad).count;
    const n = result.count;
    buf.length = start;
    if (result.bad) return this.fail('bad-coordinate', `gml:${name}: ${this.badNumber}`, line, column);
    if (n === 0) return this.fail('missing-coordinates', `No coordinates in gml:${name}`, line, column);
    const dim = coordinates ? tuple : this.dimension(d, buf, start, n, line, column);
    if (dim !== 2 && dim !== 3) {
      const why = coordinates ? `tuples of ${dim} values` : `srsDimension="${dim}"`;
      return this.fail('unsupported-geometry', `gml:${name}: ${why}, expected 2 or 3`, line, column);
    }
    if (n % dim !== 0) return this.fail('coordinate-count', `gml:${name} has ${n} numbers, not a multiple of srsDimension ${dim}`, line, column);
    if (run.dim !== 0 && run.dim !== dim) return this.fail('unsupported-geometry', `gml:${run.name}: positions of ${run.dim} and ${dim} values are mixed`, line, column);
    run.dim = dim;
    buf.length = start + n;
  }

  /** The dimension of a posList or pos: stated on it or above, the count of one pos, the default, or inferred. */
  private dimension(d: number, buf: NumberBuffer, start: number, n: number, line: number, column: number): number {
    const stated = this.leafAttrs.srsDimension ?? this.leafAttrs.dimension;
    if (stated !== undefined) return Number(stated);
    if (this.leafName === 'pos' && (n === 2 || n === 3)) return n;
    if (this.dims[d] > 0) return this.dims[d];
    if (this.options.defaultDimension) return this.options.defaultDimension;
    const inferred = inferDimension(buf.data.subarray(start, start + n), this.options.crsDimension);
    const why = `gml:${this.leafName} without srsDimension: ${inferred.reason}`;
    if (inferred.unsupported) this.fail('unsupported-geometry', why, line, column);
    else if (inferred.reason) this.sink.warn('guessed-dimension', `${why}; state srsDimension`, line, column);
    return inferred.dim;
  }

  private closeRun(run: Run): void {
    const name = run.name;
    if (name === 'coord') {
      if ((run.axes & 3) !== 3) return this.fail('missing-coordinates', 'A gml:coord lacks X or Y', run.line, run.column);
      run.dim = run.axes & 4 ? 3 : 2;
      run.buf.length = run.dim;
    } else if (name === 'Arc' || name === 'ArcString' || name === 'Circle') this.lineariseArc(run);
    else if (name === 'ArcByCenterPoint' || name === 'CircleByCenterPoint') this.lineariseByCenter(run);
    if (this.failed) return;
    const n = run.dim === 0 ? 0 : run.buf.length / run.dim;
    if (run.role !== 0) return this.finishRing(run, n);
    if (n === 0) return this.fail('missing-coordinates', `gml:${name} has no positions`, run.line, run.column);
    const min = name === 'LineString' || name === 'LineStringSegment' ? 2 : 1;
    if (n < min || (name === 'Point' && n > 1)) {
      return this.fail('coordinate-count', `gml:${name} has ${n} positions; expected ${name === 'Point' ? 'one' : `at least ${min}`}`, run.line, run.column);
    }
    if (run.reverse) reversePositions(run.buf.data, run.buf.length, run.dim);
    const parent = this.runs[this.runs.length - 1];
    if (parent !== undefined) return this.join(parent, run);
    if (this.polygonDepth < 0) this.sink.curve(name, { dim: run.dim as 2 | 3, coords: run.buf.data.slice(0, run.buf.length) }, run.line, run.column);
  }

  /** Appends a finished run to the enclosing one, once at a shared end point; mixed dimensions fall back to 2D. */
  private join(parent: Run, child: Run): void {
    if (parent.buf.length === 0) {
      const empty = parent.buf;
      parent.buf = child.buf;
      child.buf = empty;
      parent.dim = child.dim;
      return;
    }
    if (parent.dim !== child.dim) {
      to2d(parent);
      to2d(child);
    }
    const d = parent.dim;
    const p = parent.buf;
    const c = child.buf;
    let same = true;
    for (let k = 0; k < d; k++) same &&= p.data[p.length - d + k] === c.data[k];
    const from = same ? d : 0;
    p.reserve(c.length - from);
    p.data.set(c.data.subarray(from, c.length), p.length);
    p.length += c.length - from;
  }

  /** Replaces an Arc's, ArcString's or Circle's control points by chords within the arc tolerance. */
  private lineariseArc(run: Run): void {
    const d = run.dim;
    const n = d === 0 ? 0 : run.buf.length / d;
    const full = run.name === 'Circle';
    if (full ? n !== 3 : n < 3 || n % 2 === 0) {
      return this.fail('unsupported-geometry', `gml:${run.name} has ${n} positions; expected ${full ? '3' : '3, 5, 7, …'}`, run.line, run.column);
    }
    const src = run.buf.data.slice(0, run.buf.length);
    const out: number[] = [];
    for (let i = 0; i + 2 < n; i += 2) {
      appendArc3(out, d, src, i * d, this.options.arcTolerance, full);
      if (out.length > MAX_CURVE_POINTS * d) return this.fail('unsupported-geometry', `gml:${run.name} becomes more than ${MAX_CURVE_POINTS} points; it is not read`, run.line, run.column);
    }
    setRun(run, out);
  }

  private lineariseByCenter(run: Run): void {
    const d = run.dim;
    if (d === 0 || !(run.radius > 0)) return this.fail('missing-coordinates', `gml:${run.name} needs a centre and a radius`, run.line, run.column);
    const c = run.buf.data;
    const end = run.name === 'CircleByCenterPoint' ? run.startAngle + 2 * Math.PI : run.endAngle;
    const out: number[] = [];
    appendArcByCenter(out, d, c[0], c[1], d === 3 ? c[2] : 0, run.radius, run.startAngle, end, this.options.arcTolerance);
    setRun(run, out);
  }

  /** A ring of the polygon: GML repeats the first position at the end; the ring is handed on open unless `closedRings`. */
  private finishRing(run: Run, count: number): void {
    const d = run.dim;
    const data = run.buf.data;
    let n = count;
    const last = (n - 1) * d;
    let closed = n >= 2;
    for (let k = 0; k < d && closed; k++) closed = data[k] === data[last + k];
    if (closed) n--;
    if (n < 3) {
      if (run.role === 1) return this.fail('degenerate-ring', `The exterior ring has ${n} distinct points`, this.polygonLine, this.polygonColumn);
      return this.sink.warn('degenerate-ring', `An interior ring with ${n} distinct points was dropped.`, this.polygonLine, this.polygonColumn);
    }
    const closing = this.options.closedRings ? d : 0;
    const coords = this.options.slab?.take(n * d + closing) ?? new Float64Array(n * d + closing);
    coords.set(data.subarray(0, n * d));
    if (closing) coords.set(data.subarray(0, d), n * d);
    const ring: Positions = { dim: d as 2 | 3, coords };
    if (run.role === 2) this.rings.push(ring);
    else if (this.hasExterior) this.fail('unsupported-geometry', 'A polygon has two exterior rings', this.polygonLine, this.polygonColumn);
    else {
      this.hasExterior = true;
      this.rings.unshift(ring);
    }
  }
}

function setRun(run: Run, values: ArrayLike<number>): void {
  run.buf.clear();
  run.buf.reserve(values.length);
  run.buf.data.set(values);
  run.buf.length = values.length;
}

function to2d(run: Run): void {
  if (run.dim !== 3) return;
  setRun(run, withDimension(run.buf.data.subarray(0, run.buf.length), 3, 2));
  run.dim = 2;
}

/** Reverses the order of the positions in place. */
export function reversePositions(data: Float64Array, length: number, dim: number): void {
  for (let i = 0, j = length - dim; i < j; i += dim, j -= dim) {
    for (let k = 0; k < dim; k++) {
      const t = data[i + k];
      data[i + k] = data[j + k];
      data[j + k] = t;
    }
  }
}
