/**
 * A GetFeature response body → features, whatever the server sent: GeoJSON, GML 3.2/3.1.1,
 * or an ows:ExceptionReport (which becomes an {@link OwsExceptionError}, also when the HTTP status was 200).
 */
import type { FeatureCollection } from '../feature';
import { readGeoJson } from '../geojson/geojson-reader';
import { readGmlFeatureCollection } from '../gml/gml-reader';
import { decodeXmlBytes } from '../xml/xml-bytes';

export interface FeatureResponseOptions {
  /** URL or file name for messages. */
  source?: string;
  /** The srsName of the request: CRS of geometries that name none. */
  srsName?: string;
  /** The requested type name, given to GeoJSON features (which carry none). */
  typeName?: string;
  arcTolerance?: number;
  /** 'wfs' (default) for GetFeature responses, 'file' for plan files: see to-wgs84.ts. */
  axisConvention?: 'wfs' | 'file';
}

/** JSON when the body starts with "{" (content types are unreliable: MapServer labels GML 3.2 text/xml). */
export function isJsonBody(text: string): boolean {
  return /^[ \t\n\r\uFEFF]*\{/.test(text.slice(0, 1024));
}

/** Reads a body given as text, or as bytes (decoded as xml-bytes.ts says; an encoding problem becomes a warning). */
export function readFeatureResponse(body: string | ArrayBuffer | Uint8Array, options: FeatureResponseOptions = {}): FeatureCollection {
  const decoded = typeof body === 'string' ? { text: body, warning: undefined } : decodeXmlBytes(body, options.source);
  const text = decoded.text;
  const fc = isJsonBody(text)
    ? readGeoJson(text, { source: options.source, typeName: options.typeName })
    : readGmlFeatureCollection(text, { source: options.source, srsName: options.srsName, arcTolerance: options.arcTolerance, axisConvention: options.axisConvention });
  if (decoded.warning) fc.warnings.unshift(decoded.warning);
  return fc;
}
