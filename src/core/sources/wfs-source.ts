/**
 * A WFS source (the "source" of DESIGN.md §9): what to fetch and when. It reads the capabilities,
 * asks GetFeature for the cells of a fixed grid (in the layer's native CRS) that cover the view,
 * pages through each, caches finished cells, and aborts cells the view has left.
 * Parsing is pluggable so that it can run in a worker (src/worker-clients/gml-client.ts).
 */
import { Emitter } from '../events/emitter';
import { fromWgs84, parseSrsName, isGeographic } from '../geo';
import type { Feature } from '../formats/feature';
import { chooseOutputFormat, findFeatureType, readCapabilities, type WfsCapabilities, type WfsVersion } from '../formats/wfs/capabilities';
import { getCapabilitiesUrl, getFeatureUrl } from '../formats/wfs/get-feature';
import { readFeatureResponse } from '../formats/wfs/feature-response';
import { decodeBody, wfsGet, WfsRequestError, type FetchLike } from './wfs-request';
import { pages, type ParseFn } from './wfs-pager';
import type { LonLatBbox } from './view-extent';

export interface WfsSourceOptions {
  url: string;
  /** Feature type names as in the capabilities (the prefix may be left out). */
  typeNames: string[];
  /** Default 'auto': 2.0.0, else 1.1.0. */
  version?: WfsVersion | 'auto';
  /** Default 'auto': GeoJSON when offered, else GML. */
  format?: 'auto' | 'geojson' | 'gml';
  /** Features per request; default 500 (less when the server caps it). */
  pageSize?: number;
  /** Upper bound of features per cell and type; default 10 000. */
  maxFeatures?: number;
  /** Grid cell edge in native CRS units; default 1000 (metres) or 0.01 (degrees). */
  cellSize?: number;
  /** Finished cells kept; default 64. */
  cacheCells?: number;
  fetch?: FetchLike;
  /** Parses a response body; default: in this thread. */
  parse?: ParseFn;
}

export interface WfsErrorDetail {
  message: string;
  url?: string;
  status?: number;
}

export interface WfsSourceEventMap {
  /** Requests in flight changed. */
  loading: { pending: number };
  /** The features of the current extent, after every page (complete once nothing is pending). */
  features: { features: Feature[]; complete: boolean };
  error: WfsErrorDetail;
  /** Non-fatal problems: features without geometry, paging stopped, … */
  warning: { message: string };
}

interface Cell {
  key: string;
  typeName: string;
  controller: AbortController;
  features: Feature[];
  done: boolean;
  promise: Promise<void>;
}

const MAX_CELLS = 16;

export const parseInThread: ParseFn = async (req) =>
  readFeatureResponse(req.body, { source: req.source, srsName: req.srsName, typeName: req.typeName });

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

export class WfsSource {
  readonly events = new Emitter<WfsSourceEventMap>();
  private readonly fetchFn: FetchLike;
  private readonly parse: ParseFn;
  private caps: Promise<WfsCapabilities> | null = null;
  private readonly cells = new Map<string, Cell>();
  private wanted = new Set<string>();
  private disposed = false;

  constructor(readonly options: WfsSourceOptions) {
    if (!options.typeNames.length) throw new Error('WFS source: no type names given');
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    this.parse = options.parse ?? parseInThread;
  }

  /** The capabilities (read once); with version 'auto', 2.0.0 is tried first, then 1.1.0. */
  capabilities(): Promise<WfsCapabilities> {
    this.caps ??= this.readCaps().catch((err) => {
      this.caps = null; // let a later call try again
      throw err;
    });
    return this.caps;
  }

  private async readCaps(): Promise<WfsCapabilities> {
    const want = this.options.version ?? 'auto';
    const versions: WfsVersion[] = want === 'auto' ? ['2.0.0', '1.1.0'] : [want];
    let last: unknown;
    for (const v of versions) {
      const url = getCapabilitiesUrl(this.options.url, v);
      try {
        const caps = readCapabilities(decodeBody(await wfsGet(this.fetchFn, url)), url);
        if (want !== 'auto' && caps.version !== want) throw new Error(`${url}: asked for WFS ${want}, the server answered ${caps.version}`);
        for (const t of this.options.typeNames) {
          if (!findFeatureType(caps, t)) throw new Error(`WFS has no feature type "${t}" (it offers ${caps.featureTypes.map((f) => f.name).join(', ') || 'none'})`);
        }
        return caps;
      } catch (err) {
        last = err;
        if (!(err instanceof WfsRequestError) || err.status === null) break; // unreachable or a real answer: no point in another version
      }
    }
    throw last;
  }

  /** Number of features (resultType=hits), in the extent when given; null when the server does not say. */
  async hits(typeName: string, extent?: LonLatBbox, signal?: AbortSignal): Promise<number | null> {
    const caps = await this.capabilities();
    const type = findFeatureType(caps, typeName)!;
    const url = getFeatureUrl({
      url: this.options.url,
      version: caps.version,
      typeNames: [type.name],
      resultType: 'hits',
      bbox: extent && type.defaultCrs ? this.nativeBbox(extent, type.defaultCrs) : undefined,
    });
    const body = await wfsGet(this.fetchFn, url, signal);
    // hits answers are always XML
    const fc = readFeatureResponse(decodeBody(body), { source: url });
    return fc.numberMatched;
  }

  /** WGS84 bbox → native bbox, through the corners and edge midpoints (projected edges bend). */
  private nativeBbox(extent: LonLatBbox, crs: string) {
    const info = parseSrsName(crs);
    if (!info) throw new Error(`WFS: the type's CRS ${crs} is not supported`);
    const project = fromWgs84(info.epsg);
    const [w, s, e, n] = extent;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [lon, lat] of [[w, s], [e, s], [e, n], [w, n], [(w + e) / 2, s], [(w + e) / 2, n], [w, (s + n) / 2], [e, (s + n) / 2]]) {
      const [x, y] = project(lon, lat);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    return { minX, minY, maxX, maxY, crs, geographic: isGeographic(info.epsg) };
  }

  /**
   * Shows `extent`: loads the cells that cover it (cached ones at once), aborts the cells
   * of an earlier extent that are not needed any more. Resolves when every cell has settled;
   * failures are reported through the `error` event.
   */
  async setExtent(extent: LonLatBbox): Promise<void> {
    if (this.disposed) return;
    let caps: WfsCapabilities;
    try {
      caps = await this.capabilities();
    } catch (err) {
      this.reportError(err);
      return;
    }
    const wanted = new Set<string>();
    for (const name of this.options.typeNames) {
      const type = findFeatureType(caps, name)!;
      const crs = type.defaultCrs ?? 'EPSG:4326';
      const nb = this.nativeBbox(extent, crs);
      let size = this.options.cellSize ?? (nb.geographic ? 0.01 : 1000);
      // coarser cells for a wide view, so that one view never asks for more than MAX_CELLS
      while (Math.ceil((nb.maxX - nb.minX) / size + 1) * Math.ceil((nb.maxY - nb.minY) / size + 1) > MAX_CELLS) size *= 2;
      for (let ix = Math.floor(nb.minX / size); ix * size < nb.maxX; ix++) {
        for (let iy = Math.floor(nb.minY / size); iy * size < nb.maxY; iy++) {
          const key = `${type.name}|${size}|${ix}|${iy}`;
          wanted.add(key);
          if (this.cells.has(key)) {
            // refresh its place in the LRU order
            const cell = this.cells.get(key)!;
            this.cells.delete(key);
            this.cells.set(key, cell);
            continue;
          }
          const bbox = { minX: ix * size, minY: iy * size, maxX: (ix + 1) * size, maxY: (iy + 1) * size, crs };
          this.startCell(key, caps, type.name, crs, bbox);
        }
      }
    }
    this.wanted = wanted;
    for (const [key, cell] of this.cells) {
      if (!wanted.has(key) && !cell.done) {
        cell.controller.abort(new DOMException('view moved', 'AbortError'));
        this.cells.delete(key);
      }
    }
    this.trimCache();
    this.emitLoading();
    this.emitFeatures();
    await Promise.all([...wanted].map((k) => this.cells.get(k)?.promise));
  }

  private startCell(key: string, caps: WfsCapabilities, typeName: string, crs: string, bbox: { minX: number; minY: number; maxX: number; maxY: number; crs: string }): Cell {
    const cell: Cell = { key, typeName, controller: new AbortController(), features: [], done: false, promise: Promise.resolve() };
    this.cells.set(key, cell);
    const type = findFeatureType(caps, typeName);
    const query = {
      url: this.options.url,
      caps,
      typeName,
      srsName: crs,
      outputFormat: chooseOutputFormat(caps, type, this.options.format ?? 'auto'),
      bbox,
      pageSize: this.options.pageSize ?? 500,
      maxFeatures: this.options.maxFeatures ?? 10_000,
    };
    cell.promise = (async () => {
      try {
        for await (const page of pages(query, this.fetchFn, this.parse, cell.controller.signal)) {
          cell.features.push(...page.features);
          for (const w of page.warnings) this.events.emit('warning', { message: w });
          if (this.cells.get(key) === cell) this.emitFeatures();
        }
        cell.done = true;
      } catch (err) {
        if (this.cells.get(key) === cell) this.cells.delete(key); // not cached: the next view asks again
        if (!isAbort(err) && !this.disposed) this.reportError(err);
      } finally {
        this.emitLoading();
        if (this.cells.get(key) === cell && cell.done) this.emitFeatures();
      }
    })();
    return cell;
  }

  private trimCache(): void {
    const limit = this.options.cacheCells ?? 64;
    for (const [key, cell] of this.cells) {
      if (this.cells.size <= limit) break;
      if (cell.done && !this.wanted.has(key)) this.cells.delete(key);
    }
  }

  /** Features of the wanted cells, one per id. */
  features(): Feature[] {
    const out: Feature[] = [];
    const ids = new Set<string>();
    for (const key of this.wanted) {
      const cell = this.cells.get(key);
      if (!cell) continue;
      for (const f of cell.features) {
        const id = f.id === null ? null : `${cell.typeName}|${f.id}`;
        if (id !== null) {
          if (ids.has(id)) continue;
          ids.add(id);
        }
        out.push(f);
      }
    }
    return out;
  }

  /** Requests in flight. */
  pending(): number {
    let n = 0;
    for (const cell of this.cells.values()) if (!cell.done) n++;
    return n;
  }

  private emitLoading(): void {
    this.events.emit('loading', { pending: this.pending() });
  }

  private emitFeatures(): void {
    const complete = [...this.wanted].every((k) => this.cells.get(k)?.done === true);
    this.events.emit('features', { features: this.features(), complete });
  }

  private reportError(err: unknown): void {
    const detail: WfsErrorDetail = { message: err instanceof Error ? err.message : String(err) };
    if (err instanceof WfsRequestError) {
      detail.url = err.url;
      if (err.status !== null) detail.status = err.status;
    }
    this.events.emit('error', detail);
  }

  /** Aborts everything in flight and forgets the cache. */
  dispose(): void {
    this.disposed = true;
    for (const cell of this.cells.values()) if (!cell.done) cell.controller.abort(new DOMException('disposed', 'AbortError'));
    this.cells.clear();
    this.wanted.clear();
    this.events.clear();
  }
}
