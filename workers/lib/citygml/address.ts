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
  const line = [street, place].filter(Boolean).join(', ');
  if (line) return line;
  const free = parts.lines.join(', ');
  return free || undefined;
}

function walk(el: XmlElement, parent: string | undefined, parts: Parts): void {
  const text = el.children.length === 0 ? el.text.replace(/\s+/g, ' ').trim() : '';
  switch (el.name) {
    case 'ThoroughfareName':
      push(parts.street, text);
      return;
    case 'ThoroughfareNumber':
      push(parts.number, text);
      return;
    case 'PostalCodeNumber':
      push(parts.postcode, text);
      return;
    case 'LocalityName':
      if (parent === 'Locality') push(parts.locality, text);
      return;
    case 'AddressLine':
      push(parts.lines, text);
      return;
    case 'Address':
      // xAL 2.0 free-text address (xAL 3.0's structured Address has children).
      if (el.children.length === 0) push(parts.lines, text);
      break;
    case 'NameElement':
      if (parent === 'Thoroughfare' && el.attrs.NameType !== 'ReferenceLocation') push(parts.street, text);
      else if (parent === 'Locality') push(parts.locality, text);
      return;
    case 'Number':
      if (parent === 'Thoroughfare') push(parts.number, text);
      return;
    case 'Identifier':
      if (parent === 'PostCode') push(parts.postcode, text);
      return;
    case 'multiPoint':
    case 'MultiPoint':
      return;
  }
  for (const child of el.children) walk(child, el.name, parts);
}

function push(list: string[], text: string): void {
  if (text) list.push(text);
}
