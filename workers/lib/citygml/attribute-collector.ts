/**
 * Building attributes from the direct children of a top-level Building:
 * gml:name, function, usage, roofType, measuredHeight (+uom), storeysAboveGround,
 * yearOfConstruction (1.0/2.0) or dateOfConstruction (3.0), the 3.0 con:height,
 * the address, and every generic attribute (1.0/2.0 gen:*Attribute and
 * gen:genericAttributeSet, 3.0 genericAttribute/gen:*Attribute and
 * GenericAttributeSet), sets flattened as "set.name".
 */
import type { BuildingAttributes } from './building';
import { formatAddress } from './address';
import type { XmlElement } from '../../../src/core/formats/xml/xml-tree';
import { childText, findDescendant } from '../../../src/core/formats/xml/xml-query';

/** Direct Building children whose subtree is handed to `applyAttribute`. */
export const ATTRIBUTE_ELEMENTS: ReadonlySet<string> = new Set([
  'name',
  'function',
  'usage',
  'roofType',
  'measuredHeight',
  'storeysAboveGround',
  'yearOfConstruction',
  'dateOfConstruction',
  'height',
  'address',
  'stringAttribute',
  'intAttribute',
  'doubleAttribute',
  'dateAttribute',
  'uriAttribute',
  'measureAttribute',
  'genericAttributeSet',
  'genericAttribute',
]);

/** `warn` is told what is wrong with a value (the caller knows the element's place). */
export function applyAttribute(el: XmlElement, out: BuildingAttributes, warn: (message: string) => void): void {
  const text = el.text.trim();
  switch (el.name) {
    case 'name':
    case 'function':
    case 'usage':
    case 'roofType':
      out[el.name] ??= text;
      return;
    case 'measuredHeight':
      setHeight(out, text, el.attrs.uom, warn);
      return;
    case 'height': {
      // CityGML 3.0: con:height/con:Height/con:value uom="…"
      const value = findDescendant(el, 'value');
      if (value && out.measuredHeight === undefined) setHeight(out, value.text.trim(), value.attrs.uom, warn);
      return;
    }
    case 'storeysAboveGround': {
      const n = Number(text);
      if (Number.isInteger(n) && text !== '') out.storeysAboveGround ??= n;
      else warn(`storeysAboveGround "${text.slice(0, 40)}" is not a whole number.`);
      return;
    }
    case 'yearOfConstruction':
    case 'dateOfConstruction': {
      const year = /^\s*(-?\d{1,4})(?:\D|$)/.exec(text);
      if (year) out.yearOfConstruction ??= Number(year[1]);
      else warn(`${el.name} "${text.slice(0, 40)}" has no year.`);
      return;
    }
    case 'address': {
      const line = formatAddress(el);
      if (line) out.address = out.address ? `${out.address}; ${line}` : line;
      return;
    }
    default:
      readGeneric(el, '', out.generic);
  }
}

function setHeight(out: BuildingAttributes, text: string, uom: string | undefined, warn: (message: string) => void): void {
  const h = Number(text);
  if (text === '' || !Number.isFinite(h)) return warn(`measuredHeight "${text.slice(0, 40)}" is not a number.`);
  if (out.measuredHeight !== undefined) return;
  out.measuredHeight = h;
  if (uom !== undefined) out.measuredHeightUnit = uom;
}

/** Numeric generic attribute kinds; the others (string, date, uri, code) stay text. */
const NUMERIC = new Set(['intAttribute', 'doubleAttribute', 'measureAttribute', 'IntAttribute', 'DoubleAttribute', 'MeasureAttribute']);

function readGeneric(el: XmlElement, prefix: string, out: Record<string, string | number>): void {
  switch (el.name) {
    case 'genericAttribute':
      // 3.0 property wrapper
      for (const child of el.children) readGeneric(child, prefix, out);
      return;
    case 'genericAttributeSet': {
      // 1.0/2.0: name="…" attribute, members as children
      const set = prefix + (el.attrs.name ?? '');
      for (const child of el.children) readGeneric(child, set + '.', out);
      return;
    }
    case 'GenericAttributeSet': {
      // 3.0: gen:name, then gen:value elements each holding one attribute
      const set = prefix + (childText(el, 'name') ?? '');
      for (const child of el.children) if (child.name === 'value') for (const member of child.children) readGeneric(member, set + '.', out);
      return;
    }
  }
  if (!el.name.endsWith('Attribute')) return;
  // 1.0/2.0 carry the name as an XML attribute, 3.0 as a gen:name child.
  const name = el.attrs.name ?? childText(el, 'name');
  if (name === undefined || name === '') return;
  const raw = childText(el, 'value') ?? '';
  const key = prefix + name;
  if (Object.hasOwn(out, key)) return;
  const value = NUMERIC.has(el.name) ? toNumber(raw) : raw;
  // a generic attribute named "__proto__" must stay plain data; only that name needs defineProperty (~10× slower)
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function toNumber(text: string): string | number {
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

