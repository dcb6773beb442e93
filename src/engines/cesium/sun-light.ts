import { Cartesian3, DirectionalLight, Matrix4, ShadowMode, Transforms, type Cesium3DTileset, type Scene } from '@cesium/engine';
import { spa, sunDirectionEnu } from '../../core/index.js';
import type { SunOptions } from '../engine.js';

/** Towards the light by default, east-north-up: from the south-west, high (the three engine's default). */
const defaultToLight = { x: -0.6, y: -0.8, z: 1.2 };

/**
 * The scene's light: a fixed soft sun by default (Cesium's own follows the wall clock, so a test at night saw
 * dark buildings); with setSun the true sun (NREL SPA at the first tileset's centre, as in the three engine)
 * and Cesium's shadow map, in which tilesets cast and receive.
 */
export class CesiumSun {
  private origin: { lon: number; lat: number; height: number } | null = null;
  private state: { date: number; enabled: boolean; azimuth: number; elevation: number } | null = null;
  /** A split whose sides draw different buildings: one shadow map would carry each side's shadows to both. */
  private noCastShadows = false;
  private readonly light = new DirectionalLight({ direction: new Cartesian3(0, 0, -1), intensity: 2.2 });

  constructor(private readonly scene: Scene) {
    scene.light = this.light;
    scene.shadowMap.softShadows = true;
    scene.shadowMap.maximumDistance = 2000;
  }

  setOrigin(lon: number, lat: number, height: number): void {
    if (this.origin) return;
    this.origin = { lon, lat, height };
    if (this.state) this.set({ date: this.state.date, enabled: this.state.enabled });
    else this.place();
  }

  set(options: SunOptions): { azimuth: number; elevation: number } {
    const date = typeof options.date === 'number' ? options.date : options.date.getTime();
    const o = this.origin ?? { lon: 0, lat: 0, height: 0 };
    const p = spa({ date, lat: o.lat, lon: o.lon, elevation: o.height });
    this.state = { date, enabled: options.enabled, azimuth: p.azimuth, elevation: p.elevation };
    this.place();
    return { azimuth: p.azimuth, elevation: p.elevation };
  }

  /** Leaves cast shadows out (the light still shades the buildings) while `on`. */
  withoutCastShadows(on: boolean): void {
    if (this.noCastShadows === on) return;
    this.noCastShadows = on;
    this.place();
  }

  /** Tilesets cast and receive shadows. */
  prepare(tileset: Cesium3DTileset): void {
    tileset.shadows = ShadowMode.ENABLED;
  }

  private place(): void {
    if (!this.origin) return;
    const s = this.state;
    const on = !!s?.enabled && s.elevation > 0;
    const enu = s?.enabled ? sunDirectionEnu(s.azimuth, s.elevation) : defaultToLight;
    const frame = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(this.origin.lon, this.origin.lat, this.origin.height));
    const toLight = Matrix4.multiplyByPointAsVector(frame, new Cartesian3(enu.x, enu.y, enu.z), new Cartesian3());
    this.light.direction = Cartesian3.normalize(Cartesian3.negate(toLight, toLight), new Cartesian3());
    const day = s?.enabled ? Math.max(0, Math.min(1, (s.elevation + 2) / 10)) : 1; // dusk fades the sun out over −2°…8°
    this.light.intensity = (s?.enabled ? 2.6 : 2.2) * day;
    this.scene.shadowMap.enabled = on && !this.noCastShadows;
    this.scene.requestRender();
  }
}
