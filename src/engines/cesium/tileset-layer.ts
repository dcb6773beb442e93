import { Cesium3DTileset, Resource, type BoundingSphere, type Cesium3DTile, type Cesium3DTileContent, type Cesium3DTileFeature } from '@cesium/engine';
import type { ErrorDetail, FeatureAppearance, FeatureAttributes, FeatureStyle, LayerLoadState } from '../../core/index.js';
import { tileAccept } from '../engine.js';
import { PickMetadata } from './pick-metadata.js';
import { contentsOf, TileFeatures } from './tile-features.js';

/** What a tileset layer needs from its engine. */
export interface CesiumLayerHost {
  appearance(id: string, attributes: () => FeatureAttributes, own: FeatureStyle | null): FeatureAppearance;
  error(detail: ErrorDetail): void;
  requestRender(): void;
  /** A tile's features were (re)coloured; the legend may have new entries. */
  styled(): void;
  loaded(layerId: string): void;
  /** The tileset's bounds lie wholly outside the view (Cesium then loads nothing and never says it has loaded). */
  outOfView(sphere: BoundingSphere): boolean;
}

/** An HTTP status in Cesium's request error text ("… Status Code: 404"), if any. */
function statusOf(error: unknown): number | undefined {
  const code = (error as { statusCode?: number })?.statusCode;
  if (typeof code === 'number') return code;
  const m = /status code:?\s*(\d{3})/i.exec(String((error as { message?: string })?.message ?? error));
  return m ? Number(m[1]) : undefined;
}

/** One streamed tileset in Cesium: features per loaded content, errors as engine events, load state for EngineState. */
export class CesiumTilesetLayer {
  readonly features = new Map<Cesium3DTileContent, TileFeatures>();
  tileset: Cesium3DTileset | null = null;
  /** setTilesetVisible's last word, applied when the tileset arrives. */
  visible = true;
  /** 3D Tiles 1.1 metadata sections for picks. */
  readonly metadata: PickMetadata;
  settled = false;
  private readonly removers: Array<() => void> = [];
  private disposed = false;

  constructor(
    readonly id: string,
    readonly url: string,
    readonly own: FeatureStyle | null,
    private readonly host: CesiumLayerHost,
  ) {
    this.metadata = new PickMetadata(url);
  }

  /** Loads tileset.json; rejects with an error naming the URL (and emits a `tileset` error). */
  async load(options: { errorTarget: number; cacheBytes: number }): Promise<Cesium3DTileset> {
    const resource = new Resource({ url: this.url, headers: { Accept: tileAccept } });
    let tileset: Cesium3DTileset;
    try {
      tileset = await Cesium3DTileset.fromUrl(resource, {
        maximumScreenSpaceError: options.errorTarget,
        cacheBytes: options.cacheBytes,
        maximumCacheOverflowBytes: options.cacheBytes,
      });
    } catch (error) {
      const status = statusOf(error);
      const message = `tileset ${this.url} could not be loaded${status ? ` (HTTP ${status})` : `: ${(error as Error)?.message ?? String(error)}`}`;
      this.settled = true;
      this.host.error({ kind: 'tileset', url: new URL(this.url, location.href).href, layerId: this.id, message, ...(status ? { status } : {}) });
      throw new Error(message);
    }
    if (this.disposed) {
      tileset.destroy();
      throw new Error(`tileset ${this.url}: removed while loading`);
    }
    this.tileset = tileset;
    this.removers.push(
      tileset.tileLoad.addEventListener((tile: Cesium3DTile) => this.onTileLoad(tile)),
      tileset.tileUnload.addEventListener((tile: Cesium3DTile) => {
        for (const c of contentsOf(tile.content)) this.features.delete(c);
      }),
      tileset.tileFailed.addEventListener((e: { url: string; message: string }) => {
        const status = statusOf(e);
        this.host.error({ kind: status ? 'tile' : 'parse', url: e.url, layerId: this.id, message: `tile ${e.url}: ${e.message}`, ...(status ? { status } : {}) });
        this.host.requestRender();
      }),
      tileset.allTilesLoaded.addEventListener(() => {
        this.settled = true;
        this.host.loaded(this.id);
        this.host.requestRender();
      }),
    );
    return tileset;
  }

  /**
   * The load state after a drawn frame. Cesium raises allTilesLoaded only when its request count changes, so a
   * tileset whose root is in view but none of whose tiles are asks for nothing and never says it has loaded: a frame
   * that drew it with nothing pending settles it too (else the viewer would wait for it forever).
   */
  afterFrame(): LayerLoadState {
    const t = this.tileset;
    if (t && !this.settled && t.show && t.tilesLoaded) {
      this.settled = true;
      this.host.loaded(this.id);
    }
    return this.loadState;
  }

  get loadState(): LayerLoadState {
    const t = this.tileset;
    // a hidden tileset, or one outside the view, loads nothing (Cesium does not traverse it): nothing to wait for
    const idle = !!t && (!this.visible || this.host.outOfView(t.boundingSphere));
    const done = !!t && (idle || t.tilesLoaded);
    return { loading: !!t && !done, settled: this.settled || idle, progress: done ? 1 : 0 };
  }

  restyle(): void {
    for (const f of this.features.values()) f.apply((id, attrs) => this.host.appearance(id, attrs, this.own));
  }

  /** The layer's features and row behind a picked feature. */
  hit(feature: Cesium3DTileFeature): { features: TileFeatures; row: number } | null {
    for (const features of this.features.values()) {
      const row = features.rowOf(feature);
      if (row !== null) return { features, row };
    }
    return null;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const remove of this.removers) remove();
    this.features.clear();
    if (this.tileset && !this.tileset.isDestroyed()) this.tileset.destroy();
    this.tileset = null;
  }

  private onTileLoad(tile: Cesium3DTile): void {
    let any = false;
    for (const content of contentsOf(tile.content)) {
      if (!content.featuresLength) continue;
      const features = new TileFeatures(content, `${this.id}/${(content as { url?: string }).url ?? ''}`);
      this.features.set(content, features);
      features.apply((id, attrs) => this.host.appearance(id, attrs, this.own));
      any = true;
    }
    if (any) this.host.styled();
    this.host.requestRender();
  }
}
