/**
 * XPlanung objects as read by src/core/formats/xplanung (geometry in WGS 84 lon/lat) → PlanInput in
 * the footprints' projected CRS. BaugebietsTeilFlaeche → 'baugebiet', UeberbaubareGrundstuecksFlaeche →
 * 'baufenster', BauGrenze/BauLinie → lines; other classes are skipped.
 */
import type { Geometry } from '../../../../src/core/formats/geometry';
import type { Hoehenangabe, XPlanObject } from '../../../../src/core/formats/xplanung/xplan-model';
import { fromWgs84 } from '../../../../src/core/geo';
import { ALLG_ART_DER_BAUL_NUTZUNG, BESONDERE_ART_DER_BAUL_NUTZUNG } from '../../../../src/core/formats/xplanung/codes';
import type { HeightLimit, PlanInput, PlanLine, PlanZone } from './plan-types';

export function heightLimitOf(h: Hoehenangabe): HeightLimit {
  return {
    max: h.hMax ?? h.h ?? h.hZwingend,
    min: h.hMin ?? h.hZwingend,
    bezugspunkt: h.bezugspunkt,
    hoehenbezug: h.hoehenbezug,
  };
}

export function planFromXPlan(objects: readonly XPlanObject[], epsg: number): PlanInput {
  const project = fromWgs84(epsg);
  const xy = [0, 0];
  const ring = (coords: Float64Array, dim: number) => {
    const n = Math.floor(coords.length / dim);
    const out = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      project(coords[i * dim], coords[i * dim + 1], xy);
      out[i * 2] = xy[0];
      out[i * 2 + 1] = xy[1];
    }
    return out;
  };
  const polygonsOf = (g: Geometry | null): Float64Array[][] => {
    if (!g) return [];
    if (g.type === 'Polygon') return [g.rings.map((r) => ring(r, g.dim))];
    if (g.type === 'MultiPolygon') return g.polygons.map((p) => p.map((r) => ring(r, g.dim)));
    if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
    return [];
  };
  const linesOf = (g: Geometry | null): Float64Array[] => {
    if (!g) return [];
    if (g.type === 'LineString') return [ring(g.coords, g.dim)];
    if (g.type === 'MultiLineString') return g.lines.map((l) => ring(l, g.dim));
    if (g.type === 'Polygon') return g.rings.map((r) => ring(r, g.dim));
    if (g.type === 'GeometryCollection') return g.geometries.flatMap(linesOf);
    return [];
  };
  const zones: PlanZone[] = [];
  const lines: PlanLine[] = [];
  for (const o of objects) {
    if (o.cls === 'BP_BaugebietsTeilFlaeche' || o.cls === 'BP_UeberbaubareGrundstuecksFlaeche') {
      const polygons = polygonsOf(o.geometry);
      if (polygons.length === 0) continue;
      zones.push({
        id: o.id,
        kind: o.cls === 'BP_BaugebietsTeilFlaeche' ? 'baugebiet' : 'baufenster',
        label: labelOf(o),
        polygons,
        grz: o.GRZ,
        gfz: o.GFZ,
        gr: o.GR,
        z: o.Z,
        zMax: o.Zmax,
        zZwingend: o.ZZwingend,
        heights: o.hoehenangaben.map(heightLimitOf),
      });
    } else if (o.cls === 'BP_BauGrenze' || o.cls === 'BP_BauLinie') {
      linesOf(o.geometry).forEach((coords, k, all) => lines.push({ id: all.length > 1 ? `${o.id}#${k}` : o.id, kind: o.cls === 'BP_BauGrenze' ? 'baugrenze' : 'baulinie', coords }));
    }
  }
  return { epsg, zones, lines };
}

/** "MI 1", a plan's own name, or the id: what a planner recognises the zone by. */
function labelOf(o: XPlanObject): string {
  if (o.text.name) return o.text.name;
  const art = (o.besondereArtDerBaulNutzung !== null ? BESONDERE_ART_DER_BAUL_NUTZUNG[o.besondereArtDerBaulNutzung]?.[2] : undefined) ??
    (o.allgArtDerBaulNutzung !== null ? ALLG_ART_DER_BAUL_NUTZUNG[o.allgArtDerBaulNutzung]?.[2] : undefined);
  const parts = [art, o.text.gliederung1, o.text.gliederung2].filter(Boolean);
  return parts.length ? parts.join(' ') : o.id;
}
