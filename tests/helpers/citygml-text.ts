/**
 * Writes ParsedBuilding objects (from create-building.ts) as a CityGML 2.0 document, so
 * tests can drive the whole pipeline, reader included, with buildings they built in code.
 */
import type { ParsedBuilding } from '../../workers/lib/citygml/building';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toCityGML(buildings: readonly ParsedBuilding[], srsName = buildings[0]?.srsName ?? 'EPSG:25832'): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" ' +
      'xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml">',
    `<gml:boundedBy><gml:Envelope srsName="${esc(srsName)}" srsDimension="3"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>`,
  ];
  for (const b of buildings) {
    const a = b.attributes;
    out.push(`<core:cityObjectMember><bldg:Building gml:id="${esc(b.id)}">`);
    if (a.name !== undefined) out.push(`<gml:name>${esc(a.name)}</gml:name>`);
    for (const [name, value] of Object.entries(a.generic)) {
      const kind = typeof value === 'number' ? 'doubleAttribute' : 'stringAttribute';
      out.push(`<gen:${kind} name="${esc(name)}"><gen:value>${esc(String(value))}</gen:value></gen:${kind}>`);
    }
    if (a.function !== undefined) out.push(`<bldg:function>${esc(a.function)}</bldg:function>`);
    if (a.usage !== undefined) out.push(`<bldg:usage>${esc(a.usage)}</bldg:usage>`);
    if (a.yearOfConstruction !== undefined) out.push(`<bldg:yearOfConstruction>${a.yearOfConstruction}</bldg:yearOfConstruction>`);
    if (a.roofType !== undefined) out.push(`<bldg:roofType>${esc(a.roofType)}</bldg:roofType>`);
    if (a.measuredHeight !== undefined) out.push(`<bldg:measuredHeight uom="m">${a.measuredHeight}</bldg:measuredHeight>`);
    if (a.storeysAboveGround !== undefined) out.push(`<bldg:storeysAboveGround>${a.storeysAboveGround}</bldg:storeysAboveGround>`);
    for (const p of b.polygons) {
      const type = p.type === 'Unclassified' ? 'WallSurface' : p.type;
      const rings = p.rings.map((r, i) => {
        const tag = i === 0 ? 'exterior' : 'interior';
        return `<gml:${tag}><gml:LinearRing><gml:posList srsDimension="3">${Array.from(r).join(' ')}</gml:posList></gml:LinearRing></gml:${tag}>`;
      });
      out.push(
        `<bldg:boundedBy><bldg:${type}><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon>${rings.join('')}</gml:Polygon>` +
          `</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:${type}></bldg:boundedBy>`,
      );
    }
    out.push('</bldg:Building></core:cityObjectMember>');
  }
  out.push('</core:CityModel>');
  return out.join('\n');
}

/** Bytes as the chunked stream a file reader would give. */
export async function* chunked(text: string | Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
