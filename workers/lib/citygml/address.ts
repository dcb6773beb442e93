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

/**
 * Where an element's text goes, by its name (xAL 2.0) or by "parent/name" (xAL 3.0 names mean something only
 * under their parent). Such elements, and the ones in LEAVES, are not looked into.
 */
const PARTS = new Map<string, keyof Parts>([
  ['ThoroughfareName', 'street'],
  ['ThoroughfareNumber', 'number'],
  ['PostalCodeNumber', 'postcode'],
  ['AddressLine', 'lines'],
  ['Locality/LocalityName', 'locality'],
  ['Thoroughfare/NameElement', 'street'],
  ['Locality/NameElement', 'locality'],
  ['Thoroughfare/Number', 'number'],
  ['PostCode/Identifier', 'postcode'],
]);
const LEAVES = new Set(['LocalityName', 'NameElement', 'Number', 'Identifier', 'multiPoint', 'MultiPoint']);

function walk(el: XmlElement, parent: string | undefined, parts: Parts): void {
  const text = el.children.length === 0 ? el.text.replace(/\s+/g, ' ').trim() : '';
  const part = PARTS.get(el.name) ?? PARTS.get(`${parent}/${el.name}`);
  const reference = el.name === 'NameElement' && part === 'street' && el.attrs.NameType === 'ReferenceLocation';
  if (part !== undefined && !reference) push(parts[part], text);
  // xAL 2.0 free-text address (xAL 3.0's structured Address has children)
  else if (el.name === 'Address' && el.children.length === 0) push(parts.lines, text);
  if (part !== undefined || LEAVES.has(el.name)) return;
  for (const child of el.children) walk(child, el.name, parts);
}

function push(list: string[], text: string): void {
  if (text) list.push(text);
}
