/**
 * A format-neutral feature as read from GML or GeoJSON: the shape the WFS source, the XPlanung
 * model and the worker protocol share. Plain data, so it survives structured cloning.
 */
import type { Geometry } from './geometry';

/** A property value: text as written, nested objects for complex XML properties, links as {href}. */
export type PropertyValue = string | number | boolean | null | PropertyObject | PropertyValue[];
export interface PropertyObject {
  [key: string]: PropertyValue;
}

export interface Feature {
  /** gml:id or GeoJSON id; null when absent. */
  id: string | null;
  /** Feature type: local element name (GML) or the requested type name (GeoJSON). */
  type: string;
  /** Namespace URI of the feature element (GML), null for GeoJSON. */
  ns: string | null;
  properties: PropertyObject;
  /** The first geometry property, in WGS84 lon/lat (after {@link FeatureCollection.crs} was applied). */
  geometry: Geometry | null;
  /** Name of the property that held the geometry, e.g. "position" (XPlanung) or "msGeometry". */
  geometryName: string | null;
}

export interface FeatureCollection {
  features: Feature[];
  /** WFS numberMatched (2.0.0) or numberOfFeatures (1.1.0); null when unknown. */
  numberMatched: number | null;
  numberReturned: number | null;
  /** URL of the next page (WFS 2.0.0 `next`), or null. */
  next: string | null;
  /** EPSG code the coordinates were read in before reprojection to WGS84, when known. */
  sourceEpsg: number | null;
  /** Problems that skipped a feature or property without failing the whole read (file:line:col: …). */
  warnings: string[];
}
