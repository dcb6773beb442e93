/**
 * Reads a GML feature collection (a WFS GetFeature response or an XPlanGML file) into features in WGS84
 * lon/lat: wfs:FeatureCollection (1.1.0 and 2.0.0, also nested), gml:FeatureCollection, xplan:XPlanAuszug
 * with gml:featureMember(s) or wfs:member, or a single feature as the document. Pure and DOM-free: runs in a worker.
 */
import { parseXml, toReadError, type XmlElement } from '../xml/xml-tree';
import { notFeaturesReason, sniffNotXml } from './not-features';
import { ElementError, XmlReadError } from '../xml/xml-error';
import type { Feature, FeatureCollection, PropertyObject, PropertyValue } from '../feature';
import { crsTransform, CrsError, type AxisConvention } from '../to-wgs84';
import { isExceptionReport, readExceptionReport } from '../wfs/ows-exception';
import { isGmlGeometry, isGmlNamespace, readGmlGeometry } from './gml-geometry';
import { isGeographic, parseSrsName } from '../../geo';

export interface GmlReadOptions {
  /** File name or URL, for error messages. */
  source?: string;
  /** CRS of geometries that name none, e.g. the srsName of the request. */
  srsName?: string;
  /** Chord tolerance for arcs in CRS units (default 0.01, i.e. 1 cm in metric CRSs). */
  arcTolerance?: number;
  /** Axis order of the short "EPSG:4326" form: 'wfs' (default, lat/lon as MapServer writes it) or 'file' (lon/lat). */
  axisConvention?: Exclude<AxisConvention, 'xy'>;
}

const MEMBERS = new Set(['featureMember', 'member', 'featureMembers']);
const CONTAINERS = new Set(['FeatureCollection', 'XPlanAuszug']);
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function intAttr(el: XmlElement, name: string): number | null {
  const v = el.attrs[name];
  if (v === undefined || v === 'unknown') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function envelopeSrs(el: XmlElement): string | undefined {
  return el.children.find((c) => c.name === 'boundedBy')?.children.find((c) => c.name === 'Envelope')?.attrs.srsName;
}

export function readGmlFeatureCollection(text: string, options: GmlReadOptions = {}): FeatureCollection {
  const source = options.source ?? 'GML';
  const warnings: string[] = [];
  let sourceEpsg: number | null = null;
  let srsName = options.srsName;

  /** A feature element; its first GML geometry is read in the file's CRS, then normalised and reprojected. */
  const readFeature = (el: XmlElement): Feature => {
    const feature: Feature = { id: el.attrs.id ?? el.attrs.fid ?? null, type: el.name, ns: el.ns || null, properties: {}, geometry: null, geometryName: null };
    const label = `${feature.type} ${feature.id ?? ''}`;
    for (const c of el.children) {
      if (c.name === 'boundedBy' && isGmlNamespace(c.ns)) continue;
      const geomEl = c.children.find(isGmlGeometry);
      if (!geomEl) {
        addProperty(feature.properties, c.name, propertyValue(c));
        continue;
      }
      if (feature.geometryName !== null) continue;
      feature.geometryName = c.name;
      try {
        const srs = geomEl.attrs.srsName ?? srsName;
        // arcs in degrees need a tolerance in degrees (1e-7° ≈ 1 cm)
        const arcTolerance = options.arcTolerance ?? (srs && isGeographic(parseSrsName(srs)?.epsg ?? 0) ? 1e-7 : 0.01);
        const onWarning = (m: string, at: { line: number; column: number }) => warnings.push(`${source}:${at.line}:${at.column}: ${label}: ${m}`);
        const { geometry, srsName: geometrySrs } = readGmlGeometry(geomEl, { srsName, arcTolerance, onWarning });
        if (!geometrySrs) throw new ElementError('geometry without srsName, and no default CRS given', geomEl);
        const t = crsTransform(geometrySrs, options.axisConvention ?? 'wfs');
        sourceEpsg ??= t.epsg;
        feature.geometry = t.apply(geometry);
      } catch (err) {
        // the feature is kept without geometry; the problem is a warning with its place
        const located = err instanceof CrsError ? new ElementError(err.message, geomEl) : err;
        const named = located instanceof ElementError ? new ElementError(`${label}: ${located.message}`, located.element) : located;
        const e = toReadError(named, text, source);
        warnings.push(e instanceof Error ? e.message : String(e));
      }
    }
    return feature;
  };

  // Features are read as soon as they end and then dropped from the tree, so memory stays flat.
  const features: Feature[] = [];
  const sniffed = sniffNotXml(text);
  if (sniffed) throw new XmlReadError(`${source}:1:1: ${sniffed}`, source, 1, 1);
  const root = parseXml(text, source, {
    // the bounding boxes of features are not used: not building them saves a quarter of the elements of a WFS response
    skip: (name, ns, depth) => depth >= 2 && name === 'boundedBy' && isGmlNamespace(ns),
    onClose(el, parent, depth) {
      if (depth === 1 && el.name === 'boundedBy') srsName ??= envelopeSrs(parent!);
      if (parent === null || !MEMBERS.has(parent.name) || CONTAINERS.has(el.name)) return false;
      features.push(readFeature(el));
      return true;
    },
  });
  if (isExceptionReport(root)) throw readExceptionReport(root);
  const notFeatures = notFeaturesReason(root);
  if (notFeatures) {
    throw new XmlReadError(`${source}:${root.line}:${root.column}: ${notFeatures}`, source, root.line, root.column);
  }
  const container = CONTAINERS.has(root.name);
  if (!container) {
    srsName ??= envelopeSrs(root);
    features.push(readFeature(root));
  }
  return {
    features,
    numberMatched: container ? (intAttr(root, 'numberMatched') ?? intAttr(root, 'numberOfFeatures')) : null,
    numberReturned: container ? (intAttr(root, 'numberReturned') ?? intAttr(root, 'numberOfFeatures')) : null,
    next: container ? (root.attrs.next ?? null) : null,
    sourceEpsg,
    warnings,
  };
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
function propertyValue(el: XmlElement): PropertyValue {
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
