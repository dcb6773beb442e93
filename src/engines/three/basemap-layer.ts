import {
  BufferAttribute,
  BufferGeometry,
  Group,
  Mesh,
  MeshBasicMaterial,
  Plane,
  Ray,
  SRGBColorSpace,
  Texture,
  Vector3,
  type PerspectiveCamera,
  type WebGLRenderer,
} from 'three';
import { levelFor, tileExtent, tilesCovering, type ErrorDetail, type Extent } from '../../core/index.js';
import type { BasemapTiles, GeoPosition } from '../engine.js';
import type { GroundModel } from './ground.js';
import type { WorldFrame } from './world-frame.js';

export interface BasemapContext {
  frame: WorldFrame;
  ground: GroundModel;
  camera: PerspectiveCamera;
  renderer: WebGLRenderer;
  requestRender(): void;
  error(detail: ErrorDetail): void;
}

/** Vertices per tile edge: tiles are reprojected per vertex, so a 25832 tile lies true on a 3857 world and back. */
const SEGMENTS = 8;
/** On terrain, a tile gets a vertex per terrain sample, up to this many per edge (coarse levels then cut corners, seen from afar). */
const MAX_DRAPED_SEGMENTS = 64;
/** Metres a map lies above the plane or the terrain (plus a polygon offset), below building bases. */
const LIFT = 0.03;
const MAX_TILES = 64;
/** Ground radius covered, in multiples of the camera's distance to the point it looks at. */
const REACH = 3;
const _ray = new Ray();
const _plane = new Plane(new Vector3(0, 1, 0), 0);
const _v = new Vector3();
const _w = new Vector3();
const _geo: GeoPosition = { lon: 0, lat: 0, height: 0 };
const _ll = [0, 0];
const _xy = [0, 0];
const _ext: Extent = [0, 0, 0, 0];

interface Tile {
  key: string;
  mesh: Mesh<BufferGeometry, MeshBasicMaterial>;
  abort: AbortController;
  loaded: boolean;
  failed: boolean;
}

/**
 * One raster base map on the ground: picks a level from the camera's distance, covers the ground around the
 * point in view with that level's tiles, and reprojects each tile's vertices from the service's CRS
 * (EPSG:25832, 3857, 4326 …) into the world frame. A tile that fails is reported once per failure run and
 * left out; the rest of the map and the scene go on.
 */
export class BasemapLayer {
  readonly group = new Group();
  private readonly tiles = new Map<string, Tile>();
  private key = '';
  private frameVersion = -1;
  private groundVersion = -1;
  private terrainVersion = -1;
  private failing = false;
  private disposed = false;
  /** Tiles that arrived (for tests and the bench). */
  loadedCount = 0;

  constructor(
    readonly source: BasemapTiles,
    private readonly ctx: BasemapContext,
  ) {
    this.group.name = `twinby-basemap-${source.id}`;
    this.group.renderOrder = -9;
  }

  /** Called every frame: re-covers the view when the camera, the world origin or the ground moved. */
  update(): void {
    const { frame, ground, camera } = this.ctx;
    if (this.frameVersion !== frame.version) {
      this.frameVersion = frame.version;
      this.clear();
    }
    const height = ground.planeHeight();
    if (this.terrainVersion !== ground.terrainVersion) {
      // a terrain came or went: tiles need other vertices
      this.terrainVersion = ground.terrainVersion;
      this.clear();
    }
    if (this.groundVersion !== ground.version) {
      this.groundVersion = ground.version;
      if (this.draped()) {
        // on terrain the vertices carry world heights; those off the terrain follow the plane
        this.group.position.y = 0;
        for (const [k, tile] of this.tiles) {
          tile.mesh.geometry.dispose();
          tile.mesh.geometry = this.tileGeometry(...(k.split('/').map(Number) as [number, number, number]));
        }
      } else {
        // just above the plane (5 cm under the lowest base), below building bases
        this.group.position.y = height + LIFT;
      }
      this.group.updateMatrixWorld(true);
    }
    camera.getWorldPosition(_ray.origin);
    camera.getWorldDirection(_ray.direction);
    _plane.constant = -height;
    const above = Math.max(_ray.origin.y - height, 1);
    const focus = _ray.intersectPlane(_plane, _v) ?? _v.set(_ray.origin.x, height, _ray.origin.z);
    const distance = Math.max(focus.distanceTo(_ray.origin), above);
    const pixels = this.ctx.renderer.domElement.clientHeight || 512;
    const metresPerPixel = (2 * distance * Math.tan(((camera.fov / 2) * Math.PI) / 180)) / pixels;
    const reach = Math.min(distance * REACH, 40_000);
    const extent = this.sourceExtent(focus.x, focus.z, reach);
    const grid = this.source.grid;
    const unitsPerPixel = metresPerPixel * (extent[2] - extent[0]) / (2 * reach);
    let level = levelFor(grid, unitsPerPixel);
    let wanted = tilesCovering(grid, level, extent, MAX_TILES);
    while (!wanted && level > 0) wanted = tilesCovering(grid, --level, extent, MAX_TILES);
    const refs = wanted ?? [];
    const key = `${level}:${refs.map((t) => `${t.col},${t.row}`).join(';')}`;
    if (key === this.key) return;
    this.key = key;
    const keep = new Set<string>();
    for (const t of refs) {
      const k = `${t.level}/${t.col}/${t.row}`;
      keep.add(k);
      if (!this.tiles.has(k)) this.addTile(k, t.level, t.col, t.row);
    }
    // tiles of the old cover stay until the new ones have arrived, so the ground never flashes bare
    this.prune(keep);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private prune(keep: Set<string>): void {
    const pendingNew = [...keep].some((k) => {
      const t = this.tiles.get(k);
      return t && !t.loaded && !t.failed;
    });
    for (const [k, tile] of this.tiles) {
      if (keep.has(k)) continue;
      if (pendingNew && tile.loaded) continue;
      this.drop(k, tile);
    }
  }

  private clear(): void {
    for (const [k, tile] of this.tiles) this.drop(k, tile);
    this.key = '';
  }

  private drop(key: string, tile: Tile): void {
    tile.abort.abort();
    this.group.remove(tile.mesh);
    tile.mesh.geometry.dispose();
    tile.mesh.material.map?.dispose();
    tile.mesh.material.dispose();
    this.tiles.delete(key);
  }

  /** The view's ground square (world x/z ± reach) as an extent in the service's CRS. */
  private sourceExtent(cx: number, cz: number, reach: number): Extent {
    const { frame } = this.ctx;
    _ext[0] = _ext[1] = Infinity;
    _ext[2] = _ext[3] = -Infinity;
    for (let i = 0; i <= 4; i++) {
      for (let j = 0; j <= 4; j++) {
        if (i > 0 && i < 4 && j > 0 && j < 4) continue;
        _v.set(cx - reach + (i * reach) / 2, frame.origin.height, cz - reach + (j * reach) / 2);
        frame.toGeo(_v, _geo);
        this.source.fromLonLat(_geo.lon, _geo.lat, _xy);
        _ext[0] = Math.min(_ext[0], _xy[0]);
        _ext[1] = Math.min(_ext[1], _xy[1]);
        _ext[2] = Math.max(_ext[2], _xy[0]);
        _ext[3] = Math.max(_ext[3], _xy[1]);
      }
    }
    return _ext;
  }

  private addTile(key: string, level: number, col: number, row: number): void {
    const material = new MeshBasicMaterial({
      transparent: (this.source.opacity ?? 1) < 1,
      opacity: this.source.opacity ?? 1,
      polygonOffset: true,
      polygonOffsetFactor: -1,
      polygonOffsetUnits: -2,
      visible: false,
      // a map keeps its colours: no tone mapping
      toneMapped: false,
    });
    const mesh = new Mesh(this.tileGeometry(level, col, row), material);
    mesh.name = `basemap-tile-${key}`;
    mesh.renderOrder = -9;
    mesh.frustumCulled = true;
    const tile: Tile = { key, mesh, abort: new AbortController(), loaded: false, failed: false };
    this.tiles.set(key, tile);
    this.group.add(mesh);
    void this.load(tile, this.source.tileUrl(level, col, row));
  }

  private draped(): boolean {
    return Number.isFinite(this.ctx.ground.drapeStep());
  }

  /** A tile's corner in the world (x/z), u/v 0–1 from its top-left. */
  private corner(u: number, v: number, target: Vector3): Vector3 {
    this.source.toLonLat(_ext[0] + u * (_ext[2] - _ext[0]), _ext[3] - v * (_ext[3] - _ext[1]), _ll);
    return this.ctx.frame.toWorld(_ll[0], _ll[1], this.ctx.frame.origin.height, target);
  }

  private tileGeometry(level: number, col: number, row: number): BufferGeometry {
    const { ground } = this.ctx;
    const m = this.source.grid.matrices[level];
    tileExtent(m, col, row, _ext);
    const draped = this.draped();
    let segments = SEGMENTS;
    if (draped) {
      const size = Math.max(this.corner(0, 0, _v).distanceTo(this.corner(1, 0, _w)), _v.distanceTo(this.corner(0, 1, _w)));
      segments = Math.min(MAX_DRAPED_SEGMENTS, Math.max(SEGMENTS, Math.ceil(size / ground.drapeStep())));
    }
    const plane = ground.planeHeight();
    const n = segments + 1;
    const positions = new Float32Array(n * n * 3);
    const uvs = new Float32Array(n * n * 2);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const u = i / segments;
        const v = j / segments; // 0 at the tile's top row
        this.corner(u, v, _v);
        const terrain = draped ? ground.terrainAt(_v.x, _v.z) : NaN;
        const y = draped ? (Number.isNaN(terrain) ? plane : terrain) + LIFT : 0;
        const k = j * n + i;
        positions.set([_v.x, y, _v.z], k * 3);
        // ImageBitmaps upload unflipped: the image's first row is at v = 0
        uvs.set([u, v], k * 2);
      }
    }
    const index: number[] = [];
    for (let j = 0; j < segments; j++) {
      for (let i = 0; i < segments; i++) {
        const a = j * n + i;
        index.push(a, a + n, a + 1, a + 1, a + n, a + n + 1);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('uv', new BufferAttribute(uvs, 2));
    geometry.setIndex(index);
    geometry.computeBoundingSphere();
    return geometry;
  }

  private async load(tile: Tile, url: string): Promise<void> {
    try {
      const response = await fetch(url, { signal: tile.abort.signal });
      if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('image/')) throw new Error(`not an image (${type || 'no content type'}): ${(await response.text()).slice(0, 200)}`);
      const bitmap = await createImageBitmap(await response.blob());
      if (tile.abort.signal.aborted || this.disposed) {
        bitmap.close();
        return;
      }
      const texture = new Texture(bitmap);
      texture.colorSpace = SRGBColorSpace;
      texture.flipY = false;
      texture.anisotropy = Math.min(4, this.ctx.renderer.capabilities.getMaxAnisotropy());
      texture.needsUpdate = true;
      tile.mesh.material.map = texture;
      tile.mesh.material.visible = true;
      tile.mesh.material.needsUpdate = true;
      tile.loaded = true;
      this.loadedCount++;
      this.failing = false;
      this.prune(new Set(this.currentKeys()));
    } catch (error) {
      if (tile.abort.signal.aborted || this.disposed) return;
      // a failed tile stays empty (no retry loop against a dead server); a later view that needs it asks again
      tile.failed = true;
      this.prune(new Set(this.currentKeys()));
      if (!this.failing) {
        this.failing = true;
        const status = (error as { status?: number }).status;
        this.ctx.error({ kind: 'basemap', layerId: this.source.id, url, status, message: `Base map tile ${url} failed: ${(error as Error).message}` });
      }
    }
    this.ctx.requestRender();
  }

  private currentKeys(): string[] {
    const [level, list] = this.key.split(':');
    return list ? list.split(';').map((cr) => `${level}/${cr.replace(',', '/')}`) : [];
  }
}
