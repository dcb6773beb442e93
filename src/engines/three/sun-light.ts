import { DirectionalLight, HemisphereLight, Matrix4, PCFShadowMap, Vector3, type PerspectiveCamera, type Scene, type WebGLRenderer } from 'three';
import { spa } from '../../core/index.js';
import type { SunOptions } from '../engine.js';
import type { WorldFrame } from './world-frame.js';

const defaultDirection = new Vector3(-0.6, 1.2, 0.8).normalize(); // from the south-west, high
const _corners = Array.from({ length: 8 }, () => new Vector3());
const _v = new Vector3();
const _lightView = new Matrix4();
const _lightWorld = new Matrix4();
const _up = new Vector3();

/**
 * The scene's sun: a fixed soft light by default; with setSun({date, enabled: true}) a directional light
 * from the NREL SPA position at the world origin, casting shadows. One shadow map, fitted every frame to
 * the part of the view frustum within `shadowDistance` (so it stays sharp where the user looks) and
 * stretched towards the sun so that buildings outside the view still cast into it; its texels are
 * snapped to the light's grid so shadows do not shimmer while the camera moves.
 */
export class SunLight {
  readonly light = new DirectionalLight(0xffffff, 2.2);
  readonly sky = new HemisphereLight(0xffffff, 0x9a9488, 1.4);
  /** Metres towards the sun added in front of the fitted box, for casters outside the view. */
  casterReach = 1500;
  /** How far from the camera shadows are drawn, at most (the map covers this part of the view). */
  shadowDistance = 1200;
  private state: { date: number; enabled: boolean; azimuth: number; elevation: number } | null = null;
  private readonly direction = new Vector3().copy(defaultDirection);
  private frameVersion = -1;

  constructor(
    private readonly scene: Scene,
    private readonly renderer: WebGLRenderer,
    private readonly frame: WorldFrame,
    mapSize = 4096,
  ) {
    this.light.shadow.mapSize.set(mapSize, mapSize);
    this.light.shadow.bias = -0.0004;
    this.light.shadow.normalBias = 0.08;
    renderer.shadowMap.type = PCFShadowMap;
    scene.add(this.light, this.light.target, this.sky);
    this.place();
  }

  /** Sun on or off for a date; returns the sun's azimuth and elevation (degrees) at the world origin. */
  set(options: SunOptions): { azimuth: number; elevation: number } {
    const date = typeof options.date === 'number' ? options.date : options.date.getTime();
    const { lon, lat, height } = this.frame.origin;
    const p = spa({ date, lat, lon, elevation: height });
    this.state = { date, enabled: options.enabled, azimuth: p.azimuth, elevation: p.elevation };
    this.place();
    return { azimuth: p.azimuth, elevation: p.elevation };
  }

  get enabled(): boolean {
    return this.state?.enabled ?? false;
  }

  /** Re-reads the sun when the world origin changed (the first tileset fixes it). */
  refresh(): void {
    if (this.state) this.set({ date: this.state.date, enabled: this.state.enabled });
  }

  /** Before each render: fit the shadow camera to the view (groundY: the ground's world height). */
  update(camera: PerspectiveCamera, groundY: number): void {
    if (this.frameVersion !== this.frame.version) {
      this.frameVersion = this.frame.version;
      this.refresh();
    }
    const on = this.enabled && this.state!.elevation > 0;
    this.renderer.shadowMap.enabled = on;
    this.light.castShadow = on;
    if (!on) return;
    // from high above, the ground itself may lie beyond shadowDistance: cover it
    const above = Math.max(0, camera.position.y - groundY);
    this.fit(camera, Math.max(this.shadowDistance, above * 3));
  }

  private place(): void {
    const s = this.state;
    if (s?.enabled) {
      const az = (s.azimuth * Math.PI) / 180;
      const el = (s.elevation * Math.PI) / 180;
      // world: x east, y up, z south
      this.direction.set(Math.cos(el) * Math.sin(az), Math.sin(el), -Math.cos(el) * Math.cos(az));
      const day = Math.max(0, Math.min(1, (s.elevation + 2) / 10)); // dusk fades the sun out over −2°…8°
      this.light.intensity = 2.6 * day;
      this.sky.intensity = 0.5 + 0.7 * day;
    } else {
      this.direction.copy(defaultDirection);
      this.light.intensity = 2.2;
      this.sky.intensity = 1.4;
    }
    this.light.position.copy(this.direction);
    this.light.target.position.set(0, 0, 0);
    this.light.updateMatrixWorld();
    this.light.target.updateMatrixWorld();
  }

  private fit(camera: PerspectiveCamera, distance: number): void {
    camera.updateMatrixWorld();
    const near = camera.near;
    const far = Math.min(camera.far, Math.max(near * 2, distance));
    const tanY = Math.tan(((camera.fov / 2) * Math.PI) / 180);
    const tanX = tanY * camera.aspect;
    let k = 0;
    for (const d of [near, far]) {
      for (const sx of [-1, 1]) for (const sy of [-1, 1]) _corners[k++].set(sx * tanX * d, sy * tanY * d, -d).applyMatrix4(camera.matrixWorld);
    }
    // light space: looking along −direction
    _up.set(0, 1, 0);
    if (Math.abs(this.direction.y) > 0.99) _up.set(0, 0, -1);
    _lightWorld.lookAt(this.direction, new Vector3(0, 0, 0), _up);
    _lightView.copy(_lightWorld).invert();
    let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
    for (const c of _corners) {
      _v.copy(c).applyMatrix4(_lightView);
      minX = Math.min(minX, _v.x); maxX = Math.max(maxX, _v.x);
      minY = Math.min(minY, _v.y); maxY = Math.max(maxY, _v.y);
      minZ = Math.min(minZ, _v.z); maxZ = Math.max(maxZ, _v.z);
    }
    // snap the box to whole texels of a fixed size, so the map does not shimmer as the view moves
    const size = Math.max(maxX - minX, maxY - minY);
    const texel = size / this.light.shadow.mapSize.x;
    const cx = Math.round((minX + maxX) / 2 / texel) * texel;
    const cy = Math.round((minY + maxY) / 2 / texel) * texel;
    const half = (Math.ceil(size / texel / 2) + 1) * texel;
    // the light camera sits on the sun side of the box: +z in light view space points towards the sun
    const reach = maxZ + this.casterReach;
    _v.set(cx, cy, reach).applyMatrix4(_lightWorld);
    this.light.position.copy(_v);
    this.light.target.position.copy(_v).sub(this.direction);
    this.light.updateMatrixWorld();
    this.light.target.updateMatrixWorld();
    const cam = this.light.shadow.camera;
    cam.up.copy(_up);
    cam.left = -half;
    cam.right = half;
    cam.bottom = -half;
    cam.top = half;
    cam.near = 0;
    cam.far = reach - minZ + 1;
    cam.updateProjectionMatrix();
  }
}
