import { DataTexture, Matrix4, NearestFilter, RGBAFormat, SRGBColorSpace, UnsignedByteType, Vector3, type Mesh, type Object3D } from 'three';
import { normaliseAttributes, type FeatureAttributes, type FeatureStyle } from '../../core/index.js';
import { patchFeatureMaterial, selectColor, type FeatureUniforms } from './feature-material.js';
import { castAndReceive } from './shadow-casting.js';
import { adoptBatchTable } from './batch-table-features.js';

/** The parts of 3d-tiles-renderer's StructuralMetadata we use. */
interface PropertyTableAccessor {
  count: number;
  properties: Record<string, { noData: unknown; default: unknown; type: string }>;
  getPropertyValue(name: string, row: number): unknown;
  getData(row: number, target?: object): Record<string, unknown>;
}
interface StructuralMetadataLike {
  tableAccessors: PropertyTableAccessor[];
}
interface MeshFeaturesLike {
  getFeatureInfo(): Array<{ propertyTable?: number | null; attribute?: number | null }>;
}

const _v = new Vector3();
const _m = new Matrix4();
const maxWidth = 2048;

/**
 * One loaded tile's features: row → id, id → rows, attributes on demand, and the small texture
 * (one RGBA texel per row) that colours, hides and highlights them in the shader.
 */
export class TileFeatures {
  readonly ids: string[];
  readonly rowsById = new Map<string, number[]>();
  readonly texture: DataTexture;
  readonly uniforms: FeatureUniforms;
  /** Per row: world x, z and the lowest y of its vertices (the building's base), for the ground model. */
  readonly bases: Float32Array;
  private readonly table: PropertyTableAccessor | null;
  private readonly cache: Array<FeatureAttributes | undefined>;
  private readonly data: Uint8Array;
  private readonly depthMaterials: { dispose(): void }[] = [];

  /**
   * Reads a freshly parsed tile scene (not yet in the scene graph, its matrix placing it in ECEF);
   * returns null when it has no EXT_mesh_features ids.
   */
  static fromScene(scene: Object3D, worldFromEcef: Matrix4, layerId: string): TileFeatures | null {
    const meshes: Mesh[] = [];
    // 3D Tiles 1.0: batch ids and the batch table play the feature ids' and property table's parts
    const batchTable = adoptBatchTable(scene);
    scene.updateMatrixWorld(true);
    let tableIndex: number | null = null;
    scene.traverse((o) => {
      const mesh = o as Mesh;
      if (!mesh.isMesh || !mesh.geometry.getAttribute('_feature_id_0')) return;
      meshes.push(mesh);
      const info = (mesh.userData.meshFeatures as MeshFeaturesLike | undefined)?.getFeatureInfo()[0];
      if (tableIndex === null && typeof info?.propertyTable === 'number') tableIndex = info.propertyTable;
    });
    if (meshes.length === 0) return null;
    const metadata = scene.userData.structuralMetadata as StructuralMetadataLike | undefined;
    const table = batchTable ?? (metadata && tableIndex !== null ? (metadata.tableAccessors[tableIndex] ?? null) : null);
    let count = table?.count ?? 0;
    if (!table) {
      // ids without a property table: size the texture by the largest id in use
      for (const mesh of meshes) {
        const ids = mesh.geometry.getAttribute('_feature_id_0');
        for (let i = 0; i < ids.count; i++) count = Math.max(count, ids.getX(i) + 1);
      }
    }
    return new TileFeatures(meshes, table, count, worldFromEcef, layerId);
  }

  private constructor(meshes: Mesh[], table: PropertyTableAccessor | null, count: number, worldFromEcef: Matrix4, layerId: string) {
    this.table = table;
    if (table) markNoDataAsNaN(table);
    const rows = Math.max(count, 1);
    const width = Math.min(rows, maxWidth);
    const height = Math.ceil(rows / width);
    this.data = new Uint8Array(width * height * 4);
    this.texture = new DataTexture(this.data, width, height, RGBAFormat, UnsignedByteType);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.magFilter = NearestFilter;
    this.texture.minFilter = NearestFilter;
    this.texture.generateMipmaps = false;
    this.texture.needsUpdate = true;
    this.uniforms = {
      twinbyStyleMap: { value: this.texture },
      twinbySelected: { value: -1 },
      twinbySelectColor: { value: selectColor },
    };
    this.cache = new Array(count);
    this.ids = [];
    const hasId = table?.properties.id !== undefined;
    for (let row = 0; row < count; row++) {
      let id = hasId ? String(table!.getPropertyValue('id', row) ?? '') : '';
      if (!id) id = `${layerId}#${row}`;
      this.ids.push(id);
      const list = this.rowsById.get(id);
      if (list) list.push(row);
      else this.rowsById.set(id, [row]);
    }
    this.bases = new Float32Array(count * 3).fill(NaN);
    for (const mesh of meshes) {
      // picking finds its way back from a hit mesh to these features
      mesh.userData.twinbyFeatures = this;
      mesh.userData.twinbyLayer = layerId;
      patchFeatureMaterials(mesh, this.uniforms);
      this.depthMaterials.push(castAndReceive(mesh, this.uniforms));
      this.collectBases(mesh, worldFromEcef);
    }
  }

  get count(): number {
    return this.ids.length;
  }

  attributes(row: number): FeatureAttributes {
    let attrs = this.cache[row];
    if (!attrs) {
      const raw = this.table && row < this.table.count ? this.table.getData(row, {}) : {};
      attrs = normaliseAttributes(raw, this.ids[row]);
      this.cache[row] = attrs;
    }
    return attrs;
  }

  /** Rewrites the feature texture for a style and a hidden set; only these bytes go to the GPU. */
  apply(style: FeatureStyle | null, hidden: ReadonlySet<string>): void {
    const data = this.data;
    for (let row = 0; row < this.ids.length; row++) {
      const o = row * 4;
      if (hidden.has(this.ids[row])) {
        data[o + 3] = 0;
        continue;
      }
      const colour = style ? style.colorOf(this.attributes(row)) : null;
      if (colour) {
        data[o] = colour[0];
        data[o + 1] = colour[1];
        data[o + 2] = colour[2];
        data[o + 3] = 255;
      } else {
        data[o + 3] = 128;
      }
    }
    this.texture.needsUpdate = true;
  }

  /** Highlights the building's row in this tile, if it has one. */
  select(id: string | null): void {
    const rows = id === null ? undefined : this.rowsById.get(id);
    this.uniforms.twinbySelected.value = rows ? rows[0] : -1;
  }

  dispose(): void {
    this.texture.dispose();
    for (const m of this.depthMaterials) m.dispose();
  }

  private collectBases(mesh: Mesh, worldFromEcef: Matrix4): void {
    const pos = mesh.geometry.getAttribute('position');
    const ids = mesh.geometry.getAttribute('_feature_id_0');
    // the scene root has no parent yet, so matrixWorld is mesh → ECEF
    _m.multiplyMatrices(worldFromEcef, mesh.matrixWorld);
    const bases = this.bases;
    for (let i = 0; i < pos.count; i++) {
      const row = Math.round(ids.getX(i));
      if (row < 0 || row >= this.ids.length) continue;
      _v.fromBufferAttribute(pos, i).applyMatrix4(_m);
      const o = row * 3;
      if (!(bases[o + 1] <= _v.y)) {
        bases[o] = _v.x;
        bases[o + 1] = _v.y;
        bases[o + 2] = _v.z;
      }
    }
  }
}

function patchFeatureMaterials(mesh: Mesh, uniforms: FeatureUniforms): void {
  const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
  for (const material of materials) patchFeatureMaterial(material, uniforms);
}

/**
 * 3d-tiles-renderer replaces a noData value with the property's default, or 0 when there is none.
 * A building without a measured height is not 0 m tall: make numeric noData read as NaN, which
 * normaliseAttributes turns into null.
 */
function markNoDataAsNaN(table: PropertyTableAccessor): void {
  for (const property of Object.values(table.properties)) {
    if (property.type === 'SCALAR' && property.noData !== null && property.noData !== undefined && property.default === null) {
      property.default = NaN;
    }
  }
}
