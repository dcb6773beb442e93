/**
 * Turns ParsedBuildings, one at a time, into what the writing phase needs: the compact
 * mesh, its source → ECEF model, a 2D box for the quadtree, bounds and counts.
 * Resolves each building's CRS (its srsName, else the user's) and height model.
 */
import {
  createHeightModel,
  fromWgs84,
  isGeographic,
  isLatLonAxisOrder,
  outsideCrsArea,
  parseSrsName,
  toWgs84,
  type CrsInfo,
  type GeoidSetting,
  type HeightModel,
  type ToWgs84,
} from '../../../src/core/geo/index';
import type { ConvertWarning, ParsedBuilding } from '../citygml/building';
import { buildBuildingMesh, type SkippedPolygons } from '../mesh/building-mesh';
import { ItemTable } from '../tiling/item-table';
import { SchemaCollector } from '../tiles3d/metadata-schema';
import { ConvertError } from './convert-error';
import type { BuildingView } from './geometry-arena';
import type { BuildingFeature } from './building-record';
import { ArenaStore, type BuildingStore } from './building-store';
import { fitEcefModel } from './georeference';
import { ownAttributes, ownString } from './own-strings';
import { StringPool } from './string-pool';
import { FootprintSections } from './footprint-stream';


export interface DatasetBounds {
  west: number;
  south: number;
  east: number;
  north: number;
  minHeight: number;
  maxHeight: number;
}

interface Frame {
  crs: CrsInfo;
  swapXY: boolean;
  toLocal?: (x: number, y: number, out: number[]) => void;
  /** Mesh plane → lon/lat. */
  toLonLat: ToWgs84;
  heights: HeightModel;
}

const METRES_PER_DEGREE = 111319.49079327357;

export class DatasetBuilder {
  /** Quadtree boxes (dataset plane), vertex counts and sizes (bounding-box diagonal, metres), per building. */
  readonly items = new ItemTable();
  readonly schema = new SchemaCollector();
  /** footprints.bin, gathered building by building as they are read. */
  readonly footprints: FootprintSections;
  triangles = 0;
  bounds: DatasetBounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity, minHeight: Infinity, maxHeight: -Infinity };
  /** The CRS of the first building: the quadtree plane and the footprints' CRS. */
  crs?: CrsInfo;
  private frames = new Map<string, Frame>();
  private datasetFrame?: Frame;
  private toDatasetPlane?: ToWgs84;
  private geographicOrigin?: [number, number];
  private warnedNoGeoid = false;
  private readonly pool = new StringPool();
  private readonly intern = (s: string) => this.pool.intern(s);

  /** Converted buildings, in reading order (footprints in the dataset CRS); in memory unless a spilling store is given. */
  readonly store: BuildingStore;
  /** ECEF origin of each building's model (x, y, z): kept so tile centroids need no second read. */
  private origins = new Float64Array(3 * 1024);

  constructor(
    private readonly options: { file?: string; crs?: string; geoid: GeoidSetting; warn: (w: ConvertWarning) => void; store?: BuildingStore },
  ) {
    this.store = options.store ?? new ArenaStore();
    this.footprints = new FootprintSections(this.store.spool);
  }

  get count(): number {
    return this.store.count;
  }

  /** Building i's model origin in ECEF, without reading the building back. */
  origin(i: number): Float64Array {
    return this.origins.subarray(3 * i, 3 * i + 3);
  }

  async add(building: ParsedBuilding): Promise<void> {
    const frame = await this.frameFor(building);
    if (!frame) return;
    const place = { file: this.options.file, line: building.line, column: building.column, buildingId: building.id };
    const { mesh, skipped, triangles } = buildBuildingMesh(building, { swapXY: frame.swapXY, toLocal: frame.toLocal });
    if (Object.keys(skipped).length) this.options.warn({ ...place, code: 'polygons-skipped', message: describeSkipped(skipped) });
    if (!mesh) {
      this.options.warn({ ...place, code: 'no-geometry', message: `Building ${building.id} has no usable polygon; it is left out` });
      return;
    }
    const b = mesh.bbox;
    const ll = frame.toLonLat(mesh.anchor[0], mesh.anchor[1]);
    let offset = frame.heights.offset(ll[0], ll[1]);
    if (Number.isNaN(offset)) {
      offset = 0;
      if (!this.warnedNoGeoid) {
        this.warnedNoGeoid = true;
        this.options.warn({
          ...place,
          code: 'no-geoid-coverage',
          message: `No quasigeoid covers ${ll[0].toFixed(4)}°, ${ll[1].toFixed(4)}° (EGM96 has no value there): heights are kept as they are; name an offset with --geoid <metres>`,
        });
      }
    }
    const model = fitEcefModel({ toLonLat: frame.toLonLat, heightOffset: offset }, mesh.anchor, (b[3] - b[0]) / 2, (b[4] - b[1]) / 2, (b[5] - b[2]) / 2);

    // Bounds from the box corners (exact projections), heights ellipsoidal.
    const item = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    const sameFrame = frame === this.datasetFrame;
    const p = [0, 0];
    for (const [x, y] of [[b[0], b[1]], [b[3], b[1]], [b[0], b[4]], [b[3], b[4]]]) {
      const c = frame.toLonLat(x, y);
      this.extendBounds(c[0], c[1]);
      const q = sameFrame ? [x, y] : this.toDatasetPlane!(c[0], c[1], p);
      item.minX = Math.min(item.minX, q[0]);
      item.minY = Math.min(item.minY, q[1]);
      item.maxX = Math.max(item.maxX, q[0]);
      item.maxY = Math.max(item.maxY, q[1]);
    }
    this.bounds.minHeight = Math.min(this.bounds.minHeight, b[2] + offset);
    this.bounds.maxHeight = Math.max(this.bounds.maxHeight, b[5] + offset);

    const footprint = frame.crs.epsg === this.crs!.epsg ? mesh.footprint : mesh.footprint.map((poly) => poly.map((ring) => this.reprojectRing(ring, frame.crs.epsg)));
    // Own copies: the reader's strings are slices of whole input chunks (see own-strings.ts).
    mesh.id = ownString(mesh.id);
    mesh.attributes = ownAttributes(mesh.attributes, this.intern);
    const n = this.store.count;
    if (3 * n + 3 > this.origins.length) {
      const grown = new Float64Array(this.origins.length * 2);
      grown.set(this.origins);
      this.origins = grown;
    }
    this.origins.set(model.subarray(0, 3), 3 * n);
    this.store.store(mesh, model, footprint);
    this.footprints.add({ id: mesh.id, attributes: mesh.attributes, groundHeight: mesh.groundHeight, bbox: mesh.bbox, footprint });
    this.items.push(item.minX, item.minY, item.maxX, item.maxY, mesh.positions.length / 3, Math.hypot(b[3] - b[0], b[4] - b[1], b[5] - b[2]));
    this.schema.add(mesh.attributes);
    this.triangles += triangles;
  }

  /** Building i as views on the arena. */
  view(i: number): BuildingView {
    return this.store.view(i);
  }

  /** Building i's feature record and model, without its geometry. */
  feature(i: number): BuildingFeature {
    return this.store.feature(i);
  }

  private extendBounds(lon: number, lat: number): void {
    this.bounds.west = Math.min(this.bounds.west, lon);
    this.bounds.east = Math.max(this.bounds.east, lon);
    this.bounds.south = Math.min(this.bounds.south, lat);
    this.bounds.north = Math.max(this.bounds.north, lat);
  }

  private reprojectRing(ring: Float64Array, fromEpsg: number): Float64Array {
    const to = fromWgs84(this.crs!.epsg);
    const from = toWgs84(fromEpsg);
    const out = new Float64Array(ring.length);
    for (let i = 0; i < ring.length; i += 2) {
      const ll = from(ring[i], ring[i + 1]);
      const q = to(ll[0], ll[1]);
      out[i] = q[0];
      out[i + 1] = q[1];
    }
    return out;
  }

  /** The building's CRS: its srsName when we know it, else the user's; null (with a warning) when neither is usable. */
  private async frameFor(building: ParsedBuilding): Promise<Frame | null> {
    const srsName = building.srsName ?? '';
    const cached = this.frames.get(srsName);
    if (cached) return this.inArea(building, cached.crs, cached.swapXY) ? cached : null;
    let crs = srsName ? parseSrsName(srsName) : null;
    let effectiveName = srsName;
    if (!crs && this.options.crs) {
      crs = parseSrsName(this.options.crs);
      effectiveName = this.options.crs;
    }
    if (!crs) {
      const place = { file: this.options.file, line: building.line, column: building.column };
      const what = srsName ? `an unknown CRS "${srsName}"` : 'no CRS (no srsName on the building or the file)';
      const message = `${this.options.file ?? 'input'}: building ${building.id} (line ${building.line}) has ${what}; name the CRS with --crs EPSG:xxxx`;
      if (this.store.count === 0) throw new ConvertError('unknown-crs', message, place);
      this.options.warn({ ...place, buildingId: building.id, code: 'unknown-crs', message: `${message}; the building is left out` });
      return null;
    }
    const swapXY = isLatLonAxisOrder(effectiveName, crs);
    // checked before the frame exists: a stray building must not become the dataset's origin
    if (!this.inArea(building, crs, swapXY)) return null;
    const project = toWgs84(crs.epsg);
    let toLocal: Frame['toLocal'];
    let toLonLat: ToWgs84 = project;
    if (isGeographic(crs.epsg)) {
      // Geographic coordinates are meshed in a local equirectangular plane (metres), exactly invertible.
      const first = building.polygons.find((p) => p.rings[0]?.length >= 3)?.rings[0];
      this.geographicOrigin ??= first ? (swapXY ? [first[1], first[0]] : [first[0], first[1]]) : [0, 0];
      const [lon0, lat0] = this.geographicOrigin;
      const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
      const ky = METRES_PER_DEGREE;
      toLocal = (x, y, out) => {
        out[0] = (x - lon0) * kx;
        out[1] = (y - lat0) * ky;
      };
      toLonLat = (x, y, target = [0, 0]) => project(lon0 + x / kx, lat0 + y / ky, target);
    }
    const frame: Frame = { crs, swapXY, toLocal, toLonLat, heights: await createHeightModel(crs, this.options.geoid) };
    this.frames.set(srsName, frame);
    if (!this.datasetFrame) {
      this.datasetFrame = frame;
      this.crs = crs;
      const toPlane = fromWgs84(crs.epsg);
      const local = frame.toLocal;
      this.toDatasetPlane = local
        ? (lon, lat, target = [0, 0]) => {
            local(lon, lat, target);
            return target;
          }
        : toPlane;
    }
    return frame;
  }

  /**
   * True when every position of the building can lie in its CRS; otherwise the building is left out with a
   * located warning, before it touches any frame, box or bound shared with its neighbours.
   */
  private inArea(building: ParsedBuilding, crs: CrsInfo, swapXY: boolean): boolean {
    for (const polygon of building.polygons) {
      for (const ring of polygon.rings) {
        for (let i = 0; i + 2 < ring.length; i += 3) {
          const x = swapXY ? ring[i + 1] : ring[i];
          const y = swapXY ? ring[i] : ring[i + 1];
          // a NaN costs only its polygon (triangulation refuses it as non-finite), not the building
          if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(ring[i + 2])) continue;
          const why = outsideCrsArea(crs.epsg, x, y, ring[i + 2]);
          if (why === null) continue;
          this.options.warn({
            file: this.options.file,
            line: building.line,
            column: building.column,
            buildingId: building.id,
            code: 'outside-crs-area',
            message: `Building ${building.id}: ${why}; the building is left out`,
          });
          return false;
        }
      }
    }
    return true;
  }

  /** What the height model did, for the summary. */
  heightDescription(): string | undefined {
    return this.datasetFrame?.heights.description;
  }
}

function describeSkipped(skipped: SkippedPolygons): string {
  const parts = Object.entries(skipped).map(([issue, n]) => `${n} ${issue}`);
  return `Skipped polygon(s): ${parts.join(', ')}`;
}
