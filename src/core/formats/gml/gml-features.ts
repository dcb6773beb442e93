/**
 * GML feature collections → {@link Feature}s: wfs:FeatureCollection (1.1.0 and 2.0.0, also nested),
 * gml:FeatureCollection, xplan:XPlanAuszug, gml:featureMember(s) and wfs:member.
 * Geometries stay in the file's CRS here; `transform` (see gml-reader.ts) normalises and reprojects them.
 */
import type { XmlElement } from '../xml/xml-tree';
import { ElementError, type Place } from '../xml/xml-error';
import type { Feature, PropertyObject, PropertyValue } from '../feature';
import type { Geometry } from '../geometry';
import { isGmlGeometry, isGmlNamespace, readGmlGeometry } from './gml-geometry';
import { isGeographic, parseSrsName } from '../../geo';

function isGeographicSrs(srsName: string): boolean {
  const crs = parseSrsName(srsName);
  return crs !== null && isGeographic(crs.epsg);
}

const MEMBERS = new Set(['featureMember', 'member', 'featureMembers']);

/** True when `el`, ending inside `parent`, is a feature (not a nested collection). */
export function isFeatureIn(el: XmlElement, parent: XmlElement | null): boolean {
  return parent !== null && MEMBERS.has(parent.name) && !isFeatureContainer(el);
}
const CONTAINERS = new Set(['FeatureCollection', 'XPlanAuszug']);
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface GmlFeatureOptions {
  /** CRS of geometries that name none (e.g. the srsName of the request). */
  srsName?: string;
  arcTolerance?: number;
  /** Turns a geometry read in `srsName` into the result geometry (axis order, reprojection). */
  transform: (geometry: Geometry, srsName: string | undefined, el: XmlElement) => Geometry;
  /** Called for a feature whose geometry could not be read; the feature is kept without geometry. */
  onError: (err: unknown) => void;
  /** A note about an element that did not stop the reading (e.g. a guessed srsDimension). */
  onWarning?: (message: string, at: Place) => void;
}

/** True for a container of features (wfs:FeatureCollection, gml:FeatureCollection, xplan:XPlanAuszug). */
export function isFeatureContainer(el: XmlElement): boolean {
  return CONTAINERS.has(el.name);
}

export function envelopeSrs(el: XmlElement): string | undefined {
  const env = el.children.find((c) => c.name === 'boundedBy')?.children.find((c) => c.name === 'Envelope');
  return env?.attrs.srsName;
}

export function readFeature(el: XmlElement, options: GmlFeatureOptions): Feature {
  const feature: Feature = {
    id: el.attrs.id ?? el.attrs.fid ?? null,
    type: el.name,
    ns: el.ns || null,
    properties: {},
    geometry: null,
    geometryName: null,
  };
  for (const c of el.children) {
    if (c.name === 'boundedBy' && isGmlNamespace(c.ns)) continue;
    const geomEl = c.children.find(isGmlGeometry);
    if (geomEl) {
      if (feature.geometry !== null || feature.geometryName !== null) continue;
      feature.geometryName = c.name;
      try {
        const srs = geomEl.attrs.srsName ?? options.srsName;
        // arcs in degrees need a tolerance in degrees (1e-7° ≈ 1 cm)
        const arcTolerance = options.arcTolerance ?? (srs && isGeographicSrs(srs) ? 1e-7 : 0.01);
        const { geometry, srsName } = readGmlGeometry(geomEl, {
          srsName: options.srsName,
          arcTolerance,
          onWarning: options.onWarning && ((m, at) => options.onWarning!(`${feature.type} ${feature.id ?? ''}: ${m}`, at)),
        });
        feature.geometry = options.transform(geometry, srsName, geomEl);
      } catch (err) {
        options.onError(err instanceof ElementError ? new ElementError(`${feature.type} ${feature.id ?? ''}: ${err.message}`, err.element) : err);
      }
      continue;
    }
    addProperty(feature.properties, c.name, propertyValue(c));
  }
  return feature;
}

function addProperty(obj: PropertyObject, key: string, value: PropertyValue): void {
  if (!(key in obj)) obj[key] = value;
  else {
    const prev = obj[key];
    if (Array.isArray(prev)) prev.push(value);
    else obj[key] = [prev, value];
  }
}

/** A property element's value: null (xsi:nil), a link, a nested object or its text. */
export function propertyValue(el: XmlElement): PropertyValue {
  if (el.attrs.nil === 'true' && (el.ns === XSI || 'nil' in el.attrs)) return null;
  if (el.children.length === 0) {
    if (el.attrs.href !== undefined) return { href: el.attrs.href };
    return el.text.trim();
  }
  // <hoehenangabe><XP_Hoehenangabe>…</XP_Hoehenangabe></hoehenangabe>: the object is the typed child
  const only = el.children.length === 1 ? el.children[0] : null;
  const body = only && /^[A-Z]/.test(only.name) ? only : el;
  const obj: PropertyObject = {};
  for (const c of body.children) addProperty(obj, c.name, propertyValue(c));
  return obj;
}
