/**
 * A Bebauungsplan → engine-neutral {@link OverlayData} plus its legend:
 * plan areas draped in PlanZV colours, Baugrenze dashed and Baulinie solid, every Baufenster
 * extruded up to its maximum permitted height, Höhenmaße as small markers.
 */
import type { DrapedPolygon, OverlayData, OverlayFeature, OverlayStyle } from '../../overlay/overlay-data';
import type { Geometry } from '../geometry';
import { BESONDERE_ART_DER_BAUL_NUTZUNG, ALLG_ART_DER_BAUL_NUTZUNG, codeLabel } from './codes';
import { describeObject } from './xplan-labels';
import { DEFAULT_STOREY_HEIGHT, formatMetres, permittedHeight, type PermittedHeight } from './xplan-heights';
import type { XPlanModel, XPlanObject } from './xplan-model';
import { AREA_OPACITY, STYLES, areaColour } from './xplan-style';
import { pointInPolygon, ringCentroid } from './plane';
import { withDimension } from '../gml/geometry-sink';
import { METRES_PER_DEGREE } from '../../view/frame-target';

export interface PlanOverlayOptions {
  /** Overlay (layer) id, unique in the viewer. */
  id: string;
  /** Metres per full storey when a height comes from Z; default {@link DEFAULT_STOREY_HEIGHT}. Shown in the legend. */
  storeyHeight?: number;
  /** Height anomaly in metres at lon/lat (NHN + offset = ellipsoidal); needed only for absolute heights. */
  geoidOffset?: (lon: number, lat: number) => number;
}

export interface LegendEntry {
  label: string;
  kind: 'area' | 'line' | 'volume' | 'point';
  style: OverlayStyle;
}

export interface PlanLegend {
  title: string;
  entries: LegendEntry[];
  notes: string[];
}

export interface PlanOverlay {
  overlay: OverlayData;
  legend: PlanLegend;
  /** Objects read, by class; plus "extruded" for Baufenster with a volume. */
  counts: Record<string, number>;
  warnings: string[];
}

/** The polygons of a geometry, collections flattened. */
function polygonsOf(g: Geometry | null): { rings: Float64Array[]; dim: number }[] {
  if (g?.type === 'Polygon') return [{ rings: g.rings, dim: g.dim }];
  if (g?.type === 'MultiPolygon') return g.polygons.map((rings) => ({ rings, dim: g.dim }));
  return g?.type === 'GeometryCollection' ? g.geometries.flatMap(polygonsOf) : [];
}

/** Lines of a geometry; polygon rings count as lines (some plans draw a Baugrenze as a closed area). */
function linesOf(g: Geometry | null): { coords: Float64Array; dim: number }[] {
  if (g?.type === 'LineString') return [{ coords: g.coords, dim: g.dim }];
  if (g?.type === 'MultiLineString') return g.lines.map((coords) => ({ coords, dim: g.dim }));
  if (g?.type === 'GeometryCollection') return g.geometries.flatMap(linesOf);
  return polygonsOf(g).flatMap((p) => p.rings.map((coords) => ({ coords, dim: p.dim })));
}

function pointsOf(g: Geometry | null): [number, number][] {
  if (!g) return [];
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const out: [number, number][] = [];
    for (let i = 0; i < g.coords.length; i += g.dim) out.push([g.coords[i], g.coords[i + 1]]);
    return out;
  }
  return g.type === 'GeometryCollection' ? g.geometries.flatMap(pointsOf) : [];
}

/** A small hexagon of `radius` metres around lon/lat: Höhenmaße are points, overlays draw areas. */
function marker(lon: number, lat: number, radius: number): Float64Array {
  const out = new Float64Array(14);
  const kx = radius / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const ky = radius / METRES_PER_DEGREE;
  for (let k = 0; k <= 6; k++) {
    const a = ((k % 6) * Math.PI) / 3;
    out[k * 2] = lon + kx * Math.cos(a);
    out[k * 2 + 1] = lat + ky * Math.sin(a);
  }
  return out;
}

function artLabel(o: XPlanObject): string {
  return codeLabel(BESONDERE_ART_DER_BAUL_NUTZUNG, o.besondereArtDerBaulNutzung) ??
    codeLabel(ALLG_ART_DER_BAUL_NUTZUNG, o.allgArtDerBaulNutzung) ?? o.rawArt ?? 'Baugebiet (Art nicht angegeben)';
}

/** An absolute ground height near a point: the nearest Höhenmaß given in NHN. */
function nearestGroundNHN(x: number, y: number, marks: { x: number; y: number; h: number }[]): number | null {
  let best: number | null = null;
  let bestD = Infinity;
  const k = Math.cos((y * Math.PI) / 180);
  for (const m of marks) {
    const d = ((m.x - x) * k) ** 2 + (m.y - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = m.h;
    }
  }
  return best;
}

export function xplanToOverlay(model: XPlanModel, options: PlanOverlayOptions): PlanOverlay {
  const storeyHeight = options.storeyHeight ?? DEFAULT_STOREY_HEIGHT;
  const features: OverlayFeature[] = [];
  const counts: Record<string, number> = {};
  const warnings: string[] = [];
  const legendAreas = new Map<string, string>();
  const present = new Set<string>();
  let usedZ = false;
  let usedAbsolute = false;

  const areas = model.objects.filter((o) => o.cls === 'BP_BaugebietsTeilFlaeche');
  const absoluteMarks = model.objects
    .filter((o) => o.cls === 'BP_HoehenMass')
    .flatMap((o) => {
      const h = o.hoehenangaben.find((a) => a.hoehenbezug !== null && a.hoehenbezug < 2000 && (a.h ?? a.hZwingend) !== null);
      return h ? pointsOf(o.geometry).map(([x, y]) => ({ x, y, h: (h.h ?? h.hZwingend)! })) : [];
    });
  const areaAt = (x: number, y: number) => areas.find((a) => polygonsOf(a.geometry).some((p) => pointInPolygon(x, y, p.rings, p.dim))) ?? null;

  for (const o of model.objects) {
    counts[o.cls] = (counts[o.cls] ?? 0) + 1;
    const partId = (k: number, n: number) => (n > 1 ? `${o.id}#${k}` : o.id);
    switch (o.cls) {
      case 'BP_Plan': {
        const polys = polygonsOf(o.geometry);
        const props = describeObject(o);
        polys.forEach((p, k) => features.push({ kind: 'ground-line', id: partId(k, polys.length), style: STYLES.geltungsbereich, properties: props, coords: withDimension(p.rings[0], p.dim, 2) }));
        if (polys.length) present.add('plan');
        break;
      }
      case 'BP_BaugebietsTeilFlaeche': {
        const polys = polygonsOf(o.geometry);
        const fill = areaColour(o.besondereArtDerBaulNutzung, o.allgArtDerBaulNutzung);
        legendAreas.set(artLabel(o), fill);
        const props = describeObject(o);
        polys.forEach((p, k) =>
          features.push({ kind: 'draped-polygon', id: partId(k, polys.length), zIndex: 1, style: { fill, fillOpacity: AREA_OPACITY, stroke: '#555555', strokeWidth: 0.2 }, properties: props, rings: p.rings.map((r) => withDimension(r, p.dim, 2)) }),
        );
        break;
      }
      case 'BP_UeberbaubareGrundstuecksFlaeche': {
        const polys = polygonsOf(o.geometry);
        if (!polys.length) break;
        const [cx, cy] = ringCentroid(polys[0].rings[0], polys[0].dim);
        const area = areaAt(cx, cy);
        let height: PermittedHeight | null = permittedHeight(o, area, { storeyHeight, groundNHN: nearestGroundNHN(cx, cy, absoluteMarks) });
        const offset = options.geoidOffset?.(cx, cy) ?? NaN;
        if (height?.kind === 'absolute' && (height.base === null || !Number.isFinite(offset))) {
          warnings.push(`${o.id}: absolute height without ${height.base === null ? 'a ground height (NHN) in the plan' : 'a geoid model for this place'}; Z is used instead`);
          height = permittedHeight({ ...o, hoehenangaben: [] }, area && { ...area, hoehenangaben: [] }, { storeyHeight });
        }
        const props = describeObject(o, height);
        if (area) props['Liegt in'] = `${artLabel(area)}${area.GRZ !== null ? `, GRZ ${String(area.GRZ).replace('.', ',')}` : ''}`;
        polys.forEach((p, k) => {
          const rings = p.rings.map((r) => withDimension(r, p.dim, 2));
          const id = partId(k, polys.length);
          if (!height) {
            features.push({ kind: 'draped-polygon', id, zIndex: 2, style: STYLES.baufensterFlat, properties: props, rings } satisfies DrapedPolygon);
            present.add('baufenster-flat');
            return;
          }
          // absolute heights are normal heights: the geoid offset makes them ellipsoidal
          const base = height.kind === 'absolute' ? height.base! + offset : null;
          features.push({ kind: 'extruded-polygon', id, style: STYLES.baufenster, properties: props, rings, baseHeight: base, topHeight: base === null ? height.top : height.top + offset });
          usedAbsolute ||= base !== null;
          if (height.description.includes('Vollgeschosse')) usedZ = true;
          counts.extruded = (counts.extruded ?? 0) + 1;
          present.add('baufenster');
        });
        break;
      }
      case 'BP_BauGrenze':
      case 'BP_BauLinie': {
        const grenze = o.cls === 'BP_BauGrenze';
        const lines = linesOf(o.geometry);
        const props = describeObject(o);
        lines.forEach((l, k) => features.push({ kind: 'ground-line', id: partId(k, lines.length), style: grenze ? STYLES.baugrenze : STYLES.baulinie, properties: props, coords: withDimension(l.coords, l.dim, 2) }));
        if (lines.length) present.add(grenze ? 'baugrenze' : 'baulinie');
        break;
      }
      case 'BP_HoehenMass': {
        const pts = pointsOf(o.geometry);
        const props = describeObject(o);
        pts.forEach(([x, y], k) => features.push({ kind: 'draped-polygon', id: partId(k, pts.length), zIndex: 3, style: STYLES.hoehenmass, properties: props, rings: [marker(x, y, 0.8)] }));
        if (pts.length) present.add('hoehenmass');
        break;
      }
      case 'BP_Bereich':
        break;
    }
  }
  return { overlay: { id: options.id, features }, legend: legendOf(model, legendAreas, present, storeyHeight, usedZ, usedAbsolute), counts, warnings };
}

function legendOf(model: XPlanModel, areas: Map<string, string>, present: Set<string>, storeyHeight: number, usedZ: boolean, usedAbsolute: boolean): PlanLegend {
  const plan = model.objects.find((o) => o.cls === 'BP_Plan');
  const entries: LegendEntry[] = [...areas].map(([label, fill]) => ({ label, kind: 'area', style: { fill, fillOpacity: AREA_OPACITY } }));
  if (present.has('baufenster')) entries.push({ label: 'Baufenster, bis zur zulässigen Höhe', kind: 'volume', style: STYLES.baufenster });
  if (present.has('baufenster-flat')) entries.push({ label: 'Baufenster ohne Höhenfestsetzung', kind: 'area', style: STYLES.baufensterFlat });
  if (present.has('baugrenze')) entries.push({ label: 'Baugrenze', kind: 'line', style: STYLES.baugrenze });
  if (present.has('baulinie')) entries.push({ label: 'Baulinie', kind: 'line', style: STYLES.baulinie });
  if (present.has('hoehenmass')) entries.push({ label: 'Höhenmaß', kind: 'point', style: STYLES.hoehenmass });
  if (present.has('plan')) entries.push({ label: 'Grenze des Geltungsbereichs', kind: 'line', style: STYLES.geltungsbereich });
  const notes = [
    `Höhe der Baufenster: aus der Höhenangabe des Plans; ohne Höhenangabe Zahl der Vollgeschosse (Z) × ${formatMetres(storeyHeight)} angenommene Geschosshöhe.`,
  ];
  if (usedZ) notes.push(`Mindestens ein Baufenster ist aus Z × ${formatMetres(storeyHeight)} berechnet; die wirkliche Höhengrenze kann abweichen.`);
  if (usedAbsolute) notes.push('Absolute Höhen (NHN) sind mit dem Geoid EGM96 in ellipsoidische Höhen umgerechnet.');
  const nr = plan?.text.nummer;
  const title = plan ? `Bebauungsplan ${plan.text.name ?? ''}${nr ? ` (${/^nr/i.test(nr) ? nr : `Nr. ${nr}`})` : ''}`.trim() : 'Bebauungsplan';
  return { title, entries, notes };
}
