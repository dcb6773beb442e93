/**
 * Reads a GML feature collection (a WFS GetFeature response or an XPlanGML file) into
 * features in WGS84 lon/lat. Pure and DOM-free: runs in a worker.
 */
import { parseXml, toReadError, type XmlElement } from '../xml/xml-tree';
import { notFeaturesReason, sniffNotXml } from './not-features';
import { ElementError, XmlReadError, type Place } from '../xml/xml-error';
import type { Feature, FeatureCollection } from '../feature';
import type { Geometry } from '../geometry';
import { crsTransform, CrsError, type AxisConvention } from '../to-wgs84';
import { isExceptionReport, readExceptionReport } from '../wfs/ows-exception';
import { envelopeSrs, isFeatureContainer, isFeatureIn, readFeature } from './gml-features';
import { isGmlNamespace } from './gml-geometry';

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

function intAttr(el: XmlElement, name: string): number | null {
  const v = el.attrs[name];
  if (v === undefined || v === 'unknown') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export function readGmlFeatureCollection(text: string, options: GmlReadOptions = {}): FeatureCollection {
  const source = options.source ?? 'GML';
  const warnings: string[] = [];
  let sourceEpsg: number | null = null;
  const transform = (g: Geometry, srsName: string | undefined, el: XmlElement): Geometry => {
    if (!srsName) throw new ElementError('geometry without srsName, and no default CRS given', el);
    try {
      const t = crsTransform(srsName, options.axisConvention ?? 'wfs');
      sourceEpsg ??= t.epsg;
      return t.apply(g);
    } catch (err) {
      if (err instanceof CrsError) throw new ElementError(err.message, el);
      throw err;
    }
  };
  const onError = (err: unknown) => {
    const located = toReadError(err, text, source);
    warnings.push(located instanceof Error ? located.message : String(located));
  };
  // Features are read as soon as they end and then dropped from the tree, so memory stays flat.
  const features: Feature[] = [];
  let srsName = options.srsName;
  const onWarning = (message: string, el: Place) => warnings.push(`${source}:${el.line}:${el.column}: ${message}`);
  const featureOptions = () => ({ srsName, arcTolerance: options.arcTolerance, transform, onError, onWarning });
  const sniffed = sniffNotXml(text);
  if (sniffed) throw new XmlReadError(`${source}:1:1: ${sniffed}`, source, 1, 1);
  const root = parseXml(text, source, {
    // the bounding boxes of features are not used: not building them saves a quarter of the elements of a WFS response
    skip: (name, ns, depth) => depth >= 2 && name === 'boundedBy' && isGmlNamespace(ns),
    onClose(el, parent, depth) {
      if (depth === 1 && el.name === 'boundedBy') srsName ??= envelopeSrs(parent!);
      if (!isFeatureIn(el, parent)) return false;
      features.push(readFeature(el, featureOptions()));
      return true;
    },
  });
  if (isExceptionReport(root)) throw readExceptionReport(root);
  const notFeatures = notFeaturesReason(root);
  if (notFeatures) {
    throw new XmlReadError(`${source}:${root.line}:${root.column}: ${notFeatures}`, source, root.line, root.column);
  }
  const container = isFeatureContainer(root);
  // a single feature as the document
  if (!container) features.push(readFeature(root, { ...featureOptions(), srsName: srsName ?? envelopeSrs(root) }));
  return {
    features,
    numberMatched: container ? (intAttr(root, 'numberMatched') ?? intAttr(root, 'numberOfFeatures')) : null,
    numberReturned: container ? (intAttr(root, 'numberReturned') ?? intAttr(root, 'numberOfFeatures')) : null,
    next: container ? (root.attrs.next ?? null) : null,
    sourceEpsg,
    warnings,
  };
}
