/**
 * A large CityGML stream for memory and throughput tests: LDBV-style buildings
 * (xlinked lod2Solid, roof, wall, ground) repeated until `totalBytes` are
 * produced. Nothing is written to disk and nothing accumulates.
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

/** One ~256 KB block of buildings (ids unique within the block), encoded once. */
const BLOCK = (() => {
  let text = '';
  let count = 0;
  while (text.length < 256 * 1024) text += building(count++);
  return { bytes: encoder.encode(text), count };
})();

/**
 * Yields valid CityGML of at least `totalBytes` bytes: the same pre-encoded block of
 * buildings again and again, so producing it costs nothing next to reading it.
 */
export async function* repeatedBuildings(totalBytes: number): AsyncGenerator<Uint8Array> {
  const head = encoder.encode(HEAD);
  yield head;
  for (let produced = head.length; produced < totalBytes; produced += BLOCK.bytes.length) yield BLOCK.bytes;
  yield encoder.encode(TAIL);
}

/** How many buildings `repeatedBuildings(totalBytes)` produces (for assertions). */
export function countRepeatedBuildings(totalBytes: number): number {
  const head = encoder.encode(HEAD).length;
  return Math.max(0, Math.ceil((totalBytes - head) / BLOCK.bytes.length)) * BLOCK.count;
}
