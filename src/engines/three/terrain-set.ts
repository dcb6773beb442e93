import { BufferAttribute, BufferGeometry, Mesh, MeshLambertMaterial, Vector3, type Object3D } from 'three';
import { buildTerrainMesh, type TerrainMesh } from '../../core/index.js';
import type { TerrainModel } from '../engine.js';
import type { GroundModel } from './ground.js';
import { terrainRaycast } from './terrain-raycast.js';
import type { WorldFrame } from './world-frame.js';

export interface TerrainContext {
  frame: WorldFrame;
  ground: GroundModel;
  /** Where the meshes go: picked, hit by pickPosition and the camera controls. */
  pickables: Object3D;
  requestRender(): void;
}

interface Layer {
  model: TerrainModel;
  mesh: Mesh<BufferGeometry, MeshLambertMaterial> | null;
  frameVersion: number;
}

const _v = new Vector3();
const _ll = [0, 0];

/**
 * The three engine's terrain models (loaded with the first one): each height grid becomes
 * a lit mesh at absolute (ellipsoidal) heights in the world frame, the same frame the tiles are placed in, so
 * buildings converted with the same geoid stand on it. The ground model samples it for draping.
 */
export class TerrainSet {
  private readonly layers = new Map<string, Layer>();

  constructor(private readonly ctx: TerrainContext) {}

  add(model: TerrainModel): void {
    this.remove(model.id);
    this.layers.set(model.id, { model, mesh: null, frameVersion: -1 });
    this.update();
  }

  remove(id: string): void {
    const layer = this.layers.get(id);
    if (!layer) return;
    this.drop(layer);
    this.layers.delete(id);
    this.ctx.requestRender();
  }

  /** The mesh of a terrain (for tests), once built. */
  meshOf(id: string): Mesh | null {
    return this.layers.get(id)?.mesh ?? null;
  }

  /** Builds meshes once the first tileset has fixed the world origin, and again if it moves. */
  update(): void {
    const { frame } = this.ctx;
    if (!frame.fixed) return;
    for (const layer of this.layers.values()) {
      if (layer.frameVersion === frame.version) continue;
      layer.frameVersion = frame.version;
      this.drop(layer);
      this.build(layer);
    }
  }

  dispose(): void {
    for (const id of [...this.layers.keys()]) this.remove(id);
  }

  private build(layer: Layer): void {
    const { frame, ground } = this.ctx;
    const { grid, toLonLat } = layer.model;
    const terrain = buildTerrainMesh(grid, (x, y, h, out) => {
      toLonLat(x, y, _ll);
      frame.toWorld(_ll[0], _ll[1], h, _v);
      out[0] = _v.x;
      out[1] = _v.y;
      out[2] = _v.z;
    });
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(drawable(terrain), 3));
    geometry.setIndex(new BufferAttribute(terrain.index, 1));
    geometry.computeVertexNormals();
    geometry.computeBoundingBox();
    geometry.computeBoundingSphere();
    const mesh = new Mesh(geometry, new MeshLambertMaterial({ color: 0xa5b392 }));
    mesh.name = 'twinby-terrain';
    // picking treats it as the ground: no feature
    mesh.userData.ground = true;
    mesh.matrixAutoUpdate = false;
    mesh.receiveShadow = true;
    mesh.renderOrder = -10;
    const step = 1 / Math.hypot(terrain.toGrid[1], terrain.toGrid[2]); // metres per column
    mesh.raycast = (raycaster, intersects) => terrainRaycast(mesh, terrain, step, raycaster, intersects);
    layer.mesh = mesh;
    this.ctx.pickables.add(mesh);
    ground.setTerrain(layer, terrain, step);
    this.ctx.requestRender();
  }

  private drop(layer: Layer): void {
    if (!layer.mesh) return;
    this.ctx.pickables.remove(layer.mesh);
    layer.mesh.geometry.dispose();
    layer.mesh.material.dispose();
    layer.mesh = null;
    this.ctx.ground.setTerrain(layer, null);
  }
}

/** Positions three can bound: samples without data (never indexed) are put at the lowest height. */
function drawable(terrain: TerrainMesh): Float32Array {
  const p = terrain.positions;
  let out: Float32Array | null = null;
  for (let k = 1; k < p.length; k += 3) {
    if (!Number.isNaN(p[k])) continue;
    out ??= p.slice();
    out[k] = terrain.minY;
  }
  return out ?? p;
}
