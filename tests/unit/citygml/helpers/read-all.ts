/** Test helpers: run the reader over a string, bytes or a fixture and collect everything it reports. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConvertWarning, ParsedBuilding } from '../../../../workers/lib/citygml/building';
import { readCityGML, type ReadCityGMLOptions } from '../../../../workers/lib/citygml/read-citygml';

export const fixtureDir = resolve(import.meta.dirname, '../../../fixtures/citygml');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(fixtureDir, name)));
}

/** Yields `bytes` in pieces of `size` (1 = byte by byte, to stress chunk borders). */
export async function* chunked(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

export interface ReadOutcome {
  buildings: ParsedBuilding[];
  warnings: ConvertWarning[];
  error?: unknown;
}

export async function readAll(input: string | Uint8Array, options: ReadCityGMLOptions & { chunkSize?: number } = {}): Promise<ReadOutcome> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const warnings: ConvertWarning[] = [];
  const buildings: ParsedBuilding[] = [];
  try {
    for await (const b of readCityGML(chunked(bytes, options.chunkSize), { ...options, onWarning: (w) => warnings.push(w) })) buildings.push(b);
    return { buildings, warnings };
  } catch (error) {
    return { buildings, warnings, error };
  }
}

/** A minimal CityGML 2.0 document around the given building members. */
export function cityModel(members: string, rootExtras = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gen="http://www.opengis.net/citygml/generics/2.0">${rootExtras}
${members}
</core:CityModel>
`;
}

/** One building with one LoD2 roof polygon whose posList text is `posList`. */
export function simpleBuilding(id: string, posList = '0 0 10 4 0 10 4 4 10 0 4 10 0 0 10', extra = ''): string {
  return `<core:cityObjectMember><bldg:Building gml:id="${id}">${extra}
<bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon gml:id="${id}_p"><gml:exterior><gml:LinearRing><gml:posList>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
</bldg:Building></core:cityObjectMember>`;
}

/** Polygon rings as plain arrays of [x,y,z] points, for readable expectations. */
export function points(ring: Float64Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ring.length; i += 3) out.push([ring[i], ring[i + 1], ring[i + 2]]);
  return out;
}
