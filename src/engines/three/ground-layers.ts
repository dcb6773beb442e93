import type { Object3D, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { ErrorDetail } from '../../core/index.js';
import type { BasemapTiles, TerrainModel } from '../engine.js';
import type { BasemapSet } from './basemap-set.js';
import type { GroundModel } from './ground.js';
import type { TerrainSet } from './terrain-set.js';
import type { WorldFrame } from './world-frame.js';

export interface GroundLayersHost {
  frame: WorldFrame;
  ground: GroundModel;
  scene: Scene;
  pickables: Object3D;
  camera: PerspectiveCamera;
  renderer: WebGLRenderer;
  requestRender(): void;
  error(detail: ErrorDetail): void;
  disposed(): boolean;
}

/**
 * What lies on and under the ground besides the plane: base maps and terrain models. Each kind's code is
 * loaded with its first layer (dynamic import: a viewer without them never loads their code).
 */
export class GroundLayers {
  private basemaps: BasemapSet | null = null;
  private terrains: TerrainSet | null = null;

  constructor(private readonly host: GroundLayersHost) {}

  async addBasemap(tiles: BasemapTiles): Promise<void> {
    this.basemaps ??= new (await import('./basemap-set.js')).BasemapSet(this.host.scene, this.host);
    if (!this.host.disposed()) this.basemaps.add(tiles);
  }

  removeBasemap(id: string): void {
    this.basemaps?.remove(id);
  }

  async addTerrain(terrain: TerrainModel): Promise<void> {
    this.terrains ??= new (await import('./terrain-set.js')).TerrainSet(this.host);
    if (!this.host.disposed()) this.terrains.add(terrain);
  }

  removeTerrain(id: string): void {
    this.terrains?.remove(id);
  }

  /** The mesh of a terrain once built (tests and benches). */
  terrainMesh(id: string): Object3D | null {
    return this.terrains?.meshOf(id) ?? null;
  }

  /** Every frame, before drawing: terrain first, so base maps drape on this frame's surface. */
  update(): void {
    this.terrains?.update();
    this.basemaps?.update();
  }

  dispose(): void {
    this.basemaps?.dispose();
    this.terrains?.dispose();
  }
}
