/**
 * A seeded WFS 2.0.0 GetFeature response in GML 3.2, shaped like MapServer's output for a
 * flattened XPlanung layer: polygons with a few dozen vertices and a handful of attributes.
 */

import { seededRandom } from '../../helpers/seeded-random';

export { seededRandom };

export function syntheticGml(features: number, seed = 1): string {
  const rnd = seededRandom(seed);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<wfs:FeatureCollection xmlns:ms="http://mapserver.gis.umn.edu/mapserver" ' +
      'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:wfs="http://www.opengis.net/wfs/2.0" ' +
      `timeStamp="2026-01-01T00:00:00" numberMatched="${features}" numberReturned="${features}">\n`,
  ];
  for (let i = 0; i < features; i++) {
    const cx = 690000 + rnd() * 5000, cy = 5330000 + rnd() * 5000;
    const n = 20 + Math.floor(rnd() * 40);
    const r = 10 + rnd() * 40;
    const pts: string[] = [];
    for (let k = 0; k < n; k++) {
      const a = (k / n) * 2 * Math.PI;
      const rr = r * (0.8 + 0.2 * rnd());
      pts.push(`${(cx + rr * Math.cos(a)).toFixed(3)} ${(cy + rr * Math.sin(a)).toFixed(3)}`);
    }
    pts.push(pts[0]);
    parts.push(
      `  <wfs:member>\n    <ms:BP_BaugebietsTeilFlaeche gml:id="BP_BaugebietsTeilFlaeche.${i}">\n` +
        `      <gml:boundedBy>\n        <gml:Envelope srsName="urn:ogc:def:crs:EPSG::25832">\n` +
        `          <gml:lowerCorner>${(cx - r).toFixed(3)} ${(cy - r).toFixed(3)}</gml:lowerCorner>\n` +
        `          <gml:upperCorner>${(cx + r).toFixed(3)} ${(cy + r).toFixed(3)}</gml:upperCorner>\n        </gml:Envelope>\n      </gml:boundedBy>\n` +
        `      <ms:msGeometry>\n        <gml:Polygon gml:id="BP_BaugebietsTeilFlaeche.${i}.1" srsName="urn:ogc:def:crs:EPSG::25832">\n` +
        `          <gml:exterior>\n            <gml:LinearRing>\n              <gml:posList srsDimension="2">${pts.join(' ')}</gml:posList>\n` +
        `            </gml:LinearRing>\n          </gml:exterior>\n        </gml:Polygon>\n      </ms:msGeometry>\n` +
        `      <ms:gml_id>btf-${i}</ms:gml_id>\n      <ms:besondereArtDerBaulNutzung>1200</ms:besondereArtDerBaulNutzung>\n` +
        `      <ms:GRZ>0.${1 + Math.floor(rnd() * 8)}</ms:GRZ>\n      <ms:GFZ>${(rnd() * 2).toFixed(1)}</ms:GFZ>\n      <ms:Z>${1 + Math.floor(rnd() * 5)}</ms:Z>\n` +
        `      <ms:bauweise>1000</ms:bauweise>\n    </ms:BP_BaugebietsTeilFlaeche>\n  </wfs:member>\n`,
    );
  }
  parts.push('</wfs:FeatureCollection>\n');
  return parts.join('');
}
