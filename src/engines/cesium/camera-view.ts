import { BoundingSphere, Cartesian3, Cartographic, HeadingPitchRange, Intersect, Math as CesiumMath, Matrix4, type Camera } from '@cesium/engine';
import { frameTarget, normaliseView, type ViewState } from '../../core/index.js';

const toRad = CesiumMath.toRadians;
const toDeg = CesiumMath.toDegrees;

/** The camera as a ViewState (Cesium's own terms: heading clockwise from north, pitch negative down). */
export function viewOf(camera: Camera): ViewState {
  const c = camera.positionCartographic;
  return normaliseView({ lon: toDeg(c.longitude), lat: toDeg(c.latitude), height: c.height, heading: toDeg(camera.heading), pitch: toDeg(camera.pitch) });
}

/** Whether a bounding sphere lies wholly outside the view: nothing of it loads, so nothing is to be waited for. */
export function outOfView(camera: Camera, sphere: BoundingSphere): boolean {
  const cull = camera.frustum.computeCullingVolume(camera.positionWC, camera.directionWC, camera.upWC);
  return cull.computeVisibility(sphere) === Intersect.OUTSIDE;
}

export function setCameraView(camera: Camera, view: ViewState): void {
  camera.setView({ destination: Cartesian3.fromDegrees(view.lon, view.lat, view.height), orientation: { heading: toRad(view.heading), pitch: toRad(view.pitch), roll: 0 } });
}

/** Flies to a view; resolves when it arrives or a newer flight or user input cancels it. */
export function flyCamera(camera: Camera, view: ViewState, duration: number): Promise<void> {
  if (duration <= 0) {
    camera.cancelFlight();
    setCameraView(camera, view);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    camera.flyTo({
      destination: Cartesian3.fromDegrees(view.lon, view.lat, view.height),
      orientation: { heading: toRad(view.heading), pitch: toRad(view.pitch), roll: 0 },
      duration,
      complete: () => resolve(),
      cancel: () => resolve(),
    });
  });
}

/**
 * The home view over bounding spheres: from the south, looking north and 40° down, at a distance where their
 * union fills the field of view (as the three engine frames it). Null without any.
 */
export function homeViewOf(spheres: BoundingSphere[], fovyRadians: number): ViewState | null {
  if (!spheres.length) return null;
  const union = BoundingSphere.fromBoundingSpheres(spheres);
  const centre = Cartographic.fromCartesian(union.center);
  if (!centre) return null;
  const distance = (Math.max(union.radius, 20) / Math.sin(fovyRadians / 2)) * 0.7;
  return frameTarget({ lon: toDeg(centre.longitude), lat: toDeg(centre.latitude), height: centre.height }, distance, -40, 0);
}

/** Turns to heading 0 around a point (the one at the screen centre), keeping distance and pitch. */
export function northAround(camera: Camera, centre: Cartesian3, duration: number): Promise<void> {
  const range = Cartesian3.distance(camera.positionWC, centre);
  const offset = new HeadingPitchRange(0, camera.pitch, range);
  if (duration <= 0) {
    camera.lookAt(centre, offset);
    camera.lookAtTransform(Matrix4.IDENTITY); // back to free camera control
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    camera.flyToBoundingSphere(new BoundingSphere(centre, 0), { offset, duration, complete: () => resolve(), cancel: () => resolve() });
  });
}

/** The camera's position, direction and up vector as numbers, to compare frames. */
export function cameraNumbers(camera: Camera): number[] {
  const { positionWC: p, directionWC: d, upWC: u } = camera;
  return [p.x, p.y, p.z, d.x, d.y, d.z, u.x, u.y, u.z];
}

/** Whether the camera moved since the last check (once per loop tick): inertia and input keep the loop going while it moves. */
export class CameraMotion {
  private last: number[] = [];

  changed(camera: Camera): boolean {
    const now = cameraNumbers(camera);
    const moved = now.some((v, i) => v !== this.last[i]);
    this.last = now;
    return moved;
  }
}
