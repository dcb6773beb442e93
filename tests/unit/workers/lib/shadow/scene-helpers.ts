import type { SceneTriangles } from '../../../../../workers/lib/shadow/tileset-triangles';
import { mergeTriangles } from '../../../../../workers/lib/shadow/tileset-triangles';

/** A closed axis-aligned box as 12 triangles, all of building id. */
export function box(id: string, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number): SceneTriangles {
  const v = (i: number) => [i & 1 ? x1 : x0, i & 2 ? y1 : y0, i & 4 ? z1 : z0];
  const quads = [
    [0, 1, 3, 2], [4, 6, 7, 5], // bottom, top
    [0, 4, 5, 1], [2, 3, 7, 6], // south, north
    [0, 2, 6, 4], [1, 5, 7, 3], // west, east
  ];
  const positions: number[] = [];
  for (const [a, b, c, d] of quads) positions.push(...v(a), ...v(b), ...v(c), ...v(a), ...v(c), ...v(d));
  return { positions: new Float64Array(positions), feature: new Int32Array(12), ids: [id] };
}

/** A flat ground square of half-size r at z = 0, no feature. */
export function ground(r: number): SceneTriangles {
  return {
    positions: new Float64Array([-r, -r, 0, r, -r, 0, r, r, 0, -r, -r, 0, r, r, 0, -r, r, 0]),
    feature: new Int32Array([-1, -1]),
    ids: [],
  };
}

export function scene(...parts: SceneTriangles[]): SceneTriangles {
  return mergeTriangles(parts);
}
