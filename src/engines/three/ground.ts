import { CircleGeometry, Mesh, MeshLambertMaterial } from 'three';
import { surfaceHeight, type TerrainMesh } from '../../core/index.js';
import { findSites, SiteDiscs } from './ground-sites.js';

const cell = 40;
const PLANE_RADIUS = 30_000;

/**
 * Where the ground is. On a terrain model (TerrainSet), its surface. Elsewhere, building bases (the
 * lowest vertex of each building) from the loaded tiles: draped overlays sit on the lowest base nearby,
 * so they never land on a roof. The ground plane lies under the lowest base of the home site (the buildings
 * the world origin was placed at) and the lowest terrain; buildings loaded far away get a disc of their own.
 */
export class GroundModel {
  /** Ground plane, drawn under everything and hit by pickPosition and the camera controls. */
  readonly plane: Mesh;
  /** Ground discs under buildings far from home (drawn and hit like the plane). */
  readonly sites = new SiteDiscs();
  /** Bumped whenever the ground changes, so draped overlays know to re-drape. */
  version = 0;
  /** Bumped when a terrain comes or goes, so base maps re-drape (building bases do not move them). */
  terrainVersion = 0;
  private sources = new Map<object, Float32Array>();
  private terrains = new Map<object, { mesh: TerrainMesh; step: number }>();
  private grid: Map<string, number> | null = null;
  private lowest = NaN;
  private fallback = 0;
  /** The plane's radius: it stops short of other sites' discs. */
  private reach = PLANE_RADIUS;

  constructor() {
    this.plane = new Mesh(new CircleGeometry(PLANE_RADIUS, 64).rotateX(-Math.PI / 2), new MeshLambertMaterial({ color: 0xa5b392 }));
    this.plane.name = 'twinby-ground';
    this.plane.renderOrder = -10;
    this.plane.matrixAutoUpdate = false;
    this.plane.receiveShadow = true; // the lowest surface: it receives sun shadows, nothing lies below it to shade
  }

  /** Building bases as x, y, z triples per building (NaN rows are skipped). */
  add(source: object, bases: Float32Array): void {
    this.sources.set(source, bases);
    this.invalidate();
  }

  remove(source: object): void {
    if (this.sources.delete(source)) this.invalidate();
  }

  /** A terrain surface (world coordinates) and its sample spacing in metres; null takes it away. */
  setTerrain(key: object, mesh: TerrainMesh | null, step = 1): void {
    if (mesh) this.terrains.set(key, { mesh, step });
    else if (!this.terrains.delete(key)) return;
    this.terrainVersion++;
    this.invalidate();
  }

  /** The terrain's height (world y) under x/z, or NaN where no terrain is. */
  terrainAt(x: number, z: number): number {
    for (const t of this.terrains.values()) {
      const y = surfaceHeight(t.mesh, x, z);
      if (!Number.isNaN(y)) return y;
    }
    return NaN;
  }

  /** Longest edge a draped shape may have to follow the terrain (its sample spacing); Infinity without terrain. */
  drapeStep(): number {
    let step = Infinity;
    for (const t of this.terrains.values()) step = Math.min(step, t.step);
    return step;
  }

  /** Height to use before any building has loaded (e.g. the bottom of the tileset's bounds). */
  setFallback(y: number): void {
    this.fallback = y;
    if (Number.isNaN(this.lowest)) this.placePlane();
  }

  /** The ground height (world y) at a point: the terrain, else the lowest building base within about one cell, else the plane. */
  heightAt(x: number, z: number): number {
    const terrain = this.terrainAt(x, z);
    if (!Number.isNaN(terrain)) return terrain;
    const grid = this.ensureGrid();
    const cx = Math.floor(x / cell);
    const cz = Math.floor(z / cell);
    let best = Infinity;
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        const y = grid.get(`${cx + i},${cz + j}`);
        if (y !== undefined && y < best) best = y;
      }
    }
    return best === Infinity ? this.planeHeightAt(x, z) : best;
  }

  /** The ground plane's or a far site's disc height under x/z. */
  planeHeightAt(x: number, z: number): number {
    this.ensureGrid();
    const disc = this.sites.heightAt(x, z);
    return Number.isNaN(disc) ? this.planeHeight() : disc;
  }

  planeHeight(): number {
    this.ensureGrid();
    let y = Number.isNaN(this.lowest) ? (this.terrains.size ? Infinity : this.fallback) : this.lowest;
    for (const t of this.terrains.values()) y = Math.min(y, t.mesh.minY);
    return y;
  }

  dispose(): void {
    this.plane.geometry.dispose();
    (this.plane.material as MeshLambertMaterial).dispose();
    this.sources.clear();
    this.terrains.clear();
    this.sites.dispose();
  }

  private invalidate(): void {
    this.grid = null;
    this.version++;
    this.ensureGrid();
    this.placePlane();
  }

  private ensureGrid(): Map<string, number> {
    if (this.grid) return this.grid;
    const grid = new Map<string, number>();
    for (const bases of this.sources.values()) {
      for (let i = 0; i + 2 < bases.length; i += 3) {
        const y = bases[i + 1];
        if (Number.isNaN(y)) continue;
        const key = `${Math.floor(bases[i] / cell)},${Math.floor(bases[i + 2] / cell)}`;
        const old = grid.get(key);
        if (old === undefined || y < old) grid.set(key, y);
      }
    }
    // the plane serves the site nearest the world origin; the others get discs
    const sites = findSites(this.sources.values());
    let home = sites[0] ?? null;
    for (const s of sites) if (s.centre.lengthSq() < home!.centre.lengthSq()) home = s;
    this.reach = Math.min(PLANE_RADIUS, Math.max(1_000, this.sites.set(sites, home)));
    this.grid = grid;
    this.lowest = home ? home.lowestY : NaN;
    return grid;
  }

  private placePlane(): void {
    // a few centimetres under the lowest base, so building bottoms and draped areas win the depth test
    this.plane.position.y = this.planeHeight() - 0.05;
    this.plane.scale.setScalar(this.reach / PLANE_RADIUS);
    this.plane.updateMatrix();
    this.plane.updateMatrixWorld();
  }
}
