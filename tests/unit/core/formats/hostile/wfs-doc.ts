/** Small WFS 2.0 / GML 3.2 documents for the hostile-input tests, built from a geometry and a property. */
export const GML = 'http://www.opengis.net/gml/3.2';

export function wfsDoc(geometry: string, options: { name?: string; srsName?: string; decl?: string } = {}): string {
  const srs = options.srsName ?? 'urn:ogc:def:crs:EPSG::25832';
  return `${options.decl ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="${GML}" xmlns:ms="http://mapserver.gis.umn.edu/mapserver">
  <wfs:member>
    <ms:plan gml:id="plan.1">
      <ms:name>${options.name ?? 'Plan'}</ms:name>
      <ms:geom>
${geometry.replace(/SRS/g, srs)}
      </ms:geom>
    </ms:plan>
  </wfs:member>
</wfs:FeatureCollection>
`;
}

export function polygon(posList: string, attrs = ''): string {
  return `<gml:Polygon gml:id="p1" srsName="SRS"><gml:exterior><gml:LinearRing><gml:posList${attrs}>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
}

/** A closed square ring around (691000, 5334000), as "x y" or "x y z" text. */
export function square(dim: 2 | 3 | 4, size = 10): string {
  const pts = [[0, 0], [size, 0], [size, size], [0, size], [0, 0]];
  return pts.map(([x, y]) => [691000 + x, 5334000 + y, 520, 7].slice(0, dim).join(' ')).join(' ');
}
