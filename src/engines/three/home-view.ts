import { PerspectiveCamera, Sphere } from 'three';

const _sphere = new Sphere();
const _union = new Sphere();

/**
 * A camera that shows every tileset: from the south, looking north and 40° down, at a distance where the
 * union of their bounding spheres fills the field of view. Null before any tileset has bounds.
 */
export function homeCamera(layers: Iterable<{ getWorldSphere(target: Sphere): Sphere | null }>, fovDegrees: number): PerspectiveCamera | null {
  let any = false;
  for (const layer of layers) {
    if (!layer.getWorldSphere(_sphere)) continue;
    if (any) _union.union(_sphere);
    else _union.copy(_sphere);
    any = true;
  }
  if (!any) return null;
  const fov = (fovDegrees * Math.PI) / 180;
  // a little inside the bounding sphere: tileset bounds are boxes, and a town's corners are rarely built up
  const distance = (Math.max(_union.radius, 20) / Math.sin(fov / 2)) * 0.7;
  const probe = new PerspectiveCamera();
  probe.position.set(0, Math.sin((40 * Math.PI) / 180), Math.cos((40 * Math.PI) / 180)).multiplyScalar(distance).add(_union.center);
  probe.lookAt(_union.center);
  return probe;
}
