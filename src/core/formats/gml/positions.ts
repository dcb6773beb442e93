/**
 * Positions in GML: gml:posList (with srsDimension), gml:pos, gml:coordinates (cs/ts/decimal)
 * and GML 2's gml:coord. Numbers are read as written; axis order is fixed later.
 */
import type { XmlElement } from '../xml/xml-tree';
import { ElementError } from '../xml/xml-error';
import { NumberBuffer, parseCoordinatesText, parseNumberList, parseToken, type ParseResult } from './number-scan';
import { inferDimension } from './dimension';

/** A run of positions while a geometry is being assembled. */
export interface PositionList {
  dim: number;
  /** A Float64Array straight from a posList, or a number[] while segments are joined. */
  coords: Float64Array | number[];
}

const scratch = new NumberBuffer();
const result: ParseResult = { count: 0, bad: false };
let problem = '';
const onBad = (p: string) => (problem = p);

/** The numbers of an element's text; throws naming the element when a token is not a finite number. */
export function readNumbers(el: XmlElement): Float64Array {
  scratch.clear();
  parseNumberList(el.text, scratch, result, onBad);
  if (result.bad) throw new ElementError(`gml:${el.name}: ${problem}`, el);
  return scratch.data.slice(0, result.count);
}

function dimensionAttr(el: XmlElement): number | undefined {
  const raw = el.attrs.srsDimension ?? el.attrs.dimension;
  if (raw === undefined) return undefined;
  const d = Number(raw);
  if (d !== 2 && d !== 3) throw new ElementError(`gml:${el.name}: srsDimension="${raw}" is not 2 or 3`, el);
  return d;
}

/**
 * gml:posList: the dimension comes from the element, else from the enclosing geometry, else from the CRS
 * and the numbers themselves (with a warning when they disagree or the CRS says nothing).
 */
export function readPosList(el: XmlElement, ctx: { srsDimension?: number; crsDimension?: 2 | 3; onWarning?: (m: string, el: XmlElement) => void } = {}): PositionList {
  const coords = readNumbers(el);
  const n = coords.length;
  let dim = dimensionAttr(el) ?? ctx.srsDimension;
  if (dim === undefined) {
    const inferred = inferDimension(coords, ctx.crsDimension);
    if (inferred.unsupported) throw new ElementError(`gml:posList without srsDimension: ${inferred.reason}`, el);
    if (inferred.reason) ctx.onWarning?.(`gml:posList without srsDimension: ${inferred.reason}; state srsDimension`, el);
    dim = inferred.dim;
  }
  if (n % dim !== 0) {
    throw new ElementError(`gml:posList has ${n} numbers, not a multiple of srsDimension ${dim}`, el);
  }
  return { dim, coords };
}

/** gml:pos: one position; its dimension is the number of values unless stated. */
export function readPos(el: XmlElement, out: number[]): number {
  const values = readNumbers(el);
  const n = values.length;
  for (let i = 0; i < n; i++) out.push(values[i]);
  const dim = dimensionAttr(el) ?? n;
  if (n !== dim || (n !== 2 && n !== 3)) throw new ElementError(`gml:pos has ${n} numbers, expected 2 or 3`, el);
  return n;
}

/** gml:coordinates with its cs (coordinate), ts (tuple) and decimal separators. */
export function readCoordinates(el: XmlElement): PositionList {
  scratch.clear();
  const dim = parseCoordinatesText(el.text, el.attrs.cs ?? ',', el.attrs.ts ?? ' ', el.attrs.decimal ?? '.', scratch, result, onBad);
  if (result.bad) throw new ElementError(`gml:coordinates: ${problem}`, el);
  if (result.count > 0 && dim !== 2 && dim !== 3) throw new ElementError(`gml:coordinates: tuples of ${dim} values, expected 2 or 3`, el);
  return { dim: dim || 2, coords: scratch.data.slice(0, result.count) };
}

/** GML 2 gml:coord with X, Y and optional Z children. */
export function readCoord(el: XmlElement, out: number[]): number {
  let n = 0;
  for (const axis of ['X', 'Y', 'Z']) {
    const c = el.children.find((ch) => ch.name === axis);
    if (!c) break;
    const t = c.text.trim();
    const v = parseToken(t, 0, t.length);
    if (!Number.isFinite(v)) throw new ElementError(`gml:coord/${axis} "${t.slice(0, 40)}" is not a number`, c);
    out.push(v);
    n++;
  }
  if (n < 2) throw new ElementError('gml:coord needs X and Y', el);
  return n;
}
