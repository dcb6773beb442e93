/**
 * GML curves and rings → one run of positions:
 * LineString, LinearRing, Curve (LineStringSegment, Arc, ArcString, Circle, ArcByCenterPoint,
 * CircleByCenterPoint), CompositeCurve, OrientableCurve and Ring.
 */
import type { XmlElement } from '../xml/xml-tree';
import { ElementError } from '../xml/xml-error';
import { appendArc3, appendArcByCenter, appendPosition } from './arcs';
import { readCoord, readCoordinates, readPos, readPosList, type PositionList } from './positions';

/** Most points one curve element may become after arcs are linearised (a point cap on top of the step floor). */
export const MAX_CURVE_POINTS = 1_000_000;

export interface CurveContext {
  /** srsDimension inherited from an enclosing geometry. */
  srsDimension?: number;
  /** The dimension the CRS implies (3 for a compound or 3D CRS, 2 for a plain one), when it is known. */
  crsDimension?: 2 | 3;
  /** A located note that did not stop the reading (e.g. a guessed dimension). */
  onWarning?: (message: string, el: XmlElement) => void;
  /** Chord tolerance for arcs, in CRS units. */
  arcTolerance: number;
}

function dimOf(el: XmlElement, ctx: CurveContext): CurveContext {
  const d = el.attrs.srsDimension;
  return d === undefined ? ctx : { ...ctx, srsDimension: Number(d) };
}

/** Positions written directly in a curve segment or LineString: posList, pos*, pointProperty*, coordinates, coord*. */
export function readDirectPositions(el: XmlElement, ctx: CurveContext): PositionList {
  let dim = 0;
  const coords: number[] = [];
  for (const c of el.children) {
    let n = 0;
    switch (c.name) {
      case 'posList':
        return readPosList(c, ctx);
      case 'coordinates':
        return readCoordinates(c);
      case 'pos':
        n = readPos(c, coords);
        break;
      case 'coord':
        n = readCoord(c, coords);
        break;
      case 'pointProperty':
      case 'pointRep': {
        const pos = c.children.find((p) => p.name === 'Point')?.children.find((p) => p.name === 'pos');
        if (!pos) throw new ElementError(`gml:${c.name} without an inline gml:Point/gml:pos (links are not followed)`, c);
        n = readPos(pos, coords);
        break;
      }
      default:
        continue;
    }
    if (dim === 0) dim = n;
    else if (n !== dim) throw new ElementError(`gml:${el.name}: positions of ${dim} and ${n} values are mixed`, c);
  }
  return { dim: dim || 2, coords };
}

function requirePositions(list: PositionList, min: number, el: XmlElement): PositionList {
  if (list.coords.length / list.dim < min) {
    throw new ElementError(`gml:${el.name} needs at least ${min} positions, has ${list.coords.length / list.dim}`, el);
  }
  return list;
}

/** Joins runs into one, merging shared end points; mixed dimensions fall back to 2D. */
function joinAll(lists: PositionList[]): PositionList {
  if (lists.length === 1) return lists[0];
  const d = lists.every((l) => l.dim === lists[0].dim) ? lists[0].dim : 2;
  const out: number[] = [];
  for (let list of lists) {
    if (list.dim !== d) list = reduceTo2d(list);
    for (let i = 0; i < list.coords.length; i += d) {
      appendPosition(out, d, list.coords[i], list.coords[i + 1], d === 3 ? list.coords[i + 2] : 0);
    }
  }
  return { dim: d, coords: out };
}

function reduceTo2d(list: PositionList): PositionList {
  if (list.dim === 2) return list;
  const coords: number[] = [];
  for (let i = 0; i < list.coords.length; i += list.dim) coords.push(list.coords[i], list.coords[i + 1]);
  return { dim: 2, coords };
}

function angleOf(el: XmlElement | undefined): number {
  if (!el) return 0;
  const v = Number(el.text.trim());
  if (!Number.isFinite(v)) throw new ElementError(`gml:${el.name} "${el.text.trim().slice(0, 40)}" is not a finite number`, el);
  // uom="rad" is radians; XPlanung writes degrees as uom="grad" (German "Grad"), so anything else is degrees
  return el.attrs.uom === 'rad' ? v : (v * Math.PI) / 180;
}

function readSegment(seg: XmlElement, ctx: CurveContext): PositionList {
  const c = dimOf(seg, ctx);
  switch (seg.name) {
    case 'LineStringSegment':
    case 'LineString':
      return requirePositions(readDirectPositions(seg, c), 2, seg);
    case 'Arc':
    case 'ArcString':
    case 'Circle': {
      const src = readDirectPositions(seg, c);
      const n = src.coords.length / src.dim;
      const full = seg.name === 'Circle';
      if (full ? n !== 3 : n < 3 || n % 2 === 0) {
        throw new ElementError(`gml:${seg.name} has ${n} positions; expected ${full ? '3' : '3, 5, 7, …'}`, seg);
      }
      const out: number[] = [];
      const d = src.dim;
      for (let i = 0; i + 2 < n; i += 2) {
        appendArc3(out, d, src.coords, i * d, (i + 1) * d, (i + 2) * d, c.arcTolerance, full);
        if (out.length > MAX_CURVE_POINTS * d) throw new ElementError(`gml:${seg.name} becomes more than ${MAX_CURVE_POINTS} points; it is not read`, seg);
      }
      return { dim: d, coords: out };
    }
    case 'ArcByCenterPoint':
    case 'CircleByCenterPoint': {
      const centre = readDirectPositions(seg, c);
      const radiusEl = seg.children.find((ch) => ch.name === 'radius');
      if (centre.coords.length < 2 || !radiusEl) throw new ElementError(`gml:${seg.name} needs a centre and a radius`, seg);
      const r = Number(radiusEl.text.trim());
      if (!(r > 0 && Number.isFinite(r))) throw new ElementError(`gml:radius "${radiusEl.text.trim().slice(0, 40)}" is not a positive finite number`, radiusEl);
      const start = angleOf(seg.children.find((ch) => ch.name === 'startAngle'));
      const end = seg.name === 'CircleByCenterPoint' ? start + 2 * Math.PI : angleOf(seg.children.find((ch) => ch.name === 'endAngle'));
      const out: number[] = [];
      const z = centre.dim === 3 ? centre.coords[2] : 0;
      appendArcByCenter(out, centre.dim, centre.coords[0], centre.coords[1], z, r, start, end, c.arcTolerance);
      return { dim: centre.dim, coords: out };
    }
    default:
      throw new ElementError(`gml:${seg.name} is not a supported curve segment`, seg);
  }
}

/** Reads any GML curve (or ring) element into one run of positions. */
export function readCurve(el: XmlElement, ctx: CurveContext): PositionList {
  const c = dimOf(el, ctx);
  switch (el.name) {
    case 'LineString':
      return requirePositions(readDirectPositions(el, c), 2, el);
    case 'LinearRing':
      return requirePositions(readDirectPositions(el, c), 3, el);
    case 'Curve': {
      const segments = el.children.find((ch) => ch.name === 'segments');
      const lists = (segments?.children ?? []).map((seg) => readSegment(seg, c));
      if (!lists.length) throw new ElementError('gml:Curve has no segments', el);
      return joinAll(lists);
    }
    case 'CompositeCurve':
    case 'Ring': {
      const lists: PositionList[] = [];
      for (const member of el.children) {
        if (member.name !== 'curveMember') continue;
        const curve = member.children[0];
        if (!curve) throw new ElementError(`gml:curveMember without an inline curve (links are not followed)`, member);
        lists.push(readCurve(curve, c));
      }
      if (!lists.length) throw new ElementError(`gml:${el.name} has no curveMember`, el);
      return joinAll(lists);
    }
    case 'OrientableCurve': {
      const base = el.children.find((ch) => ch.name === 'baseCurve')?.children[0];
      if (!base) throw new ElementError('gml:OrientableCurve without an inline baseCurve', el);
      const list = readCurve(base, c);
      return el.attrs.orientation === '-' ? reversed(list) : list;
    }
    default:
      return readSegment(el, c);
  }
}

function reversed(list: PositionList): PositionList {
  const out: number[] = [];
  for (let i = list.coords.length - list.dim; i >= 0; i -= list.dim) {
    for (let k = 0; k < list.dim; k++) out.push(list.coords[i + k]);
  }
  return { dim: list.dim, coords: out };
}

/** A ring (LinearRing or Ring); closed when the file left it open. */
export function readRing(el: XmlElement, ctx: CurveContext): PositionList {
  const list = readCurve(el, ctx);
  const { dim } = list;
  let coords = list.coords;
  const n = coords.length;
  if (coords[0] !== coords[n - dim] || coords[1] !== coords[n - dim + 1]) {
    const closed = new Float64Array(n + dim);
    closed.set(coords);
    for (let k = 0; k < dim; k++) closed[n + k] = coords[k];
    coords = closed;
  }
  if (coords.length / dim < 4) throw new ElementError(`gml:${el.name} has ${n / dim} positions; a ring needs at least 4`, el);
  return { dim, coords };
}
