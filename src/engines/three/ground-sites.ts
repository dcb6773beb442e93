import { CircleGeometry, Group, Mesh, MeshLambertMaterial, Quaternion, Vector3 } from 'three';
import { clusterCells, siteReach, SITE_CELL } from '../../core/index.js';

/** Earth radius for the local vertical far from the origin (a sphere is exact enough to lay a ground disc). */
const R = 6_371_000;
const UP: Readonly<Vector3> = new Vector3(0, 1, 0);
const _n = new Vector3();
const _q = new Quaternion();

export interface Site {
  /** Centroid of the site's building bases (world). */
  centre: Vector3;
  /** The local vertical at the centre. */
  up: Vector3;
  /** The lowest base, measured along `up` from the centre (metres, negative below). */
  lowest: number;
  /** Largest horizontal distance of a base from the centre. */
  radius: number;
  /** The lowest base's world y. */
  lowestY: number;
}

/** Groups building bases (x, y, z triples, NaN rows skipped) into sites: the core's touching 10 km cells, on world x/z. */
export function findSites(sources: Iterable<Float32Array>): Site[] {
  const cells = new Map<string, number[]>();
  for (const bases of sources) {
    for (let i = 0; i + 2 < bases.length; i += 3) {
      if (Number.isNaN(bases[i + 1])) continue;
      const key = `${Math.floor(bases[i] / SITE_CELL)},${Math.floor(bases[i + 2] / SITE_CELL)}`;
      let list = cells.get(key);
      if (!list) cells.set(key, (list = []));
      list.push(bases[i], bases[i + 1], bases[i + 2]);
    }
  }
  return clusterCells(cells).map(siteOf);
}

function siteOf(lists: number[][]): Site {
  const centre = new Vector3();
  let n = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i += 3) {
      centre.x += l[i];
      centre.y += l[i + 1];
      centre.z += l[i + 2];
      n++;
    }
  }
  centre.divideScalar(n);
  // the world's origin lies on the surface, so the earth's centre is about R below it
  const up = new Vector3(centre.x, centre.y + R, centre.z).normalize();
  let lowest = Infinity;
  let lowestY = Infinity;
  let radius = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i += 3) {
      lowestY = Math.min(lowestY, l[i + 1]);
      const dx = l[i] - centre.x;
      const dy = l[i + 1] - centre.y;
      const dz = l[i + 2] - centre.z;
      const along = dx * up.x + dy * up.y + dz * up.z;
      lowest = Math.min(lowest, along);
      radius = Math.max(radius, Math.sqrt(Math.max(0, dx * dx + dy * dy + dz * dz - along * along)));
    }
  }
  return { centre, up, lowest, radius, lowestY };
}

/**
 * Ground discs under sites away from the home site (the one the world origin was placed at, which the main
 * plane serves): a CityGML file from another town lands on a ground of its own, level with its local
 * vertical, just under its lowest base, instead of floating far above or below the home plane.
 */
export class SiteDiscs {
  readonly group = new Group();
  private readonly material = new MeshLambertMaterial({ color: 0xa5b392 });
  private key = '';
  private reach = Infinity;

  constructor() {
    this.group.name = 'twinby-ground-sites';
  }

  /**
   * Replaces the discs: one per site but the home one. Returns how far the home plane may reach without
   * covering another site's disc (a town 24 km off and 25 m lower would lie under the home plane).
   */
  set(sites: readonly Site[], home: Site | null): number {
    // tiles load one by one: rebuild the discs only when a site came, went or moved
    const key = sites.map((s) => (s === home ? 'h' : `${s.centre.toArray().map(Math.round)},${s.lowest.toFixed(2)},${Math.round(s.radius)}`)).join(';');
    if (key === this.key) return this.reach;
    this.key = key;
    let reach = Infinity;
    this.clear();
    for (const site of sites) {
      if (site === home) continue;
      let room = Infinity;
      for (const other of sites) if (other !== site) room = Math.min(room, other.centre.distanceTo(site.centre));
      const radius = siteReach(site.radius, room);
      const disc = new Mesh(new CircleGeometry(radius, 64).rotateX(-Math.PI / 2), this.material);
      disc.name = 'twinby-ground-site';
      disc.userData.ground = true;
      disc.renderOrder = -10;
      disc.receiveShadow = true;
      disc.quaternion.copy(_q.setFromUnitVectors(UP, site.up));
      disc.position.copy(site.centre).addScaledVector(site.up, site.lowest - 0.05);
      disc.updateMatrix();
      this.group.add(disc);
      // the plane is centred on the world origin
      reach = Math.min(reach, Math.hypot(site.centre.x, site.centre.z) - radius - 50);
    }
    this.group.updateMatrixWorld(true);
    this.reach = reach;
    return reach;
  }

  /** The disc's height (world y) under x/z for a site away from home, or NaN. */
  heightAt(x: number, z: number): number {
    for (const disc of this.group.children as Mesh[]) {
      const up = _n.copy(UP).applyQuaternion(disc.quaternion);
      const p = disc.position;
      const r = (disc.geometry as CircleGeometry).parameters.radius;
      if ((x - p.x) ** 2 + (z - p.z) ** 2 > r * r) continue;
      // on the disc's plane: up · (q - p) = 0
      return p.y - (up.x * (x - p.x) + up.z * (z - p.z)) / up.y;
    }
    return NaN;
  }

  dispose(): void {
    this.clear();
    this.key = '';
    this.material.dispose();
  }

  private clear(): void {
    for (const disc of [...this.group.children] as Mesh[]) {
      disc.geometry.dispose();
      this.group.remove(disc);
    }
  }
}
