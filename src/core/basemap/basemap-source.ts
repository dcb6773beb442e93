/**
 * What a base map is (BasemapSpec, plain data an element or page writes) and how it becomes tiles
 * (resolveBasemap → a grid in the service's CRS plus a tile URL function). Engine-agnostic: the engine
 * places the tiles on its ground, reprojecting through src/core/geo.
 */
import { hasProjection, parseSrsName } from '../geo/index.js';
import { extentGrid, tileExtent, webMercatorGrid, type Extent, type TileGrid } from './tile-grid.js';
import { parseWmtsCapabilities, type WmtsCapabilities } from './wmts-capabilities.js';

export type BasemapSpec =
  | {
      type: 'wmts';
      /** GetCapabilities URL. */
      url: string;
      /** Layer identifier (default: the first layer). */
      layer?: string;
      /** Tile matrix set identifier (default: the first one in a CRS TwinBy can project, EPSG:25832 before others). */
      matrixSet?: string;
      format?: string;
      style?: string;
    }
  | {
      type: 'wms';
      /** GetMap endpoint. */
      url: string;
      layers: string;
      /** Request CRS (default EPSG:25832). */
      crs?: string;
      /** [minX, minY, maxX, maxY] in `crs` that the grid covers (default: Germany in the CRS's units, for 25832). */
      extent?: Extent;
      format?: string;
      styles?: string;
      version?: '1.1.1' | '1.3.0';
      transparent?: boolean;
    }
  | {
      type: 'xyz';
      /** Template with {z}, {x}, {y} (and optionally {-y} for TMS rows). */
      url: string;
      maxLevel?: number;
    };

export interface BasemapLayerConfig {
  /** Unique within the switcher. */
  id: string;
  /** Shown in the layer switcher. */
  title: string;
  /** Shown whenever the layer is on (plain text, e.g. "© GeoBasis-DE / BKG (2025) CC BY 4.0"). */
  attribution: string;
  source: BasemapSpec;
  /** 0–1, default 1. */
  opacity?: number;
}

export interface ResolvedBasemap {
  grid: TileGrid;
  tileUrl(level: number, col: number, row: number): string;
}

/** Germany and its surroundings in EPSG:25832 metres: the default WMS grid. */
const GERMANY_25832: Extent = [-46133, 5048875, 1206211, 6301219];

export type FetchText = (url: string) => Promise<string>;

/** Resolves a spec into a grid and URLs; a WMTS spec reads its capabilities through fetchText. */
export async function resolveBasemap(spec: BasemapSpec, fetchText: FetchText): Promise<ResolvedBasemap> {
  if (spec.type === 'xyz') return resolveXyz(spec.url, spec.maxLevel ?? 19);
  if (spec.type === 'wms') return resolveWms(spec);
  if (spec.type === 'wmts') return resolveWmts(spec, parseWmtsCapabilities(await fetchText(spec.url), spec.url));
  throw new Error(`Unknown base map type "${(spec as { type: unknown }).type}"`);
}

function resolveXyz(template: string, maxLevel: number): ResolvedBasemap {
  if (!/\{z\}/.test(template) || !/\{x\}/.test(template) || !/\{-?y\}/.test(template)) throw new Error(`XYZ template "${template}" needs {z}, {x} and {y}`);
  return {
    grid: webMercatorGrid(maxLevel + 1),
    tileUrl: (z, x, y) =>
      template
        .replace('{z}', String(z))
        .replace('{x}', String(x))
        .replace('{-y}', String(2 ** z - 1 - y))
        .replace('{y}', String(y)),
  };
}

function epsgOf(crs: string): number {
  const info = parseSrsName(crs);
  if (!info || !hasProjection(info.epsg)) throw new Error(`Base map CRS "${crs}" is not one TwinBy can project`);
  return info.epsg;
}

function resolveWms(spec: Extract<BasemapSpec, { type: 'wms' }>): ResolvedBasemap {
  const crs = spec.crs ?? 'EPSG:25832';
  const epsg = epsgOf(crs);
  if (!spec.extent && epsg !== 25832) throw new Error(`WMS base map ${spec.url}: give an extent for ${crs}`);
  const grid = extentGrid(epsg, spec.extent ?? GERMANY_25832);
  const version = spec.version ?? '1.3.0';
  // WMS 1.3.0 writes geographic bounding boxes latitude first
  const latFirst = version === '1.3.0' && (epsg === 4326 || epsg === 4258);
  const base = new URL(spec.url, 'http://base.invalid/');
  const ext: Extent = [0, 0, 0, 0];
  return {
    grid,
    tileUrl(level, col, row) {
      const m = grid.matrices[level];
      tileExtent(m, col, row, ext);
      const url = new URL(base);
      const p = url.searchParams;
      p.set('SERVICE', 'WMS');
      p.set('VERSION', version);
      p.set('REQUEST', 'GetMap');
      p.set('LAYERS', spec.layers);
      p.set('STYLES', spec.styles ?? '');
      p.set(version === '1.3.0' ? 'CRS' : 'SRS', crs);
      p.set('BBOX', (latFirst ? [ext[1], ext[0], ext[3], ext[2]] : ext).join(','));
      p.set('WIDTH', String(m.tileWidth));
      p.set('HEIGHT', String(m.tileHeight));
      p.set('FORMAT', spec.format ?? 'image/png');
      p.set('TRANSPARENT', spec.transparent ? 'TRUE' : 'FALSE');
      return url.origin === 'http://base.invalid' ? url.pathname + url.search : url.href;
    },
  };
}

const PREFERRED_EPSG = [25832, 3857];

function resolveWmts(spec: Extract<BasemapSpec, { type: 'wmts' }>, caps: WmtsCapabilities): ResolvedBasemap {
  const layer = spec.layer ? caps.layers.find((l) => l.id === spec.layer) : caps.layers[0];
  if (!layer) throw new Error(`${spec.url}: no WMTS layer "${spec.layer ?? ''}" (offered: ${caps.layers.map((l) => l.id).join(', ') || 'none'})`);
  const usable = layer.matrixSets.map((id) => caps.matrixSets.get(id)).filter((s) => s && s.epsg && s.grid.matrices.length);
  let set = spec.matrixSet ? usable.find((s) => s!.id === spec.matrixSet) : undefined;
  if (spec.matrixSet && !set) throw new Error(`${spec.url}: layer "${layer.id}" has no usable tile matrix set "${spec.matrixSet}" (offered: ${layer.matrixSets.join(', ')})`);
  set ??= [...usable].sort((a, b) => rank(a!.epsg) - rank(b!.epsg))[0];
  if (!set) throw new Error(`${spec.url}: layer "${layer.id}" offers no tile matrix set in a CRS TwinBy can project (${layer.matrixSets.join(', ')})`);
  const format = spec.format ?? layer.formats[0] ?? 'image/png';
  const style = spec.style ?? layer.styles.find((s) => s.isDefault)?.id ?? layer.styles[0]?.id ?? 'default';
  const rest = layer.templates.find((t) => t.format === format) ?? layer.templates[0];
  const grid = set.grid;
  const base = new URL(spec.url, 'http://base.invalid/');
  // a relative capabilities URL stays relative (the element resolves it against the page)
  const absolute = (u: URL) => (u.origin === 'http://base.invalid' ? u.pathname + u.search : u.href);
  if (rest) {
    return {
      grid,
      // a relative template (static files next to the capabilities) resolves against the capabilities URL
      tileUrl: (level, col, row) =>
        absolute(
          new URL(
            rest.template
              .replace(/\{TileMatrixSet\}/gi, set.id)
              .replace(/\{TileMatrix\}/gi, grid.matrices[level].id)
              .replace(/\{TileRow\}/gi, String(row))
              .replace(/\{TileCol\}/gi, String(col))
              .replace(/\{Style\}/gi, style),
            base,
          ),
        ),
    };
  }
  if (!caps.kvpUrl) throw new Error(`${spec.url}: layer "${layer.id}" has neither a ResourceURL template nor a KVP GetTile endpoint`);
  const kvp = new URL(caps.kvpUrl, base);
  return {
    grid,
    tileUrl(level, col, row) {
      const url = new URL(kvp);
      const p = url.searchParams;
      p.set('SERVICE', 'WMTS');
      p.set('REQUEST', 'GetTile');
      p.set('VERSION', '1.0.0');
      p.set('LAYER', layer.id);
      p.set('STYLE', style);
      p.set('FORMAT', format);
      p.set('TILEMATRIXSET', set.id);
      p.set('TILEMATRIX', grid.matrices[level].id);
      p.set('TILEROW', String(row));
      p.set('TILECOL', String(col));
      return absolute(url);
    },
  };
}

function rank(epsg: number): number {
  const i = PREFERRED_EPSG.indexOf(epsg);
  return i < 0 ? PREFERRED_EPSG.length : i;
}
