/**
 * One display line for a CityGML address: "Hauptstraße 12, 84028 Landshut".
 * Reads xAL 2.0 (CityGML 1.0/2.0: ThoroughfareName, ThoroughfareNumber,
 * PostalCodeNumber, LocalityName, or free AddressLines) and xAL 3.0
 * (CityGML 3.0: Thoroughfare/NameElement and Number, PostCode/Identifier,
 * Locality/NameElement).
 */
import type { XmlElement } from '../../../src/core/formats/xml/xml-tree';

interface Parts {
  street: string[];
  number: string[];
  postcode: string[];
  locality: string[];
  lines: string[];
}

export function formatAddress(address: XmlElement): string | undefined {
  const parts: Parts = { street: [], number: [], postcode: [], locality: [], lines: [] };
  walk(address, undefined, parts);
  const street = [parts.street.join(' '), parts.number.join(' ')].filter(Boolean).join(' ');
  const place = [parts.postcode.join(' '), parts.locality.join(' ')].filter(Boolean).join(' ');
  // the structured line, else the free AddressLines
  return [street, place].filter(Boolean).join(', ') || parts.lines.join(', ') || undefined;
}

/** Where an element's text goes, by its name (xAL 2.0). */
const PARTS = new Map<string, keyof Parts>([
  ['ThoroughfareName', 'street'],
  ['ThoroughfareNumber', 'number'],
  ['PostalCodeNumber', 'postcode'],
  ['AddressLine', 'lines'],
]);
/**
 * xAL 3.0 names mean something only under their parent: parent → name → part. Two lookups, not a "parent/name"
 * key, which would be a new string for every element of every building's address (with the tidy-text test below,
 * an address takes half the time it took).
 */
const PARTS_UNDER = new Map<string, Map<string, keyof Parts>>([
  ['Locality', new Map([['LocalityName', 'locality'], ['NameElement', 'locality']])],
  ['Thoroughfare', new Map([['NameElement', 'street'], ['Number', 'number']])],
  ['PostCode', new Map([['Identifier', 'postcode']])],
]);
/** Elements with a part, and these, are not looked into. */
const LEAVES = new Set(['LocalityName', 'NameElement', 'Number', 'Identifier', 'multiPoint', 'MultiPoint']);

function walk(el: XmlElement, parent: string | undefined, parts: Parts): void {
  const part = PARTS.get(el.name) ?? (parent === undefined ? undefined : PARTS_UNDER.get(parent)?.get(el.name));
  const reference = part === 'street' && el.name === 'NameElement' && el.attrs.NameType === 'ReferenceLocation';
  if (part !== undefined && !reference) push(parts[part], textOf(el));
  // xAL 2.0 free-text address (xAL 3.0's structured Address has children)
  else if (el.name === 'Address' && el.children.length === 0) push(parts.lines, textOf(el));
  if (part !== undefined || LEAVES.has(el.name)) return;
  for (const child of el.children) walk(child, el.name, parts);
}

/** A leaf's text with its white space collapsed; an element with children has none of its own here. */
function textOf(el: XmlElement): string {
  if (el.children.length > 0) return '';
  // most texts have nothing to collapse: tested first, as replacing costs a new string each time
  return UNTIDY.test(el.text) ? el.text.replace(/\s+/g, ' ').trim() : el.text;
}
/** White space at either end, two in a row, or any but a plain space. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

function push(list: string[], text: string): void {
  if (text) list.push(text);
}
