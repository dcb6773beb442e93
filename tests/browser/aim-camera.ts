/** Raw three.js tileset tests: a camera looking straight down on a tileset's bounds (the tiles sit in ECEF). */
import { Sphere, type PerspectiveCamera } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer';

/** Aims once the root's bounds are known; false until then. */
export function aimAbove(camera: PerspectiveCamera, tiles: TilesRenderer): boolean {
  const sphere = new Sphere();
  if (!tiles.getBoundingSphere(sphere)) return false;
  const up = sphere.center.clone().normalize();
  camera.position.copy(sphere.center).addScaledVector(up, sphere.radius * 3);
  camera.up.set(0, 0, 1);
  camera.lookAt(sphere.center);
  camera.near = sphere.radius / 100;
  camera.far = sphere.radius * 10;
  camera.updateProjectionMatrix();
  return true;
}
