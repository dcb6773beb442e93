/** Small helpers for the browser tests: fixture data, waiting, reading pixels. */
import { expect } from 'vitest';
import type { ViewState } from '../../src/core/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { localRadii } from './fixtures/local-radii.js';

export const townUrl = '/tests/browser/fixtures/town/tileset.json';
export const town404Url = '/tests/browser/fixtures/town/tileset-404.json';

export interface FixtureBuilding {
  id: string;
  tile: string;
  lon: number;
  lat: number;
  ground: number;
  height: number;
  east: number;
  north: number;
  attributes: Record<string, string | number | null>;
}

let cache: Promise<{ origin: { lon: number; lat: number; height: number }; buildings: FixtureBuilding[] }> | null = null;

export function loadTown() {
  cache ??= fetch('/tests/browser/fixtures/town/buildings.json').then((r) => r.json());
  return cache;
}

export async function building(n: number): Promise<FixtureBuilding> {
  const town = await loadTown();
  return town.buildings[n - 1];
}

/** Looking north at the town from 170 m south, 130 m up: every building is in view, none hides another's centre. */
export const closeView: ViewState = { lon: 12.152, lat: 48.5355, height: 560, heading: 0, pitch: -38 };

/** A metres offset from the fixture origin as lon/lat (tangent plane, fine for 200 m). */
export async function offset(east: number, north: number): Promise<{ lon: number; lat: number }> {
  const { origin } = await loadTown();
  const r = localRadii(origin);
  const rad = Math.PI / 180;
  return { lon: origin.lon + east / r.east / rad, lat: origin.lat + north / r.north / rad };
}

/** Every resource the page fetched came from the page's own host (no request leaves the machine). */
export function allRequestsLocal(): void {
  const hosts = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).hostname));
  for (const host of hosts) expect(['127.0.0.1', 'localhost']).toContain(host);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The promise's value, or an error naming the step when it has not settled in time (a hang says where it is). */
export function within<T>(promise: Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no result from ${what} in ${timeoutMs / 1000} s`)), timeoutMs)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves on the next animation frame after the given number of frames, so a requested render has happened. */
export async function frames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
}

export type Rgba = [number, number, number, number];

/** The colour of the WebGL canvas at a client point (the canvas needs preserveDrawingBuffer). */
export function pixelAt(canvas: HTMLCanvasElement, clientX: number, clientY: number): Rgba {
  const rect = canvas.getBoundingClientRect();
  const x = Math.floor(((clientX - rect.left) / rect.width) * canvas.width);
  const y = Math.floor(((clientY - rect.top) / rect.height) * canvas.height);
  const probe = document.createElement('canvas');
  probe.width = 1;
  probe.height = 1;
  const ctx = probe.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(canvas, x, y, 1, 1, 0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2], d[3]];
}

export function colourDistance(a: Rgba, b: Rgba): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Red clearly dominant: a red-styled, lit building face. */
export function isReddish([r, g, b]: Rgba): boolean {
  return r > 110 && r > 2 * g && r > 2 * b;
}

export function isBluish([r, g, b]: Rgba): boolean {
  return b > 110 && b > 2 * r && b > 1.5 * g;
}

/** Pixels at a plan area's ground, a roof standing on it and a Baufenster volume. */
export interface PlanProbe {
  ground: Rgba;
  roof: Rgba;
  volume: Rgba;
}

export function probePlan(canvas: HTMLCanvasElement, at: Record<keyof PlanProbe, { x: number; y: number }>): PlanProbe {
  return { ground: pixelAt(canvas, at.ground.x, at.ground.y), roof: pixelAt(canvas, at.roof.x, at.roof.y), volume: pixelAt(canvas, at.volume.x, at.volume.y) };
}

/** A drawn plan: the WA area colours the ground pale red, not the roof on it; the Baufenster tints what is behind it. */
export function expectPlanDrawn(before: PlanProbe, after: PlanProbe): void {
  expect(colourDistance(after.ground, before.ground)).toBeGreaterThan(20);
  const [r, g, b] = after.ground;
  expect(r).toBeGreaterThan(g);
  expect(r).toBeGreaterThan(b);
  expect(colourDistance(after.roof, before.roof)).toBeLessThan(8);
  expect(colourDistance(after.volume, before.volume)).toBeGreaterThan(10);
}

/** The WebGL canvas inside a viewer's shadow root. */
export const canvasOf = (viewer: TwinbyViewer): HTMLCanvasElement => viewer.shadowRoot!.querySelector('canvas')!;

/** Screen point of a place given in metres east/north of the test town's origin, at an ellipsoidal height. */
export async function screenAt(viewer: TwinbyViewer, east: number, north: number, height: number) {
  const p = await offset(east, north);
  return viewer.activeEngine!.projectToScreen(p.lon, p.lat, height)!;
}
