/**
 * <twinby-terrain> inside a <twinby-viewer>: a terrain model under the city, read in a worker.
 *   <twinby-terrain src="dgm1_32_690_5334.tif" [crs="EPSG:25832"] [geoid="auto|none|<metres>"]></twinby-terrain>
 *   <twinby-terrain src="terrain/layer.json" [format="quantized-mesh"] [bbox="west,south,east,north"]></twinby-terrain>
 * `src` is a GeoTIFF DGM (one band of heights, e.g. Bavaria's DGM1: EPSG:25832, DHHN2016). Heights become
 * ellipsoidal with the same geoid as the CityGML converter, so converted buildings stand on the terrain.
 * Or a quantized-mesh terrain (a layer.json URL, or format="quantized-mesh"; ellipsoidal heights): the Cesium engine
 * streams it level by level; the three engine gets its tiles over `bbox` (default: where the layer has its finest
 * data) read into a height grid in the worker. Failed tiles are a `twinby-error` naming them; the rest is shown.
 * Base maps and draped plan overlays follow it. Fires `twinby-terrain-load` (detail: columns, rows, min, max)
 * when it is on; a file that cannot be read is a `twinby-error` (kind 'terrain') naming it, and the viewer goes on.
 * @tagname twinby-terrain
 */
import type { HeightGrid, Lang } from '../../core/index.js';
import { toWgs84 } from '../../core/geo/index.js';
import { TwinbyLayerElement, type LayerHost } from '../layer-element.js';
import { TerrainClient } from '../../worker-clients/terrain-client.js';
import { isQuantizedMesh, layerJsonUrl, parseBbox, tileFailureText } from './quantized-source.js';

const texts = {
  de: 'Geländemodell {file} konnte nicht geladen werden: {message}',
  en: 'Terrain {file} could not be loaded: {message}',
};

export interface TerrainLoadDetail {
  layerId: string;
  source: string;
  columns: number;
  rows: number;
  /** Lowest and highest ellipsoidal height, metres (0 columns and rows, NaN heights when the engine streams the terrain). */
  min: number;
  max: number;
  format: 'geotiff' | 'quantized-mesh';
}

export class TwinbyTerrain extends TwinbyLayerElement {
  static get observedAttributes(): string[] {
    return ['src', 'crs', 'geoid', 'format', 'bbox'];
  }

  private abort: AbortController | null = null;
  private shown = false;
  private file: File | null = null;

  get src(): string | null {
    return this.getAttribute('src');
  }

  set src(value: string | null) {
    if (value === null) this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  /** Shows a GeoTIFF from the user's disk (file picker or drop) instead of `src`. */
  async load(file: File): Promise<void> {
    this.file = file;
    const host = this.host;
    if (!host) return;
    this.onDetach(host);
    await this.show(host);
  }

  protected onAttach(host: LayerHost): void {
    void this.show(host);
  }

  protected onDetach(host: LayerHost): void {
    this.abort?.abort();
    this.abort = null;
    if (this.shown) host.engine.removeTerrain?.(this.layerId);
    this.shown = false;
  }

  private async show(host: LayerHost): Promise<void> {
    const src = this.src;
    const file = this.file;
    if ((!src && !file) || !host.engine.addTerrain) return;
    const abort = (this.abort = new AbortController());
    const client = new TerrainClient();
    const name = file?.name ?? src ?? '';
    try {
      if (!file && isQuantizedMesh(src!, this.getAttribute('format'))) {
        await this.showQuantizedMesh(host, client, src!, abort.signal);
        return;
      }
      const common = { file: name, crs: this.getAttribute('crs') ?? undefined, geoid: this.getAttribute('geoid') ?? undefined };
      const grid: HeightGrid = file
        ? await client.loadDgm({ ...common, bytes: await file.arrayBuffer() }, abort.signal)
        : await client.loadDgm({ ...common, url: new URL(src!, document.baseURI).href }, abort.signal);
      if (abort.signal.aborted || this.host !== host) return;
      await this.showGrid(host, grid, 'geotiff');
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = texts[textLang(host)].replace('{file}', name).replace('{message}', (error as Error).message);
      host.reportError({ kind: 'terrain', layerId: this.layerId, url: file ? undefined : src ?? undefined, message });
    } finally {
      // the grid came over by transfer: the worker holds nothing worth keeping
      client.dispose();
    }
  }

  private async showGrid(host: LayerHost, grid: HeightGrid, format: TerrainLoadDetail['format']): Promise<void> {
    await host.engine.addTerrain!({ id: this.layerId, grid, toLonLat: toWgs84(grid.epsg) });
    this.shown = true;
    this.loaded({ layerId: this.layerId, source: grid.source, columns: grid.columns, rows: grid.rows, min: grid.min, max: grid.max, format });
  }

  /** Streamed by the engine when it can (Cesium), else read into a grid over the bbox in the worker. */
  private async showQuantizedMesh(host: LayerHost, client: TerrainClient, src: string, signal: AbortSignal): Promise<void> {
    const url = layerJsonUrl(src);
    if (host.engine.addStreamedTerrain) {
      await host.engine.addStreamedTerrain({ id: this.layerId, url, format: 'quantized-mesh' });
      if (signal.aborted || this.host !== host) return host.engine.removeTerrain?.(this.layerId);
      this.shown = true;
      this.loaded({ layerId: this.layerId, source: url, columns: 0, rows: 0, min: NaN, max: NaN, format: 'quantized-mesh' });
      return;
    }
    const result = await client.loadQuantizedMesh({ url, file: src, bbox: parseBbox(this.getAttribute('bbox'), src) }, signal);
    if (signal.aborted || this.host !== host) return;
    await this.showGrid(host, result.grid, 'quantized-mesh');
    if (result.failures.length) {
      host.reportError({ kind: 'terrain', layerId: this.layerId, url: result.failures[0].replace(/: .*$/, ''), message: tileFailureText(textLang(host), src, result.failures) });
    }
  }

  private loaded(detail: TerrainLoadDetail): void {
    this.dispatchEvent(new CustomEvent('twinby-terrain-load', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-terrain': TwinbyTerrain;
  }
}

function textLang(host: LayerHost): Lang {
  return host.lang === 'en' ? 'en' : 'de';
}
