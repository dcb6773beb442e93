/**
 * The maximum permitted height of a Baufenster: from its Höhenangaben where given (absolute NHN or
 * relative to the ground), else from the number of storeys × an assumed storey height.
 * Values missing on the Baufenster are taken from the Baugebietsteilfläche it lies in.
 */
import { codeLabel, BEZUGSPUNKT, HOEHENBEZUG } from './codes';
import type { Hoehenangabe, MassRegulations } from './xplan-model';

/** Reference points that bound the whole building (First, Oberkante, Höhe baulicher Anlagen, Gebäudehöhe). */
const TOP_POINTS = new Set([2000, 3000, 5000, 6000]);
/** Eaves and wall heights bound less, but are better than nothing. */
const LOWER_TOP_POINTS = new Set([1000, 6500]);
/** Ground-level reference points, usable as the base of an absolute volume. */
const GROUND_POINTS = new Set([6600, 4500]);
const ABSOLUTE = new Set([1000, 1100, 1200]);

export type PermittedHeight =
  | { kind: 'relative'; top: number; description: string }
  /** Normal heights (NHN); base null when the plan gives no ground height. */
  | { kind: 'absolute'; top: number; base: number | null; description: string };

export const DEFAULT_STOREY_HEIGHT = 3.5;

export function formatMetres(v: number): string {
  return `${Number(v.toFixed(2)).toString().replace('.', ',')} m`;
}

function describe(h: Hoehenangabe, value: number): string {
  const point = h.bezugspunkt !== null ? codeLabel(BEZUGSPUNKT, h.bezugspunkt) + ' ' : '';
  const ref = h.hoehenbezug !== null ? (HOEHENBEZUG[h.hoehenbezug]?.[1] ?? '') : (h.abweichenderHoehenbezug ? `über ${h.abweichenderHoehenbezug}` : 'über Gelände (Bezug nicht angegeben)');
  const how = h.hZwingend !== null && h.hMax === null && h.h === null ? 'genau' : 'höchstens';
  return `${point}${how} ${formatMetres(value)} ${ref}`.trim();
}

/** The governing Höhenangabe: the highest bound among the top reference points, else eaves/wall. */
function governing(list: Hoehenangabe[]): { h: Hoehenangabe; value: number } | null {
  for (const points of [TOP_POINTS, LOWER_TOP_POINTS]) {
    let best: { h: Hoehenangabe; value: number } | null = null;
    for (const h of list) {
      const v = h.hMax ?? h.h ?? h.hZwingend;
      if (v === null) continue;
      const fits = h.bezugspunkt === null ? points === TOP_POINTS : points.has(h.bezugspunkt);
      if (fits && (!best || v > best.value)) best = { h, value: v };
    }
    if (best) return best;
  }
  return null;
}

function groundOf(list: Hoehenangabe[]): number | null {
  for (const h of list) {
    if (h.bezugspunkt !== null && GROUND_POINTS.has(h.bezugspunkt) && h.hoehenbezug !== null && ABSOLUTE.has(h.hoehenbezug)) {
      return h.h ?? h.hZwingend ?? h.hMin;
    }
  }
  return null;
}

export interface HeightOptions {
  storeyHeight: number;
  /** An absolute ground height (NHN) near the Baufenster, e.g. from a BP_HoehenMass; used as the base. */
  groundNHN?: number | null;
}

/**
 * Permitted height of `own` (a Baufenster), falling back to `area` (the Baugebietsteilfläche around it).
 * Returns null when neither says anything about height.
 */
export function permittedHeight(own: MassRegulations, area: MassRegulations | null, options: HeightOptions): PermittedHeight | null {
  for (const source of [own, area]) {
    if (!source) continue;
    const g = governing(source.hoehenangaben);
    if (!g) continue;
    const from = source === own ? '' : ' (aus der Baugebietsteilfläche)';
    if (g.h.hoehenbezug !== null && ABSOLUTE.has(g.h.hoehenbezug)) {
      const base = groundOf(source.hoehenangaben) ?? options.groundNHN ?? null;
      return { kind: 'absolute', top: g.value, base, description: describe(g.h, g.value) + from };
    }
    return { kind: 'relative', top: g.value, description: describe(g.h, g.value) + from };
  }
  for (const source of [own, area]) {
    if (!source) continue;
    const z = source.ZZwingend ?? source.Zmax ?? source.Z;
    if (z === null || z <= 0) continue;
    const from = source === own ? '' : ' der Baugebietsteilfläche';
    return {
      kind: 'relative',
      top: z * options.storeyHeight,
      description: `${z} Vollgeschosse${from} × ${formatMetres(options.storeyHeight)} angenommene Geschosshöhe = ${formatMetres(z * options.storeyHeight)}`,
    };
  }
  return null;
}
