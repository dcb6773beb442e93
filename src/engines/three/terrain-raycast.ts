import { Vector3, type Intersection, type Mesh, type Raycaster } from 'three';
import { surfaceHeight, type TerrainMesh } from '../../core/index.js';

const _o = new Vector3();
const _d = new Vector3();
const _p = new Vector3();

/**
 * Ray casting on a terrain without testing each of its million triangles: march along the ray over the grid
 * in half-cell steps, comparing the ray's height with the surface (the drawn triangles, surfaceHeight), and
 * refine the first crossing by bisection. The camera controls cast rays on every drag and zoom.
 */
export function terrainRaycast(mesh: Mesh, terrain: TerrainMesh, step: number, raycaster: Raycaster, intersects: Intersection[]): void {
  const { ray, near, far } = raycaster;
  _o.copy(ray.origin);
  _d.copy(ray.direction);
  const box = mesh.geometry.boundingBox;
  if (!box) return;
  // the stretch of the ray inside the terrain's box
  let t0 = Math.max(near, 0);
  let t1 = far;
  for (const axis of ['x', 'y', 'z'] as const) {
    const o = _o[axis];
    const d = _d[axis];
    const lo = box.min[axis] - 0.01;
    const hi = box.max[axis] + 0.01;
    if (Math.abs(d) < 1e-12) {
      if (o < lo || o > hi) return;
      continue;
    }
    const a = (lo - o) / d;
    const b = (hi - o) / d;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  }
  if (!(t1 >= t0)) return;
  const horizontal = Math.hypot(_d.x, _d.z) * (t1 - t0);
  const n = Math.min(20_000, Math.max(1, Math.ceil(horizontal / (step / 2))));
  const above = (t: number): number => {
    const y = surfaceHeight(terrain, _o.x + _d.x * t, _o.z + _d.z * t);
    return Number.isNaN(y) ? NaN : _o.y + _d.y * t - y;
  };
  let prevT = t0;
  let prev = above(t0);
  for (let k = 1; k <= n; k++) {
    const t = t0 + ((t1 - t0) * k) / n;
    const f = above(t);
    if (prev > 0 && f <= 0) {
      // the crossing lies between prevT and t
      let a = prevT;
      let b = t;
      for (let i = 0; i < 30; i++) {
        const m = (a + b) / 2;
        if (above(m) > 0) a = m;
        else b = m;
      }
      const hit = (a + b) / 2;
      ray.at(hit, _p);
      intersects.push({ distance: hit, point: _p.clone(), object: mesh, face: null, faceIndex: undefined } as Intersection);
      return;
    }
    prev = f;
    prevT = t;
  }
}
