import { MathUtils, Matrix4, Quaternion, Vector3, type Camera } from 'three';
import { WGS84_ELLIPSOID } from '3d-tiles-renderer';
import type { ViewState } from '../../core/index.js';
import type { GeoPosition } from '../engine.js';

const _m = new Matrix4();
const _v = new Vector3();
const _east = new Vector3();
const _north = new Vector3();
const _up = new Vector3();
const _fwd = new Vector3();
const _right = new Vector3();
const _camUp = new Vector3();
const _cart = { lat: 0, lon: 0, height: 0 };
const _q = new Quaternion();

/** ENU (x east, y north, z up) → three's y-up convention (x east, y up, z south). */
const enuToYUp = new Matrix4().makeRotationX(-Math.PI / 2);
const yUpToEnu = enuToYUp.clone().invert();

/**
 * The scene's world frame: a local tangent plane at an origin near the data, y up, north = -z.
 * Tiles (ECEF) are placed with worldFromEcef, so the ground is level and north points up the screen
 * at heading 0. Every conversion between geographic and world coordinates goes through here.
 */
export class WorldFrame {
  readonly worldFromEcef = new Matrix4();
  readonly ecefFromWorld = new Matrix4();
  readonly origin: GeoPosition = { lon: 0, lat: 0, height: 0 };
  /** True once set from data (the first tileset); before that it is provisional. */
  fixed = false;
  /** Bumped on every origin change so dependents can re-place themselves. */
  version = 0;

  constructor() {
    this.setOrigin(0, 0, 0);
  }

  setOrigin(lon: number, lat: number, height: number): void {
    this.origin.lon = lon;
    this.origin.lat = lat;
    this.origin.height = height;
    WGS84_ELLIPSOID.getEastNorthUpFrame(lat * MathUtils.DEG2RAD, lon * MathUtils.DEG2RAD, height, _m);
    this.ecefFromWorld.copy(_m).multiply(yUpToEnu);
    this.worldFromEcef.copy(this.ecefFromWorld).invert();
    this.version++;
  }

  toWorld(lon: number, lat: number, height: number, target: Vector3): Vector3 {
    WGS84_ELLIPSOID.getCartographicToPosition(lat * MathUtils.DEG2RAD, lon * MathUtils.DEG2RAD, height, target);
    return target.applyMatrix4(this.worldFromEcef);
  }

  toGeo(world: Vector3, target: GeoPosition = { lon: 0, lat: 0, height: 0 }): GeoPosition {
    _v.copy(world).applyMatrix4(this.ecefFromWorld);
    WGS84_ELLIPSOID.getPositionToCartographic(_v, _cart);
    target.lon = _cart.lon * MathUtils.RAD2DEG;
    target.lat = _cart.lat * MathUtils.RAD2DEG;
    target.height = _cart.height;
    return target;
  }

  /** East, north and up unit vectors at a geographic point, in world coordinates. */
  enuAxes(lon: number, lat: number, east: Vector3, north: Vector3, up: Vector3): void {
    WGS84_ELLIPSOID.getEastNorthUpAxes(lat * MathUtils.DEG2RAD, lon * MathUtils.DEG2RAD, east, north, up);
    east.transformDirection(this.worldFromEcef);
    north.transformDirection(this.worldFromEcef);
    up.transformDirection(this.worldFromEcef);
  }

  /** Places a camera at a view: heading clockwise from north, pitch negative downwards, in the ENU frame at the camera. */
  applyView(view: ViewState, camera: Camera): void {
    this.toWorld(view.lon, view.lat, view.height, camera.position);
    this.enuAxes(view.lon, view.lat, _east, _north, _up);
    const h = view.heading * MathUtils.DEG2RAD;
    const p = view.pitch * MathUtils.DEG2RAD;
    // forward and right in ENU, written with the world-space ENU axes; right never degenerates at ±90° pitch
    _fwd.set(0, 0, 0).addScaledVector(_east, Math.sin(h) * Math.cos(p)).addScaledVector(_north, Math.cos(h) * Math.cos(p)).addScaledVector(_up, Math.sin(p));
    _right.set(0, 0, 0).addScaledVector(_east, Math.cos(h)).addScaledVector(_north, -Math.sin(h));
    _camUp.crossVectors(_right, _fwd).normalize();
    _m.makeBasis(_right, _camUp, _fwd.negate());
    camera.quaternion.setFromRotationMatrix(_m);
    camera.updateMatrixWorld(true);
  }

  /** The view of a camera (roll ignored). */
  viewOf(camera: Camera, target?: ViewState): ViewState {
    camera.updateMatrixWorld();
    const geo = this.toGeo(camera.getWorldPosition(_v));
    this.enuAxes(geo.lon, geo.lat, _east, _north, _up);
    camera.getWorldQuaternion(_q);
    _fwd.set(0, 0, -1).applyQuaternion(_q);
    _right.set(1, 0, 0).applyQuaternion(_q);
    const f = { e: _fwd.dot(_east), n: _fwd.dot(_north), u: _fwd.dot(_up) };
    const pitch = Math.asin(MathUtils.clamp(f.u, -1, 1));
    // heading from the forward vector, or from the right vector when looking straight up or down
    const heading = Math.hypot(f.e, f.n) > 1e-3 ? Math.atan2(f.e, f.n) : Math.atan2(-_right.dot(_north), _right.dot(_east));
    const out = target ?? { lon: 0, lat: 0, height: 0, heading: 0, pitch: 0 };
    out.lon = geo.lon;
    out.lat = geo.lat;
    out.height = geo.height;
    out.heading = ((heading * MathUtils.RAD2DEG) % 360 + 360) % 360;
    out.pitch = pitch * MathUtils.RAD2DEG;
    return out;
  }
}
