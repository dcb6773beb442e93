/**
 * WMTS GetCapabilities → layers, tile matrix sets and tile URLs, on the project's DOM-free XML reader.
 * Unlike 3d-tiles-renderer's WMTSCapabilitiesLoader (EPSG:4326/3857 only, corners in radians), this keeps
 * every tile matrix set in its own CRS, so EPSG:25832 sets (basemap.de, LDBV) work as well as 3857 ones.
 */
import { childNamed, childrenNamed, childText, findDescendant } from '../formats/xml/xml-query.js';
import { parseXml, type XmlElement } from '../formats/xml/xml-tree.js';
import { hasProjection, isLatLonAxisOrder, parseSrsName } from '../geo/index.js';
import { resolutionOf, type TileGrid, type TileMatrix } from './tile-grid.js';

export interface WmtsMatrixSet {
  id: string;
  /** The SupportedCRS text as written. */
  crs: string;
  /** Its EPSG code, or 0 when the CRS is not one TwinBy can project. */
  epsg: number;
  grid: TileGrid;
}

export interface WmtsLayer {
  id: string;
  title: string;
  formats: string[];
  styles: { id: string; isDefault: boolean }[];
  matrixSets: string[];
  /** REST templates by format ({TileMatrix}, {TileRow}, {TileCol}, {Style}, {TileMatrixSet}). */
  templates: { format: string; template: string }[];
}

export interface WmtsCapabilities {
  title: string;
  layers: WmtsLayer[];
  matrixSets: Map<string, WmtsMatrixSet>;
  /** KVP GetTile endpoint, when the service offers one. */
  kvpUrl: string | null;
}

/** Parses a capabilities document; `source` names it in errors. */
export function parseWmtsCapabilities(text: string, source = 'WMTS capabilities'): WmtsCapabilities {
  const root = parseXml(text, source);
  if (root.name === 'ExceptionReport') throw new Error(`${source}: the service answered with an exception: ${findDescendant(root, 'ExceptionText')?.text.trim() ?? ''}`);
  if (root.name !== 'Capabilities') throw new Error(`${source}: not a WMTS capabilities document (root element <${root.name}>)`);
  const contents = childNamed(root, 'Contents');
  if (!contents) throw new Error(`${source}: no <Contents>`);
  const matrixSets = new Map<string, WmtsMatrixSet>();
  for (const el of childrenNamed(contents, 'TileMatrixSet')) {
    const set = readMatrixSet(el, source);
    matrixSets.set(set.id, set);
  }
  const layers = childrenNamed(contents, 'Layer').map(readLayer);
  return {
    title: childText(childNamed(root, 'ServiceIdentification') ?? root, 'Title') ?? '',
    layers,
    matrixSets,
    kvpUrl: readKvpUrl(root),
  };
}

function readMatrixSet(el: XmlElement, source: string): WmtsMatrixSet {
  const id = childText(el, 'Identifier') ?? '';
  const crs = childText(el, 'SupportedCRS') ?? '';
  const info = parseSrsName(crs);
  const epsg = info && hasProjection(info.epsg) ? info.epsg : 0;
  const latFirst = info ? isLatLonAxisOrder(crs, info) : false;
  const matrices: TileMatrix[] = [];
  for (const m of childrenNamed(el, 'TileMatrix')) {
    const num = (name: string) => {
      const v = Number(childText(m, name));
      if (!Number.isFinite(v)) throw new Error(`${source}: TileMatrixSet "${id}", TileMatrix "${childText(m, 'Identifier')}": ${name} is not a number`);
      return v;
    };
    const corner = (childText(m, 'TopLeftCorner') ?? '').split(/\s+/).map(Number);
    if (corner.length !== 2 || !corner.every(Number.isFinite)) throw new Error(`${source}: TileMatrixSet "${id}": bad TopLeftCorner`);
    matrices.push({
      id: childText(m, 'Identifier') ?? String(matrices.length),
      originX: latFirst ? corner[1] : corner[0],
      originY: latFirst ? corner[0] : corner[1],
      resolution: resolutionOf(num('ScaleDenominator'), epsg),
      tileWidth: num('TileWidth'),
      tileHeight: num('TileHeight'),
      matrixWidth: num('MatrixWidth'),
      matrixHeight: num('MatrixHeight'),
    });
  }
  matrices.sort((a, b) => b.resolution - a.resolution);
  return { id, crs, epsg, grid: { epsg, matrices } };
}

function readLayer(el: XmlElement): WmtsLayer {
  return {
    id: childText(el, 'Identifier') ?? '',
    title: childText(el, 'Title') ?? '',
    formats: childrenNamed(el, 'Format').map((f) => f.text.trim()),
    styles: childrenNamed(el, 'Style').map((s) => ({ id: childText(s, 'Identifier') ?? '', isDefault: s.attrs.isDefault === 'true' })),
    matrixSets: childrenNamed(el, 'TileMatrixSetLink').map((l) => childText(l, 'TileMatrixSet') ?? ''),
    templates: childrenNamed(el, 'ResourceURL')
      .filter((r) => (r.attrs.resourceType ?? 'tile') === 'tile' && r.attrs.template)
      .map((r) => ({ format: r.attrs.format ?? '', template: r.attrs.template })),
  };
}

function readKvpUrl(root: XmlElement): string | null {
  const ops = childNamed(root, 'OperationsMetadata');
  const getTile = ops && childrenNamed(ops, 'Operation').find((o) => o.attrs.name === 'GetTile');
  if (!getTile) return null;
  const get = findDescendant(getTile, 'Get');
  if (!get?.attrs.href) return null;
  const kvp = childrenNamed(get, 'Constraint').length === 0 || findDescendant(get, 'Value')?.text.trim() === 'KVP' || get.text.includes('KVP');
  return kvp ? get.attrs.href : null;
}
