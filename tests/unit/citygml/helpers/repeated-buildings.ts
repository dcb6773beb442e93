/**
 * An endless-looking CityGML stream for memory tests: one LDBV-style building
 * repeated (with a fresh gml:id each time) until `totalBytes` are produced.
 * Nothing is written to disk and only one chunk exists at a time.
 */
const encoder = new TextEncoder();

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0" xmlns:bldg="http://www.opengis.net/citygml/building/1.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gen="http://www.opengis.net/citygml/generics/1.0">
<gml:boundedBy><gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>
`;
const TAIL = '</core:CityModel>\n';

function building(i: number): string {
  const x = 700000 + (i % 1000) * 20;
  const y = 5380000 + Math.floor(i / 1000) * 20;
  const ring = (pts: number[][]) => pts.map((p) => p.join(' ')).join(' ');
  const g = [[x, y, 400], [x + 10, y, 400], [x + 10, y + 8, 400], [x, y + 8, 400], [x, y, 400]];
  const r = [[x, y, 410], [x, y + 8, 410], [x + 10, y + 8, 410], [x + 10, y, 410], [x, y, 410]];
  const w = [[x, y, 400], [x, y, 410], [x + 10, y, 410], [x + 10, y, 400], [x, y, 400]];
  const surface = (kind: string, id: string, pts: number[][]) =>
    `<bldg:boundedBy><bldg:${kind} gml:id="${id}_s"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon gml:id="${id}"><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">${ring(pts)}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:${kind}></bldg:boundedBy>\n`;
  const id = `DEBY_LOD2_R${i}`;
  return `<core:cityObjectMember><bldg:Building gml:id="${id}">
<gen:stringAttribute name="DatenquelleDachhoehe"><gen:value>1000</gen:value></gen:stringAttribute>
<bldg:function>31001_1000</bldg:function><bldg:roofType>1000</bldg:roofType><bldg:measuredHeight uom="urn:adv:uom:m">10</bldg:measuredHeight>
<bldg:lod2Solid><gml:Solid><gml:exterior><gml:CompositeSurface><gml:surfaceMember xlink:href="#${id}_g"/><gml:surfaceMember xlink:href="#${id}_r"/><gml:surfaceMember xlink:href="#${id}_w"/></gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>
${surface('GroundSurface', `${id}_g`, g)}${surface('RoofSurface', `${id}_r`, r)}${surface('WallSurface', `${id}_w`, w)}</bldg:Building></core:cityObjectMember>
`;
}

/** Yields about `totalBytes` bytes of valid CityGML in ~64 KB chunks. */
export async function* repeatedBuildings(totalBytes: number): AsyncGenerator<Uint8Array> {
  let produced = 0;
  let i = 0;
  let pending = HEAD;
  while (produced + pending.length < totalBytes) {
    while (pending.length < 64 * 1024) pending += building(i++);
    const bytes = encoder.encode(pending);
    produced += bytes.length;
    pending = '';
    yield bytes;
  }
  yield encoder.encode(pending + TAIL);
}

/** How many buildings `repeatedBuildings(totalBytes)` produces (for assertions). */
export function countRepeatedBuildings(totalBytes: number): number {
  let produced = 0;
  let i = 0;
  let pending = HEAD.length;
  while (produced + pending < totalBytes) {
    while (pending < 64 * 1024) pending += building(i++).length;
    produced += pending;
    pending = 0;
  }
  return i;
}
