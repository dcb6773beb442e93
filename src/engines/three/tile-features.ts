import { Box3, DataTexture, Matrix4, NearestFilter, RGBAFormat, SRGBColorSpace, UnsignedByteType, Vector3, type InstancedMesh, type Material, type Mesh, type Object3D } from 'three';
import { normaliseAttributes, type FeatureAttributes, type FeatureStyle, type MetadataSection } from '../../core/index.js';
import { patchFeatureMaterial, selectColor, type FeatureUniforms } from './feature-material.js';
import { castAndReceive } from './shadow-casting.js';
import { patchTextureFeatureMaterial, type FeatureIdTexture } from './texture-feature-material.js';
import { featureParts, type FeatureDrawable, type FeaturePart, type PropertyTableAccessor } from './feature-parts.js';

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
   * Reads a freshly parsed tile scene (not yet in the scene graph, its matrix placing it in ECEF): one
   * TileFeatures per feature part (a cmpt has several). Ids without an id column are `idPrefix#row`.
   */
  static fromScene(scene: Object3D, worldFromEcef: Matrix4, layerId: string, idPrefix: string): TileFeatures[] {
    scene.updateMatrixWorld(true);
    return featureParts(scene).map((part, i) => new TileFeatures(part, worldFromEcef, layerId, i === 0 ? idPrefix : `${idPrefix}.${i}`));
  }

  /** The object the features hang from (the tile scene, or an inner tile of a cmpt). */
  readonly root: Object3D;
  /** 3D Tiles 1.1 metadata of the tileset, group, tile and content these features came in. */
  metadata: MetadataSection[] = [];

  private constructor(part: FeaturePart, worldFromEcef: Matrix4, layerId: string, idPrefix: string) {
    const { table, count } = part;
    this.root = part.root;
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
      let id = hasId && row < table!.count ? String(table!.getPropertyValue('id', row) ?? '') : '';
      if (!id) id = `${idPrefix}#${row}`;
      this.ids.push(id);
      const list = this.rowsById.get(id);
      if (list) list.push(row);
      else this.rowsById.set(id, [row]);
    }
    this.bases = new Float32Array(count * 3).fill(NaN);
    for (const drawable of part.drawables) {
      // picking finds its way back from a hit object to these features
      drawable.userData.twinbyFeatures = this;
      drawable.userData.twinbyLayer = layerId;
      const idTexture = drawable.userData.twinbyTextureIds as FeatureIdTexture | true | undefined;
      if (idTexture) {
        // ids by texel: styled per fragment, picked by texel; no per-vertex row for the shadow pass or the bases
        if (idTexture !== true) for (const m of materialsOf(drawable)) patchTextureFeatureMaterial(m, this.uniforms, idTexture);
        (drawable as Mesh).castShadow = (drawable as Mesh).receiveShadow = true;
        continue;
      }
      patchFeatureMaterials(drawable, this.uniforms);
      // point clouds cast no shadow (a depth pass of dots would speckle the ground)
      if ((drawable as Mesh).isMesh) this.depthMaterials.push(castAndReceive(drawable as Mesh, this.uniforms));
      if ((drawable as InstancedMesh).isInstancedMesh) this.collectInstanceBases(drawable as InstancedMesh, worldFromEcef);
      else this.collectBases(drawable, worldFromEcef);
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

  /** Per instance: the lowest corner of the model's bounds placed by the instance's matrix. */
  private collectInstanceBases(mesh: InstancedMesh, worldFromEcef: Matrix4): void {
    const ids = mesh.geometry.getAttribute('_feature_id_0');
    if (!mesh.geometry.boundingBox) mesh.geometry.computeBoundingBox();
    const box = mesh.geometry.boundingBox ?? new Box3();
    const toWorld = new Matrix4().multiplyMatrices(worldFromEcef, mesh.matrixWorld);
    for (let i = 0; i < mesh.count; i++) {
      const row = Math.round(ids.getX(i));
      if (row < 0 || row >= this.ids.length) continue;
      mesh.getMatrixAt(i, _m).premultiply(toWorld);
      const o = row * 3;
      for (let c = 0; c < 8; c++) {
        _v.set(c & 1 ? box.max.x : box.min.x, c & 2 ? box.max.y : box.min.y, c & 4 ? box.max.z : box.min.z).applyMatrix4(_m);
        if (!(this.bases[o + 1] <= _v.y)) this.bases.set([_v.x, _v.y, _v.z], o);
      }
    }
  }

  private collectBases(mesh: FeatureDrawable, worldFromEcef: Matrix4): void {
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

function materialsOf(mesh: FeatureDrawable): Material[] {
  return Array.isArray(mesh.material) ? mesh.material : [mesh.material];
}

function patchFeatureMaterials(mesh: FeatureDrawable, uniforms: FeatureUniforms): void {
  for (const material of materialsOf(mesh)) patchFeatureMaterial(material, uniforms);
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
