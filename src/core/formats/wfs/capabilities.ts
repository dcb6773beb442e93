/**
 * WFS GetCapabilities (2.0.0 and 1.1.0) → what a client needs to ask for features:
 * feature types with titles, default and other CRS, output formats, paging and bounds.
 */
import { parseXml, type XmlElement } from '../xml/xml-tree';
import { childNamed, childrenNamed, childText } from '../xml/xml-query';
import { isExceptionReport, readExceptionReport } from './ows-exception';

export type WfsVersion = '2.0.0' | '1.1.0';

export interface WfsFeatureType {
  /** Qualified name as the server writes it, e.g. "ms:BP_BaugebietsTeilFlaeche". */
  name: string;
  title: string | null;
  /** e.g. "urn:ogc:def:crs:EPSG::25832". */
  defaultCrs: string | null;
  otherCrs: string[];
  /** Formats listed for this type (empty when the server lists them only per operation). */
  outputFormats: string[];
  /** [west, south, east, north] in degrees, from ows:WGS84BoundingBox. */
  wgs84Bounds: [number, number, number, number] | null;
}

export interface WfsCapabilities {
  version: WfsVersion;
  title: string | null;
  featureTypes: WfsFeatureType[];
  /** GetFeature output formats of the operation (ows:Parameter outputFormat). */
  outputFormats: string[];
  /** ImplementsResultPaging (2.0.0); 1.1.0 has no such constraint. */
  implementsResultPaging: boolean;
  /** Largest page the server returns (CountDefault in 2.0.0, DefaultMaxFeatures in MapServer's 1.1.0). */
  maxFeatures: number | null;
  /** The GetFeature GET endpoint (DCP), when given. */
  getFeatureUrl: string | null;
}

/** The ows:Value and Format texts below an element, in document order. */
function values(el: XmlElement | undefined): string[] {
  return el ? el.children.flatMap((c) => (c.name === 'Value' || c.name === 'Format' ? [c.text.trim()] : values(c))) : [];
}

function operation(root: XmlElement, name: string): XmlElement | undefined {
  return childNamed(root, 'OperationsMetadata')?.children.find((o) => o.name === 'Operation' && o.attrs.name === name);
}

function constraint(root: XmlElement, name: string): string | null {
  const c = childNamed(root, 'OperationsMetadata')?.children.find((x) => x.name === 'Constraint' && x.attrs.name === name);
  if (!c) return null;
  return (childText(c, 'DefaultValue') ?? values(c)[0] ?? '').trim() || null;
}

function bounds(ft: XmlElement): [number, number, number, number] | null {
  const box = childNamed(ft, 'WGS84BoundingBox');
  if (!box) return null;
  const lower = (childText(box, 'LowerCorner') ?? '').split(/\s+/).map(Number);
  const upper = (childText(box, 'UpperCorner') ?? '').split(/\s+/).map(Number);
  const all = [lower[0], lower[1], upper[0], upper[1]];
  return all.every(Number.isFinite) ? (all as [number, number, number, number]) : null;
}

function readFeatureType(ft: XmlElement): WfsFeatureType {
  // 2.0.0 writes DefaultCRS/OtherCRS, 1.1.0 DefaultSRS/OtherSRS
  return {
    name: childText(ft, 'Name') ?? '',
    title: childText(ft, 'Title') ?? null,
    defaultCrs: childText(ft, 'DefaultCRS') ?? childText(ft, 'DefaultSRS') ?? null,
    otherCrs: [...childrenNamed(ft, 'OtherCRS'), ...childrenNamed(ft, 'OtherSRS')].map((c) => c.text.trim()),
    outputFormats: values(childNamed(ft, 'OutputFormats')),
    wgs84Bounds: bounds(ft),
  };
}

export function readCapabilities(text: string, source = 'GetCapabilities'): WfsCapabilities {
  const root = parseXml(text, source);
  if (isExceptionReport(root)) throw readExceptionReport(root);
  if (root.name !== 'WFS_Capabilities') throw new Error(`${source}: not a WFS capabilities document (root <${root.name}>)`);
  const version = root.attrs.version === '1.1.0' ? '1.1.0' : root.attrs.version === '2.0.0' ? '2.0.0' : null;
  if (!version) throw new Error(`${source}: WFS version ${root.attrs.version ?? '(none)'} is not supported; use 2.0.0 or 1.1.0`);
  const getFeature = operation(root, 'GetFeature');
  const get = getFeature && childNamed(childNamed(childNamed(getFeature, 'DCP') ?? getFeature, 'HTTP') ?? getFeature, 'Get');
  const list = childNamed(root, 'FeatureTypeList');
  const max = constraint(root, 'CountDefault') ?? constraint(root, 'DefaultMaxFeatures');
  return {
    version,
    title: childText(childNamed(root, 'ServiceIdentification') ?? root, 'Title') ?? null,
    featureTypes: list ? childrenNamed(list, 'FeatureType').map(readFeatureType) : [],
    outputFormats: values(getFeature?.children.find((p) => p.name === 'Parameter' && p.attrs.name.toLowerCase() === 'outputformat')),
    implementsResultPaging: (constraint(root, 'ImplementsResultPaging') ?? '').toUpperCase() === 'TRUE',
    maxFeatures: max !== null && Number.isFinite(Number(max)) ? Number(max) : null,
    getFeatureUrl: get?.attrs.href || null,
  };
}

/** The feature type by name, with or without its prefix ("BP_BauGrenze" finds "ms:BP_BauGrenze"). */
export function findFeatureType(caps: WfsCapabilities, name: string): WfsFeatureType | null {
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  return caps.featureTypes.find((t) => t.name === name) ?? caps.featureTypes.find((t) => local(t.name) === local(name)) ?? null;
}

/** GeoJSON when offered; else GML 3.2 for 2.0.0 and GML 3.1.1 for 1.1.0 (MapServer breaks 1.1.0 + GML 3.2). */
export function chooseOutputFormat(caps: WfsCapabilities, type: WfsFeatureType | null, prefer: 'auto' | 'geojson' | 'gml' = 'auto'): string {
  const offered = [...(type?.outputFormats ?? []), ...caps.outputFormats];
  const json = offered.find((f) => /geo\+json|subtype=geojson/i.test(f)) ?? offered.find((f) => /json/i.test(f));
  if (prefer !== 'gml' && json) return json;
  if (caps.version === '2.0.0') {
    return offered.find((f) => /gml\+xml;\s*version=3\.2/i.test(f)) ?? offered.find((f) => /gml\/3\.2/i.test(f)) ?? 'application/gml+xml; version=3.2';
  }
  return offered.find((f) => /gml\/3\.1\.1/i.test(f)) ?? 'text/xml; subtype=gml/3.1.1';
}
