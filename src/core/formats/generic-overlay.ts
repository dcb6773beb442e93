/**
 * Features that are not XPlanung (any other WFS feature type) as plain overlay features:
 * areas draped in a neutral blue, lines solid, points as small markers; properties as text.
 */
import type { OverlayFeature, OverlayStyle } from '../overlay/overlay-data';
import type { Feature, PropertyValue } from './feature';
import type { Geometry } from './geometry';
import { METRES_PER_DEGREE } from '../view/frame-target';
import { withDimension } from './gml/geometry-sink';

const xy = (coords: Float64Array, dim: number): Float64Array => withDimension(coords, dim, 2);

export const GENERIC_AREA: OverlayStyle = { fill: '#7aa6d6', fillOpacity: 0.45, stroke: '#1f5fa8', strokeWidth: 0.3 };
export const GENERIC_LINE: OverlayStyle = { stroke: '#1f5fa8', strokeWidth: 0.5 };

/** XPlanung classes (BP_, FP_, XP_ …) are the plan reader's; everything else is generic. */
export function isXPlanungType(type: string): boolean {
  return /^(?:[\w-]+:)?(BP|FP|RP|LP|SO|XP)_/.test(type);
}

function text(v: PropertyValue): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  return JSON.stringify(v);
}

function marker(lon: number, lat: number): Float64Array {
  const out = new Float64Array(10);
  const k = 1 / METRES_PER_DEGREE;
  const kx = k / Math.cos((lat * Math.PI) / 180);
  [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]].forEach(([a, b], i) => {
    out[i * 2] = lon + a * kx;
    out[i * 2 + 1] = lat + b * k;
  });
  return out;
}

export function genericOverlayFeatures(features: Feature[]): OverlayFeature[] {
  const out: OverlayFeature[] = [];
  let n = 0;
  const add = (f: Feature, g: Geometry, props: Record<string, string | number | boolean | null>) => {
    const id = () => `${f.id ?? `${f.type}.${n}`}#${out.length}`;
    switch (g.type) {
      case 'Polygon':
        out.push({ kind: 'draped-polygon', id: id(), zIndex: 0, style: GENERIC_AREA, properties: props, rings: g.rings.map((r) => xy(r, g.dim)) });
        break;
      case 'MultiPolygon':
        for (const p of g.polygons) out.push({ kind: 'draped-polygon', id: id(), zIndex: 0, style: GENERIC_AREA, properties: props, rings: p.map((r) => xy(r, g.dim)) });
        break;
      case 'LineString':
        out.push({ kind: 'ground-line', id: id(), style: GENERIC_LINE, properties: props, coords: xy(g.coords, g.dim) });
        break;
      case 'MultiLineString':
        for (const l of g.lines) out.push({ kind: 'ground-line', id: id(), style: GENERIC_LINE, properties: props, coords: xy(l, g.dim) });
        break;
      case 'Point':
      case 'MultiPoint':
        for (let i = 0; i < g.coords.length; i += g.dim) {
          out.push({ kind: 'draped-polygon', id: id(), zIndex: 3, style: GENERIC_AREA, properties: props, rings: [marker(g.coords[i], g.coords[i + 1])] });
        }
        break;
      case 'GeometryCollection':
        for (const c of g.geometries) add(f, c, props);
        break;
    }
  };
  for (const f of features) {
    n++;
    if (!f.geometry || isXPlanungType(f.type)) continue;
    const props: Record<string, string | number | boolean | null> = { Objektart: f.type };
    for (const [k, v] of Object.entries(f.properties)) props[k] = text(v);
    if (f.id !== null) props['Kennung'] = f.id;
    add(f, f.geometry, props);
  }
  return out;
}
