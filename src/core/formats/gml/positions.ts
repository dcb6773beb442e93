/**
 * Positions in GML: gml:posList (with srsDimension), gml:pos, gml:coordinates (cs/ts/decimal)
 * and GML 2's gml:coord. Numbers are read as written; axis order is fixed later.
 */
import type { XmlElement } from '../xml/xml-tree';
import { ElementError } from '../xml/xml-error';

/** A run of positions while a geometry is being assembled. */
export interface PositionList {
  dim: number;
  coords: number[];
}

/** Appends the whitespace-separated numbers of `text` to `out`; returns how many were read. */
export function readNumbers(text: string, out: number[], el: XmlElement): number {
  const n0 = out.length;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    // skip spaces, tabs, CR, LF
    while (c === 32 || c === 10 || c === 13 || c === 9) {
      if (++i >= len) return out.length - n0;
      c = text.charCodeAt(i);
    }
    const start = i;
    while (i < len) {
      c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) break;
      i++;
    }
    const token = text.slice(start, i);
    const v = +token;
    if (Number.isNaN(v)) throw new ElementError(`gml:${el.name}: "${token}" is not a number`, el);
    out.push(v);
  }
  return out.length - n0;
}

function dimensionAttr(el: XmlElement): number | undefined {
  const raw = el.attrs.srsDimension ?? el.attrs.dimension;
  if (raw === undefined) return undefined;
  const d = Number(raw);
  if (d !== 2 && d !== 3) throw new ElementError(`gml:${el.name}: srsDimension="${raw}" is not 2 or 3`, el);
  return d;
}

/** gml:posList: the dimension comes from the element, else from the enclosing geometry, else 2. */
export function readPosList(el: XmlElement, inheritedDim: number | undefined): PositionList {
  const coords: number[] = [];
  const n = readNumbers(el.text, coords, el);
  const dim = dimensionAttr(el) ?? inheritedDim ?? 2;
  if (n % dim !== 0) {
    throw new ElementError(`gml:posList has ${n} numbers, not a multiple of srsDimension ${dim}`, el);
  }
  return { dim, coords };
}

/** gml:pos: one position; its dimension is the number of values unless stated. */
export function readPos(el: XmlElement, out: number[]): number {
  const n = readNumbers(el.text, out, el);
  const dim = dimensionAttr(el) ?? n;
  if (n !== dim || (n !== 2 && n !== 3)) throw new ElementError(`gml:pos has ${n} numbers, expected 2 or 3`, el);
  return n;
}

/** gml:coordinates with its cs (coordinate), ts (tuple) and decimal separators. */
export function readCoordinates(el: XmlElement): PositionList {
  const cs = el.attrs.cs ?? ',';
  const ts = el.attrs.ts ?? ' ';
  const decimal = el.attrs.decimal ?? '.';
  const coords: number[] = [];
  let dim = 0;
  const tuples = splitOn(el.text.trim(), ts);
  for (const tuple of tuples) {
    if (!tuple) continue;
    const parts = tuple.split(cs);
    if (dim === 0) dim = parts.length;
    if (parts.length !== dim || (dim !== 2 && dim !== 3)) {
      throw new ElementError(`gml:coordinates: tuple "${tuple}" has ${parts.length} values, expected ${dim || '2 or 3'}`, el);
    }
    for (const p of parts) {
      const v = Number(decimal === '.' ? p : p.split(decimal).join('.'));
      if (p === '' || Number.isNaN(v)) throw new ElementError(`gml:coordinates: "${p}" is not a number`, el);
      coords.push(v);
    }
  }
  return { dim: dim || 2, coords };
}

function splitOn(text: string, sep: string): string[] {
  // a space separator also stands for any run of whitespace (line breaks in pretty-printed files)
  return /^\s$/.test(sep) ? text.split(/\s+/) : text.split(sep).map((t) => t.trim());
}

/** GML 2 gml:coord with X, Y and optional Z children. */
export function readCoord(el: XmlElement, out: number[]): number {
  let n = 0;
  for (const axis of ['X', 'Y', 'Z']) {
    const c = el.children.find((ch) => ch.name === axis);
    if (!c) break;
    const v = Number(c.text.trim());
    if (Number.isNaN(v)) throw new ElementError(`gml:coord/${axis} "${c.text.trim()}" is not a number`, c);
    out.push(v);
    n++;
  }
  if (n < 2) throw new ElementError('gml:coord needs X and Y', el);
  return n;
}

/** Drops the third value of every position. */
export function to2d(list: PositionList): PositionList {
  if (list.dim === 2) return list;
  const out: number[] = [];
  for (let i = 0; i < list.coords.length; i += list.dim) out.push(list.coords[i], list.coords[i + 1]);
  return { dim: 2, coords: out };
}
