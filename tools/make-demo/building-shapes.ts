/**
 * LoD2 bodies for the demo town: a rectangular footprint with one of the AdV
 * roof forms. Every polygon is planar and wound counter-clockwise seen from
 * outside (outward normals), like well-formed LDBV data.
 */

/** AdV roof type codes the generator builds. */
export type RoofType = '1000' | '2100' | '3100' | '3200' | '3500';

export type DemoSurfaceType = 'RoofSurface' | 'WallSurface' | 'GroundSurface';

export interface DemoSurface {
  type: DemoSurfaceType;
  /** Open ring of [x, y, z] points (the writer repeats the first point). */
  ring: number[][];
}

export interface BodySpec {
  /** Footprint centre (EPSG:25832). */
  x: number;
  y: number;
  /** Direction of the length axis, radians from east. */
  angle: number;
  /** Along the length axis; the ridge of a gabled or hipped roof runs this way. */
  length: number;
  width: number;
  /** Absolute heights (DHHN2016): ground, eaves, ridge (= eaves for a flat roof). */
  base: number;
  eave: number;
  ridge: number;
  roofType: RoofType;
}

export function buildBody(input: BodySpec): DemoSurface[] {
  // Gabled and hipped roofs put the ridge along the longer side.
  const swap = (input.roofType === '3100' || input.roofType === '3200') && input.length < input.width;
  const spec = swap ? { ...input, length: input.width, width: input.length, angle: input.angle + Math.PI / 2 } : input;
  // A hipped roof on a near-square footprint has no ridge left: it is a pyramid.
  const roofType = spec.roofType === '3200' && spec.length - spec.width < 0.5 ? '3500' : spec.roofType;
  const { length: l, width: w, base, eave, ridge } = spec;
  const cos = Math.cos(spec.angle);
  const sin = Math.sin(spec.angle);
  // Local (a along length, b across) → world.
  const at = (a: number, b: number, z: number): number[] => [spec.x + a * cos - b * sin, spec.y + a * sin + b * cos, z];
  const corners: [number, number][] = [
    [-l / 2, -w / 2],
    [l / 2, -w / 2],
    [l / 2, w / 2],
    [-l / 2, w / 2],
  ];
  const c = (i: number, z: number) => at(corners[i % 4][0], corners[i % 4][1], z);
  const out: DemoSurface[] = [{ type: 'GroundSurface', ring: [c(0, base), c(3, base), c(2, base), c(1, base)] }];
  const wall = (ring: number[][]) => out.push({ type: 'WallSurface', ring });
  const roof = (ring: number[][]) => out.push({ type: 'RoofSurface', ring });
  const box = (top: number) => {
    for (let i = 0; i < 4; i++) wall([c(i, base), c(i + 1, base), c(i + 1, top), c(i, top)]);
  };

  switch (roofType) {
    case '1000':
      box(eave);
      roof([c(0, eave), c(1, eave), c(2, eave), c(3, eave)]);
      break;
    case '2100':
      // Mono-pitch: low at the b = -w/2 side, high at b = +w/2.
      wall([c(0, base), c(1, base), c(1, eave), c(0, eave)]);
      wall([c(1, base), c(2, base), c(2, ridge), c(1, eave)]);
      wall([c(2, base), c(3, base), c(3, ridge), c(2, ridge)]);
      wall([c(3, base), c(0, base), c(0, eave), c(3, ridge)]);
      roof([c(0, eave), c(1, eave), c(2, ridge), c(3, ridge)]);
      break;
    case '3100': {
      const r0 = at(-l / 2, 0, ridge);
      const r1 = at(l / 2, 0, ridge);
      wall([c(0, base), c(1, base), c(1, eave), c(0, eave)]);
      wall([c(1, base), c(2, base), c(2, eave), r1, c(1, eave)]);
      wall([c(2, base), c(3, base), c(3, eave), c(2, eave)]);
      wall([c(3, base), c(0, base), c(0, eave), r0, c(3, eave)]);
      roof([c(0, eave), c(1, eave), r1, r0]);
      roof([c(2, eave), c(3, eave), r0, r1]);
      break;
    }
    case '3200': {
      // Hips at the same pitch as the long sides: the ridge is shorter by the width.
      const inset = w / 2;
      const r0 = at(-l / 2 + inset, 0, ridge);
      const r1 = at(l / 2 - inset, 0, ridge);
      box(eave);
      roof([c(0, eave), c(1, eave), r1, r0]);
      roof([c(1, eave), c(2, eave), r1]);
      roof([c(2, eave), c(3, eave), r0, r1]);
      roof([c(3, eave), c(0, eave), r0]);
      break;
    }
    case '3500': {
      const apex = at(0, 0, ridge);
      box(eave);
      for (let i = 0; i < 4; i++) roof([c(i, eave), c(i + 1, eave), apex]);
      break;
    }
  }
  return out;
}
