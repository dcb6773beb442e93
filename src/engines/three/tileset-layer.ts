import { Sphere, Vector3, type Object3D, type PerspectiveCamera, type WebGLRenderer } from 'three';
import { TilesRenderer } from '3d-tiles-renderer';
import { GLTFExtensionsPlugin, ImplicitTilingPlugin } from '3d-tiles-renderer/plugins';
import { metadataSections, type ErrorDetail, type FeatureStyle } from '../../core/index.js';
import { tileAccept } from '../engine.js';
import { contentCheckPlugin } from './content-check.js';
import { lazyDracoLoader, lazyMeshoptDecoder } from './lazy-decoders.js';
import type { GroundModel } from './ground.js';
import { contentOf, MultipleContentsPlugin } from './multiple-contents-plugin.js';
import { tilesetOf, TilesetJsonPlugin } from './tileset-json-plugin.js';
import { TileFeatures } from './tile-features.js';
import type { WorldFrame } from './world-frame.js';
import { applyTraversal } from './traversal.js';
import { useCacheAndQueues, type CacheAndQueues } from './own-queues.js';

/** What a tileset layer needs from its engine. */
export interface LayerHost {
  frame: WorldFrame;
  ground: GroundModel;
  camera: PerspectiveCamera;
  renderer: WebGLRenderer;
  style(): FeatureStyle | null;
  hidden(): ReadonlySet<string>;
  selected(): string | null;
  requestRender(): void;
  error(detail: ErrorDetail): void;
  /** A tile's features were (re)coloured; the legend may have new entries. */
  styled(): void;
}

export interface LayerOptions {
  errorTarget: number;
  /** The viewer's tile cache and queues, shared by its layers (own-queues.ts). */
  queues: CacheAndQueues;
  prefetched?: (url: string) => Promise<Response> | undefined;
}

const _sphere = new Sphere();

/** One streamed 3D Tiles tileset: 3d-tiles-renderer plus per-tile feature tables and error reporting. */
export class TilesetLayer {
  readonly tiles: TilesRenderer;
  /** Every loaded tile scene (or inner tile of a cmpt) with features. */
  readonly features = new Map<Object3D, TileFeatures>();
  /** Resolves when tileset.json has loaded; rejects when it fails. */
  readonly rootLoaded: Promise<void>;
  /** True while the root, tile contents or child tiles are being fetched, parsed or expanded. */
  loading = true;
  private rootFailed = false;
  /** Set after the first time all tiles of a view finished loading (or the root failed). */
  settled = false;
  private frameVersion = -1;
  private disposed = false;

  constructor(
    readonly id: string,
    readonly url: string,
    private readonly host: LayerHost,
    options: LayerOptions,
    private readonly callbacks: { settled(): void; loaded(): void },
  ) {
    const tiles = new TilesRenderer(url);
    this.tiles = tiles;
    tiles.errorTarget = options.errorTarget;
    applyTraversal(tiles);
    tiles.fetchOptions = { headers: { Accept: tileAccept } };
    useCacheAndQueues(tiles, options.queues);
    tiles.registerPlugin(contentCheckPlugin());
    // 3D Tiles 1.1 implicit tiling: quadtree and octree subtrees with their availability bitstreams
    tiles.registerPlugin(new ImplicitTilingPlugin());
    // 3D Tiles 1.1 tiles with several contents, and the tileset JSON behind each tile (schema, groups, metadata)
    tiles.registerPlugin(new MultipleContentsPlugin((failedUrl, error) => host.error({ kind: 'parse', url: failedUrl, layerId: id, message: error.message })));
    tiles.registerPlugin(new TilesetJsonPlugin());
    // Draco and meshopt decoders load on first use; autoDispose would dispose the lazy Draco loader all layers share
    const decoders = { dracoLoader: lazyDracoLoader as never, meshoptDecoder: lazyMeshoptDecoder as never };
    tiles.registerPlugin(new GLTFExtensionsPlugin({ metadata: true, rtc: true, autoDispose: false, ...decoders }));
    tiles.registerPlugin({
      name: 'TWINBY_FEATURES',
      processTileModel: (scene: Object3D, tile: object | null) => this.onTileModel(scene, tile),
      // undefined lets 3d-tiles-renderer fetch as usual
      fetchData: (fetchUrl: string) => options.prefetched?.(fetchUrl),
    });
    tiles.group.matrixAutoUpdate = false;
    tiles.setCamera(host.camera);
    tiles.setResolutionFromRenderer(host.camera, host.renderer);

    let resolveRoot!: () => void;
    let rejectRoot!: (error: Error) => void;
    this.rootLoaded = new Promise<void>((resolve, reject) => {
      resolveRoot = resolve;
      rejectRoot = reject;
    });
    // a rejection nobody awaits must not surface as "unhandled"; the error event reports it
    this.rootLoaded.catch(() => {});

    tiles.addEventListener('load-root-tileset', () => {
      this.placeOrigin();
      resolveRoot();
      host.requestRender();
    });
    tiles.addEventListener('needs-update', () => host.requestRender());
    tiles.addEventListener('load-model', () => host.requestRender());
    tiles.addEventListener('tiles-load-end', () => {
      callbacks.loaded();
      host.requestRender();
    });
    tiles.addEventListener('dispose-model', ({ scene }) => {
      // a cmpt or a tile with several contents keeps features on inner objects
      scene.traverse((o) => {
        const f = this.features.get(o);
        if (!f) return;
        f.dispose();
        this.features.delete(o);
        host.ground.remove(f);
      });
    });
    tiles.addEventListener('load-error', ({ tile, error, url: failedUrl }) => {
      const message = error instanceof Error ? error.message : String(error);
      const status = /error code (\d{3})/.exec(message);
      const isRoot = tile === null;
      host.error({
        kind: isRoot ? 'tileset' : status ? 'tile' : 'parse',
        url: String(failedUrl ?? url),
        layerId: id,
        message,
        ...(status ? { status: Number(status[1]) } : {}),
      });
      if (isRoot) {
        this.rootFailed = true;
        this.loading = false;
        rejectRoot(new Error(`tileset ${url} could not be loaded: ${message}`));
        if (!this.settled) {
          this.settled = true;
          callbacks.settled();
        }
      }
      host.requestRender();
    });
  }

  /** Called every frame before drawing. */
  update(): void {
    if (this.disposed) return;
    const { frame } = this.host;
    if (this.frameVersion !== frame.version) {
      this.frameVersion = frame.version;
      this.tiles.group.matrix.copy(frame.worldFromEcef);
      this.tiles.group.updateMatrixWorld(true);
    }
    this.tiles.update();
    // the same test 3d-tiles-renderer uses for 'tiles-load-end', which never fires when a view needs no tiles
    const queues = this.tiles as unknown as Record<'downloadQueue' | 'parseQueue' | 'processNodeQueue', { running: boolean }>;
    this.loading = this.tiles.root
      ? queues.downloadQueue.running || queues.parseQueue.running || queues.processNodeQueue.running
      : !this.rootFailed;
    if (!this.loading && !this.settled) {
      this.settled = true;
      this.callbacks.settled();
    }
  }

  resize(): void {
    this.tiles.setResolutionFromRenderer(this.host.camera, this.host.renderer);
  }

  /** Bounding sphere in world coordinates, once the root is known. */
  getWorldSphere(target: Sphere): Sphere | null {
    if (!this.tiles.root || !this.tiles.getBoundingSphere(_sphere)) return null;
    return target.copy(_sphere).applyMatrix4(this.host.frame.worldFromEcef);
  }

  /** Re-applies style, hidden set and selection to every loaded tile. */
  restyle(): void {
    const style = this.host.style();
    const hidden = this.host.hidden();
    for (const f of this.features.values()) f.apply(style, hidden);
  }

  reselect(): void {
    const id = this.host.selected();
    for (const f of this.features.values()) f.select(id);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const f of this.features.values()) {
      f.dispose();
      this.host.ground.remove(f);
    }
    this.features.clear();
    this.tiles.dispose();
  }

  private onTileModel(scene: Object3D, tile: object | null): void {
    const { frame, ground } = this.host;
    const content = contentOf(tile);
    const parts = TileFeatures.fromScene(scene, frame.worldFromEcef, this.id, `${this.id}/${content?.uri ?? ''}`);
    const metadata = parts.length ? metadataSections(tilesetOf(tile), tile, content) : [];
    for (const features of parts) {
      features.metadata = metadata;
      this.features.set(features.root, features);
      features.apply(this.host.style(), this.host.hidden());
      features.select(this.host.selected());
      ground.add(features, features.bases);
    }
    if (parts.length) this.host.styled();
  }

  /** The first tileset fixes the world origin at its centre, on the ellipsoid surface below it. */
  private placeOrigin(): void {
    const { frame, ground } = this.host;
    const sphere = new Sphere();
    if (!this.tiles.getBoundingSphere(sphere)) return;
    if (!frame.fixed) {
      const geo = frame.toGeo(sphere.center.clone().applyMatrix4(frame.worldFromEcef));
      frame.setOrigin(geo.lon, geo.lat, 0);
      frame.fixed = true;
    }
    const centre = sphere.center.clone().applyMatrix4(frame.worldFromEcef);
    const bottom = new Vector3().copy(centre);
    // before any building is in, put the ground plane at the bottom of the root's bounds (clamped to the sphere)
    const box = (this.tiles.root?.boundingVolume as { region?: number[] } | undefined)?.region;
    if (Array.isArray(box)) {
      bottom.copy(frame.toWorld((box[0] + box[2]) * 90 / Math.PI, (box[1] + box[3]) * 90 / Math.PI, box[4], new Vector3()));
    } else {
      bottom.y -= sphere.radius * 0.5;
    }
    ground.setFallback(bottom.y);
  }
}
