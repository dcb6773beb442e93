import { MathUtils, Object3D, Quaternion, Raycaster, Vector2, Vector3, type PerspectiveCamera } from 'three';
import { EnvironmentControls } from '3d-tiles-renderer';
import type { ViewState } from '../../core/index.js';
import { Flight, interpolateView } from './flight.js';
import type { GroundModel } from './ground.js';
import type { WorldFrame } from './world-frame.js';

const UP = new Vector3(0, 1, 0);
const _v = new Vector3();
const _w = new Vector3();
const _q = new Quaternion();
const _ray = new Raycaster();
const _centre = new Vector2();
const _view: ViewState = { lon: 0, lat: 0, height: 0, heading: 0, pitch: 0 };

/** Pitch limits for keyboard tilting, degrees. */
const minPitch = -89.5;
const maxPitch = -3;

/**
 * The camera and everything that moves it: mouse/touch (3d-tiles-renderer's EnvironmentControls:
 * drag = pan, right drag or two fingers = orbit/tilt, wheel/pinch = zoom), the keyboard, and flights.
 * update() says whether another frame is needed, which keeps rendering on demand.
 */
export class CameraRig {
  readonly controls: EnvironmentControls;
  private flight: Flight | null = null;
  private controlsChanged = false;
  private readonly onKeyDown = (e: KeyboardEvent) => this.handleKey(e);

  constructor(
    readonly camera: PerspectiveCamera,
    private readonly frame: WorldFrame,
    private readonly ground: GroundModel,
    private readonly pickables: Object3D,
    private readonly canvas: HTMLCanvasElement,
    private readonly requestRender: () => void,
    private readonly reducedMotion: () => boolean,
  ) {
    const controls = new EnvironmentControls(pickables, camera, canvas);
    controls.enableDamping = true;
    controls.minDistance = 5;
    controls.maxDistance = 60_000;
    controls.cameraRadius = 2;
    controls.maxAltitude = MathUtils.degToRad(89.5);
    controls.useFallbackPlane = true;
    controls.addEventListener('change', () => {
      this.controlsChanged = true;
      requestRender();
    });
    controls.addEventListener('start', () => {
      this.cancelFlight();
      requestRender();
    });
    controls.addEventListener('end', () => requestRender());
    this.controls = controls;
    // the canvas is in the tab order, so the keyboard reaches the map
    canvas.tabIndex = 0;
    canvas.addEventListener('keydown', this.onKeyDown);
  }

  /** Called once per frame; returns true when the camera is still moving. */
  update(now: number, deltaSeconds: number): boolean {
    this.controls.fallbackPlane.constant = -this.ground.planeHeight();
    let moving = false;
    if (this.flight) {
      moving = this.flight.step(now);
      if (!moving) this.flight = null;
    } else {
      this.controlsChanged = false;
      this.controls.update(Math.min(deltaSeconds, 0.064));
      moving = this.controlsChanged || (this.controls as unknown as { _doubleTapZoomActive?: boolean })._doubleTapZoomActive === true;
    }
    this.fitClipPlanes();
    return moving;
  }

  /** Animated unless duration is 0 or the user prefers reduced motion. */
  flyTo(view: ViewState, durationSeconds: number): Promise<void> {
    const from = this.frame.viewOf(this.camera);
    const to = { ...view };
    const ms = this.reducedMotion() ? 0 : durationSeconds * 1000;
    return this.startFlight(ms, (k) => this.frame.applyView(interpolateView(from, to, k, _view), this.camera));
  }

  /** Turns the map so north is up, orbiting the point at the screen centre. */
  rotateToNorth(durationSeconds: number): Promise<void> {
    const start = this.frame.viewOf(this.camera);
    const pivot = this.pivot(new Vector3());
    const position = this.camera.position.clone();
    const quaternion = this.camera.quaternion.clone();
    // turning the camera by +θ about up lowers the heading by θ
    let angle = start.heading > 180 ? start.heading - 360 : start.heading;
    angle = MathUtils.degToRad(angle);
    const ms = this.reducedMotion() ? 0 : durationSeconds * 1000;
    return this.startFlight(ms, (k) => {
      _q.setFromAxisAngle(UP, angle * k);
      this.camera.position.copy(position).sub(pivot).applyQuaternion(_q).add(pivot);
      this.camera.quaternion.copy(quaternion).premultiply(_q);
      this.camera.updateMatrixWorld();
    });
  }

  cancelFlight(): void {
    this.flight?.finish();
    this.flight = null;
  }

  /** The surface point at the screen centre (tiles, overlays or ground), or a point ahead when looking at the sky. */
  pivot(target: Vector3): Vector3 {
    _ray.setFromCamera(_centre.set(0, 0), this.camera);
    const hit = _ray.intersectObject(this.pickables, true)[0];
    if (hit) return target.copy(hit.point);
    const planeY = this.ground.planeHeight();
    const dir = _ray.ray.direction;
    if (dir.y < -1e-3) return target.copy(_ray.ray.origin).addScaledVector(dir, (planeY - _ray.ray.origin.y) / dir.y);
    return target.copy(this.camera.position).addScaledVector(dir, 300);
  }

  dispose(): void {
    this.cancelFlight();
    this.canvas.removeEventListener('keydown', this.onKeyDown);
    this.controls.dispose();
  }

  private startFlight(ms: number, apply: (k: number) => void): Promise<void> {
    this.cancelFlight();
    this.controls.resetState();
    this.flight = new Flight(ms, apply);
    this.requestRender();
    return this.flight.done;
  }

  /** Near and far planes from the height above ground, so close-ups and overviews both keep depth precision. */
  private fitClipPlanes(): void {
    const h = Math.max(1, this.camera.position.y - this.ground.planeHeightAt(this.camera.position.x, this.camera.position.z));
    const near = MathUtils.clamp(h * 0.004, 0.1, 20);
    const far = 60_000 + h * 20;
    if (near !== this.camera.near || far !== this.camera.far) {
      this.camera.near = near;
      this.camera.far = far;
      this.camera.updateProjectionMatrix();
    }
  }

  private handleKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const pivot = this.pivot(new Vector3());
    const distance = Math.max(10, this.camera.position.distanceTo(pivot));
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight':
        if (e.shiftKey) {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') this.orbit(pivot, e.key === 'ArrowLeft' ? 15 : -15);
          else this.tilt(pivot, e.key === 'ArrowUp' ? 5 : -5);
        } else {
          this.pan(e.key, distance * 0.1);
        }
        break;
      case '+':
      case '=':
        this.zoom(pivot, 0.75);
        break;
      case '-':
      case '_':
        this.zoom(pivot, 1 / 0.75);
        break;
      case 'PageUp':
        this.tilt(pivot, 5);
        break;
      case 'PageDown':
        this.tilt(pivot, -5);
        break;
      default:
        return;
    }
    e.preventDefault();
    this.cancelFlight();
    this.camera.updateMatrixWorld();
    this.requestRender();
  }

  private pan(key: string, step: number): void {
    // horizontal forward: the view direction, or the screen's up when looking straight down
    this.camera.getWorldDirection(_v);
    _v.y = 0;
    if (_v.lengthSq() < 1e-6) _v.set(0, 1, 0).applyQuaternion(this.camera.quaternion).setY(0);
    _v.normalize();
    _w.crossVectors(_v, UP).normalize();
    if (key === 'ArrowUp') this.camera.position.addScaledVector(_v, step);
    if (key === 'ArrowDown') this.camera.position.addScaledVector(_v, -step);
    if (key === 'ArrowRight') this.camera.position.addScaledVector(_w, step);
    if (key === 'ArrowLeft') this.camera.position.addScaledVector(_w, -step);
  }

  private orbit(pivot: Vector3, degrees: number): void {
    _q.setFromAxisAngle(UP, MathUtils.degToRad(degrees));
    this.camera.position.sub(pivot).applyQuaternion(_q).add(pivot);
    this.camera.quaternion.premultiply(_q);
  }

  /** Positive tilts towards the horizon. */
  private tilt(pivot: Vector3, degrees: number): void {
    const pitch = this.frame.viewOf(this.camera, _view).pitch;
    const next = MathUtils.clamp(pitch + degrees, minPitch, maxPitch);
    if (next === pitch) return;
    _w.set(1, 0, 0).applyQuaternion(this.camera.quaternion);
    _q.setFromAxisAngle(_w, MathUtils.degToRad(next - pitch));
    this.camera.position.sub(pivot).applyQuaternion(_q).add(pivot);
    this.camera.quaternion.premultiply(_q);
  }

  private zoom(pivot: Vector3, factor: number): void {
    _v.copy(this.camera.position).sub(pivot).multiplyScalar(factor);
    if (_v.length() < 5) _v.setLength(5);
    this.camera.position.copy(pivot).add(_v);
  }
}
